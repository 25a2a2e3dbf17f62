"""What a batch works on: its settings, the documents of a release and the result of each."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import GlossaryEntry

if TYPE_CHECKING:
    from ..io.store import DocumentRows
    from ..pipeline import PipelineSettings


STATE_DIR = ".corpus-align"
STATE_FILE = "state.jsonl"
# Written by earlier versions, rewritten whole after every document; read once and migrated.
LEGACY_STATE_FILE = "state.json"
# Every document gets these outputs; --format adds any other registered one (corpus_align.io.writers).
ALWAYS_WRITTEN = ("tsv", "findings", "html")


def extra_formats() -> tuple[str, ...]:
    """The formats ``--format`` may add to a batch: every registered one not always written.

    >>> extra_formats()
    ('jsonl', 'ladder', 'tmx', 'xlsx')
    """
    from ..io.writers import WRITERS

    return tuple(name for name in WRITERS if name not in ALWAYS_WRITTEN)

# The status of a document in every output: the terminal, summary.tsv, summary.json, index.html and the state.
DONE = "done"  # aligned and checked by this run
UNCHANGED = "unchanged"  # aligned by an earlier run from the same inputs and settings; its outputs kept
FAILED = "failed"  # no outputs: the error says which file and what is wrong
DOCUMENT_STATUSES = (DONE, UNCHANGED, FAILED)
# ... and of a file of the release that is no document.
UNPAIRED = "unpaired"  # a file of a pair whose partner is missing, or not a .txt document
NOT_READ = "not-read"  # not a regular file (a named pipe, a device, a broken link): never opened
# The words of earlier versions for a document aligned: "ok" (state files, summaries), "skipped" (the terminal,
# for one aligned by an earlier run). Read as DONE, so that a state written before the upgrade still resumes.
LEGACY_STATUSES = {"ok": DONE, "skipped": DONE}


def current_status(status: str) -> str:
    """``status`` in today's words: a state file written before the vocabulary changed still resumes.

    >>> current_status("ok"), current_status("skipped"), current_status("failed")
    ('done', 'done', 'failed')
    """
    return LEGACY_STATUSES.get(status, status)


SUMMARY_COLUMNS = (
    "name", "status", "zh_file", "en_file", "zh_sentences", "en_sentences", "beads", "bead_types",
    "mean_score", "errors", "warnings", "infos", "accepted", "codes", "seconds", "error",
)


@dataclass(frozen=True)
class DocumentPair:
    """One document of a release: a Chinese and an English file, or one bilingual file (``en`` is ``None``).

    ``name`` is the output name relative to the output folder, sub-folders kept.
    """

    name: str
    zh: Path
    en: Path | None = None


@dataclass(frozen=True)
class SkippedPath:
    """A file or folder of a release that is not read, and why (a named pipe, a device, a link already followed)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Discovery:
    """The document pairs found in a release, the files that have no partner, and what was not read.

    ``unpaired_reasons`` says, per unpaired file, why it has no partner (its
    partner may be a skipped named pipe rather than missing).
    """

    pairs: tuple[DocumentPair, ...]
    unpaired: tuple[Path, ...]
    skipped: tuple[SkippedPath, ...] = ()
    unpaired_reasons: dict[Path, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class BatchSettings:
    """Everything besides the input text that decides a document's outputs (hashed for re-runs).

    ``baseline`` holds the accepted findings as sorted ``(fingerprint, reason)`` pairs
    (:func:`corpus_align.baseline.reason_pairs`; None: no baseline): a document is redone when they change,
    since its report shows which findings are accepted and why.
    """

    formats: tuple[str, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    presegmented: bool = False
    encoding: str | None = None
    opencc: str = "auto"
    max_merge: int = 4
    realign: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    # How outputs show the text (original, repaired, simplified); None: each format's default (TMX repaired).
    text: str | None = None
    min_confidence: float | None = None
    by_paragraph: bool = True
    checks: bool = True
    baseline: tuple[tuple[str, str], ...] | None = None

    def __post_init__(self) -> None:
        if self.text is not None:  # a bad mode fails here, not once per document in the workers
            from ..normalize import check_text_mode

            check_text_mode(self.text)

    def pipeline(self) -> PipelineSettings:
        """The settings of :func:`~corpus_align.pipeline.run_pipeline` for each document.

        >>> BatchSettings(max_merge=2, realign=False).pipeline().max_merge
        2
        """
        from ..pipeline import PipelineSettings

        return PipelineSettings(presegmented=self.presegmented, opencc=self.opencc, max_merge=self.max_merge,
                                glossary=self.glossary, realign=self.realign, by_paragraph=self.by_paragraph,
                                checks=self.checks, select=self.select, ignore=self.ignore,
                                min_confidence=self.min_confidence, baseline=self.baseline)

    def as_json(self) -> dict:
        """The settings as plain JSON values (lists for tuples, a dict per glossary entry), as summary.json shows them.

        The baseline shows as its number of accepted findings, not as the findings themselves.

        >>> BatchSettings(formats=("tmx",)).as_json()["formats"]
        ['tmx']
        >>> BatchSettings(baseline=(("a1", ""),)).as_json()["baseline"]
        {'accepted': 1}
        """
        data = json.loads(json.dumps(asdict(self), ensure_ascii=False, default=list))
        if self.baseline is not None:
            data["baseline"] = {"accepted": len(self.baseline)}
        return data

    def fingerprint(self) -> str:
        from .. import __version__

        data = asdict(self)
        data["version"] = __version__
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=list)


@dataclass(frozen=True)
class DocumentTask:
    """The input of :func:`process_document`: names and bytes, nothing that needs our disk."""

    name: str
    zh_name: str
    zh_bytes: bytes
    en_name: str | None
    en_bytes: bytes | None
    settings: BatchSettings


@dataclass
class DocumentResult:
    """The outputs (suffix → bytes), the summary record and the release store's rows of one document.

    ``rows`` is ``None`` for a failed document (and for a result from a worker of a version that made none:
    the document is then aligned again by the next run).
    """

    name: str
    record: dict
    outputs: dict[str, bytes] = field(default_factory=dict)
    rows: DocumentRows | None = None
