"""The run: documents through the workers, outputs written atomically, the state kept, the summaries written."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, OutputError, UsageError
from ..io.atomic import write_bytes_atomic
from .discovery import discover
from .document import document_tasks, encodable, output_paths, task_hash
from .settings import (
    DOCUMENT_STATUSES,
    DONE,
    FAILED,
    NOT_READ,
    STATE_DIR,
    SUMMARY_COLUMNS,
    UNCHANGED,
    UNPAIRED,
    BatchSettings,
    Discovery,
    DocumentResult,
    DocumentTask,
    current_status,
    extra_formats,
)
from .state import StateLog
from .workers import map_dask, map_local

if TYPE_CHECKING:
    from ..io.store import ReleaseStoreWriter


@dataclass
class BatchReport:
    """What a batch run did: one record per document, then per unpaired and per unread file, in name order.

    ``done``, ``unchanged`` and ``failed`` count the documents by status;
    ``total`` is every document found, more than their sum only when the
    run was ``interrupted``. ``warnings`` are the problems met besides the
    documents' own (a resume state that could not be trusted).
    """

    out_dir: Path
    records: list[dict]
    done: int = 0
    unchanged: int = 0
    failed: int = 0
    total: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[dict]:
        """The records of the documents (not of the unpaired or unread files)."""
        return [r for r in self.records if r["status"] in DOCUMENT_STATUSES]

    @property
    def finished(self) -> int:
        """Documents with a status: all of them, unless the run was interrupted."""
        return self.done + self.unchanged + self.failed

    # The names of earlier versions, kept for callers of the API.
    @property
    def processed(self) -> int:
        """Same as :attr:`done`."""
        return self.done

    @property
    def skipped(self) -> int:
        """Same as :attr:`unchanged`."""
        return self.unchanged

    def totals(self) -> dict:
        """The counts summary.json starts with: documents by status, files by status, sentences, findings by severity.

        Sentences and findings are those of the documents done or unchanged.

        >>> report = BatchReport(Path("out"), [{"status": "done", "zh_sentences": 2, "en_sentences": 3, "errors": 1}],
        ...                      done=1, total=1)
        >>> report.totals()["sentences"], report.totals()["findings"]
        ({'zh': 2, 'en': 3}, {'error': 1, 'warning': 0, 'info': 0})
        """
        statuses = Counter(record["status"] for record in self.records)
        aligned = [r for r in self.records if r["status"] in {DONE, UNCHANGED}]

        def total(key: str) -> int:
            return sum(int(record.get(key) or 0) for record in aligned)

        return {
            "documents": self.total, DONE: self.done, UNCHANGED: self.unchanged, FAILED: self.failed,
            "not_finished": self.total - self.finished, UNPAIRED: statuses[UNPAIRED],
            NOT_READ.replace("-", "_"): statuses[NOT_READ],
            "sentences": {"zh": total("zh_sentences"), "en": total("en_sentences")},
            "findings": {"error": total("errors"), "warning": total("warnings"), "info": total("infos")},
        }


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch: the summaries of the documents finished are written; ``report`` says what they were.

    A :class:`KeyboardInterrupt`, so that whoever stops on Ctrl-C still does.

    >>> str(BatchInterrupted(BatchReport(Path("out"), [], done=3, total=10)))
    'interrupted after 3 of 10 documents; the summary of those is in out/summary.tsv; run the same command again to do the rest'
    """

    def __init__(self, report: BatchReport) -> None:
        self.report = report
        super().__init__(
            f"interrupted after {report.finished} of {report.total} documents; the summary of those is in"
            f" {report.out_dir / 'summary.tsv'}; run the same command again to do the rest"
        )


# Called as progress(status, record, finished, total): once with status "start" before any work,
# then once per document with its status, "done", "unchanged" or "failed".
ProgressCallback = Callable[[str, dict, int, int], None]


@dataclass
class _RunProgress:
    """What a batch run has done so far: a record per document, the counts in the report, the state log, progress calls."""

    report: BatchReport
    state: StateLog
    store: ReleaseStoreWriter
    total: int
    progress: ProgressCallback | None = None
    records: dict[str, dict] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    finished_count: int = 0

    def unchanged(self, task: DocumentTask, outputs_present: Callable[[], bool]) -> bool:
        """True (and the document recorded as unchanged) when an earlier run aligned these inputs with these settings
        and its outputs are still there, its rows in the release store included."""
        digest = task_hash(task)
        previous = self.state.entries.get(task.name)
        if (previous and previous["hash"] == digest and current_status(previous["record"]["status"]) in {DONE, UNCHANGED}
                and self.store.holds(task.name, digest) and outputs_present()):
            record = dict(previous["record"], status=UNCHANGED)
            record.pop("skipped", None)  # the flag of earlier versions, which the status now says
            self.records[task.name] = record
            self.store.mark_unchanged(task.name)
            self.report.unchanged += 1
            self._step(UNCHANGED, record)
            return True
        self.hashes[task.name] = digest
        return False

    def finished(self, result: DocumentResult) -> None:
        """Count a document's result and log it before the next one, so that a run killed half way resumes there."""
        record = dict(result.record)
        self.records[result.name] = record
        if record["status"] == DONE:
            self.report.done += 1
        else:
            self.report.failed += 1
        self.store.replace_document(record, self.hashes[result.name], result.rows)
        self.state.record(result.name, self.hashes[result.name], result.record)
        self._step(record["status"], record)

    def _step(self, status: str, record: dict) -> None:
        self.finished_count += 1
        if self.progress:
            self.progress(status, record, self.finished_count, self.total)


def run_batch(
    release_dir: str | Path,
    out_dir: str | Path,
    *,
    settings: BatchSettings = BatchSettings(),
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    pattern: str | None = None,
    progress: ProgressCallback | None = None,
    warn: Callable[[str], None] | None = None,
) -> BatchReport:
    """Align and check every document of ``release_dir`` and write the outputs into ``out_dir``.

    Per document: ``NAME.tsv``, ``NAME.findings.jsonl``, ``NAME.html`` (and
    one file per format of ``settings.formats``), sub-folders
    mirrored; then ``summary.tsv``, ``summary.json``, ``index.html`` and
    ``release.sqlite``, the release store of every document's sentences,
    beads and findings (see :mod:`corpus_align.io.store`; only the rows of
    the documents done, failed or gone are rewritten).
    ``workers`` processes run in parallel (default: the number of cores);
    ``scheduler`` (``tcp://host:port``) sends the work to a Dask cluster
    instead.

    Re-runs: documents whose inputs and settings are unchanged since a run
    that aligned them are not aligned again (status ``unchanged``) unless ``force``; failed documents are
    tried again by every run, a document whose worker died included (the
    cause may be gone: more memory, a fixed file), and such a document
    costs a run that one worker, never the run. ``warn`` is called with each
    warning as it happens (they are also in ``report.warnings``); files that
    are not read are records with status ``not-read`` and the reason.

    Ctrl-C (:class:`KeyboardInterrupt`) stops the workers, writes the
    summaries of the documents finished and raises :class:`BatchInterrupted`;
    the next run resumes there. A release without a single document raises
    :class:`~corpus_align.errors.InputError` saying what was looked for,
    before anything is written.

    >>> report = run_batch("release", "out", workers=2)  # doctest: +SKIP
    >>> report.done, report.failed  # doctest: +SKIP
    (200, 0)
    """
    started = time.perf_counter()
    root = Path(release_dir)
    out = Path(out_dir)
    for fmt in settings.formats:
        if fmt not in extra_formats():
            raise UsageError(f"unknown batch format {fmt!r}; choose from {', '.join(extra_formats())}")
    found = discover(root, pattern=pattern, exclude=out)
    if out.resolve() == root.resolve():
        raise UsageError("the output folder must not be the release folder itself")
    if not found.pairs:
        raise InputError(str(root), no_documents_problem(found, root, pattern))
    report = BatchReport(out, [], total=len(found.pairs))

    def warning(message: str) -> None:
        report.warnings.append(message)
        if warn is not None:
            warn(message)

    from ..io.store import STORE_FILE, ReleaseStoreWriter

    names = {pair.name for pair in found.pairs}
    with (StateLog.open(out / STATE_DIR, keep=names, fresh=force, warn=warning) as state,
          ReleaseStoreWriter.open(out / STORE_FILE, fresh=force, warn=warning) as store):
        run = _RunProgress(report, state, store, total=len(found.pairs), progress=progress)
        def outputs_present(name: str) -> Callable[[], bool]:
            return lambda: all(path.is_file() for path in output_paths(out, name, settings.formats))

        pending = (task for task in document_tasks(found.pairs, settings, root) if not run.unchanged(task, outputs_present(task.name)))
        if progress:
            progress("start", {"name": str(root), "unpaired": len(found.unpaired)}, 0, run.total)
        results = map_dask(pending, scheduler) if scheduler else map_local(pending, workers or os.cpu_count() or 1, settings)
        try:
            for result in results:
                run.finished(_write_outputs(out, result))
        except KeyboardInterrupt:
            # Whatever it stopped (a wait for the workers, a progress line), the documents recorded are whole.
            report.interrupted = True
        finally:
            results.close()  # stops the workers now, not when the generator is collected
        store.keep_only(names)
        if settings.baseline is not None:
            store.set_decisions(settings.baseline)
        store.commit({"settings": settings.as_json(), "interrupted": report.interrupted})
    records = run.records

    ordered = [records[pair.name] for pair in found.pairs if pair.name in records]
    ordered += [
        {"name": str(path.relative_to(root)), "status": UNPAIRED, "zh_file": "", "en_file": "",
         "error": found.unpaired_reasons.get(path, "no partner file found")}
        for path in found.unpaired
    ]
    ordered += [
        {"name": str(item.path.relative_to(root)), "status": NOT_READ, "zh_file": "", "en_file": "", "error": item.reason}
        for item in found.skipped
    ]
    report.records = ordered
    report.seconds = time.perf_counter() - started
    try:
        _write_summaries(out, report, settings)
    except OSError as error:
        raise OutputError(str(out), f"cannot write the summary: {error.strerror or error}") from None
    if report.interrupted:
        raise BatchInterrupted(report)
    return report


# The layouts discover() pairs, as a user would name them.
LAYOUTS = "NAME.zh.txt + NAME.en.txt, zh/NAME.txt + en/NAME.txt, bilingual NAME.txt files"


def no_documents_problem(found: Discovery, root: Path, pattern: str | None = None) -> str:
    """Why a release has nothing to align: the layouts looked for, and what the files there are instead.

    >>> print(no_documents_problem(Discovery((), ()), Path("release")).replace("; ", ";\\n"))
    no documents found (looked for NAME.zh.txt + NAME.en.txt, zh/NAME.txt + en/NAME.txt, bilingual NAME.txt files);
    it holds no file (hidden files are not looked at)
    """
    looked_for = LAYOUTS + (f" and --pattern {pattern!r}" if pattern else "")
    problem = f"no documents found (looked for {looked_for})"
    files = [(path, found.unpaired_reasons.get(path, "no partner file found")) for path in found.unpaired]
    files += [(item.path, item.reason) for item in found.skipped]
    if not files:
        return problem + "; it holds no file (hidden files are not looked at)"
    examples = "; ".join(f"{path.relative_to(root).as_posix()}: {reason}" for path, reason in files[:3])
    more = f"; and {len(files) - 3} more" if len(files) > 3 else ""
    count = "1 file is there" if len(files) == 1 else f"{len(files)} files are there"
    return problem + f"; {count}, none paired ({examples}{more})"


def _write_outputs(out: Path, result: DocumentResult) -> DocumentResult:
    """Write a document's outputs; the result, failed when one cannot be written (a folder in the way, a full disk)."""
    for suffix, data in result.outputs.items():
        path = out / f"{result.name}{suffix}"
        try:
            write_bytes_atomic(path, data)
        except OSError as error:
            problem = f"cannot write {path.relative_to(out).as_posix()}: {error.strerror or error}"
            return DocumentResult(result.name, dict(result.record, status="failed", error=problem))
    return result


def _summary_row(record: dict) -> list[str]:
    from ..io.tsv import tsv_cell

    values = []
    for column in SUMMARY_COLUMNS:
        value = record.get(column, "")
        if isinstance(value, dict):
            value = " ".join(f"{key}:{count}" for key, count in value.items())
        values.append(tsv_cell(value))
    return values


def _write_summaries(out: Path, report: BatchReport, settings: BatchSettings) -> None:
    from .. import __version__
    from ..io.html import to_index_html

    def encoded(text: str) -> bytes:
        # A file name that is not UTF-8 holds lone surrogates: spelled \udcXX, which JSON reads back as the same name.
        return text.encode("utf-8", "backslashreplace")

    lines = ["\t".join(SUMMARY_COLUMNS)] + ["\t".join(_summary_row(r)) for r in report.records]
    write_bytes_atomic(out / "summary.tsv", encoded("\n".join(lines) + "\n"))
    summary = {
        "version": __version__, "settings": settings.as_json(), "interrupted": report.interrupted,
        "totals": report.totals(), "documents": report.records,
    }
    write_bytes_atomic(out / "summary.json", encoded(json.dumps(summary, ensure_ascii=False, indent=2) + "\n"))
    # No link for a name that is not UTF-8: a page can only link to it percent-encoded from its bytes.
    index = [dict(record, report=f"{record['name']}.html" if encodable(record["name"]) == record["name"] else None)
             for record in report.records]
    title = "corpus-align batch report"
    if report.interrupted:
        title += f" (interrupted after {report.finished} of {report.total} documents)"
    write_bytes_atomic(out / "index.html", encoded(to_index_html(index, title=title)))


def aligned_outputs(out_dir: str | Path) -> dict[str, Path]:
    """The aligned TSV of each document a batch wrote into ``out_dir``, by document name (sub-folders in the name).

    The documents are those ``summary.tsv`` lists as done or unchanged, in its order; without a summary, every
    ``NAME.tsv`` of the folder (a folder of aligned files).  A folder with neither is an
    :class:`~corpus_align.errors.InputError`.

    >>> aligned_outputs("out")  # doctest: +SKIP
    {'book/ch1': PosixPath('out/book/ch1.tsv'), 'book/ch2': PosixPath('out/book/ch2.tsv')}
    """
    import csv

    folder = Path(out_dir)
    summary = folder / "summary.tsv"
    found: dict[str, Path] = {}
    if summary.is_file():
        with summary.open(encoding="utf-8", errors="replace", newline="") as stream:
            for record in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
                path = folder / f"{record.get('name', '')}.tsv"
                if record.get("status") in (DONE, UNCHANGED) and path.is_file():
                    found[record["name"]] = path
    else:
        for path in sorted(folder.rglob("*.tsv")):
            relative = path.relative_to(folder)
            if STATE_DIR not in relative.parts and not path.name.endswith(".findings.tsv") and path.is_file():
                found[relative.with_suffix("").as_posix()] = path
    if not found:
        raise InputError(str(folder), "has no aligned documents: expected a batch output folder "
                         "(summary.tsv and NAME.tsv files) or a folder of aligned .tsv files")
    return found

