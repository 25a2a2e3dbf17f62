"""Many documents at once: find the pairs of a release, align and check each, write reports and a summary.

The work for one document (:func:`process_document`) is a pure function from
input bytes to output bytes, so it runs the same in this process, in a pool
of processes, or on a Dask cluster whose workers share no disk with us. Only
:func:`run_batch` touches files, and it writes each one atomically.

A batch survives what one document can do to it: a worker process that dies
(the kernel's OOM killer, a segfault) fails that document only, and a new
worker takes the rest; workers end with the batch, even when it is killed;
files that are not regular files (named pipes, devices) are reported, never
opened; a resume state that cannot be trusted is rebuilt, not obeyed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import signal
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Generator, Hashable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._runtime import die_with_parent
from .errors import CorpusAlignError, InputError, OutputError, UsageError
from .io.atomic import write_bytes_atomic
from .io.read import file_kind
from .model import GlossaryEntry

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import DefaultContext, ForkContext
    from multiprocessing.process import BaseProcess

    from .pipeline import PipelineSettings

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
    from .io.writers import WRITERS

    return tuple(name for name in WRITERS if name not in ALWAYS_WRITTEN)
SUMMARY_COLUMNS = (
    "name", "status", "zh_file", "en_file", "zh_sentences", "en_sentences", "beads", "bead_types",
    "mean_score", "errors", "warnings", "infos", "codes", "seconds", "error",
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
    """Everything besides the input text that decides a document's outputs (hashed for re-runs)."""

    formats: tuple[str, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    presegmented: bool = False
    encoding: str | None = None
    opencc: str = "auto"
    max_merge: int = 4
    realign: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    zh_script: str = "original"
    min_confidence: float | None = None

    def pipeline(self) -> PipelineSettings:
        """The settings of :func:`~corpus_align.pipeline.run_pipeline` for each document."""
        from .pipeline import PipelineSettings

        return PipelineSettings(presegmented=self.presegmented, opencc=self.opencc, max_merge=self.max_merge,
                                glossary=self.glossary, realign=self.realign, select=self.select, ignore=self.ignore,
                                min_confidence=self.min_confidence)

    def fingerprint(self) -> str:
        from . import __version__

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
    """The outputs (suffix → bytes) and the summary record of one document."""

    name: str
    record: dict
    outputs: dict[str, bytes] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------------------------
# Discovery


def _is_text_name(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in {".txt", ".text", ""}


def _template_match(template: str, filename: str) -> str | None:
    prefix, _, suffix = template.partition("*")
    if filename.startswith(prefix) and filename.endswith(suffix) and len(filename) > len(prefix) + len(suffix):
        return filename[len(prefix) : len(filename) - len(suffix)]
    return None


def discover(release_dir: str | Path, *, pattern: str | None = None, exclude: str | Path | None = None) -> Discovery:
    """Find the documents of a release folder.

    Pairs are ``NAME.zh.txt`` + ``NAME.en.txt`` side by side, ``zh/NAME.txt``
    + ``en/NAME.txt`` in sibling folders, or ``pattern`` given as
    ``ZH_TEMPLATE:EN_TEMPLATE`` with ``*`` for the name (``*_cn.txt:*_en.txt``).
    Any other ``.txt`` file is taken as a bilingual document. Files of a pair
    whose partner is missing, and files that are not text documents, are
    returned in ``unpaired``. ``exclude`` (the output folder, when it lies
    inside the release) is not searched.

    Every sub-folder is searched, links to folders included, each folder
    once (a link back to a parent is not a loop forever). Named pipes,
    devices, sockets and broken links are never opened: they are returned in
    ``skipped`` with the reason, and so are links to folders already searched.

    >>> discover("release").pairs[0]  # doctest: +SKIP
    DocumentPair(name='news/a', zh=PosixPath('release/news/a.zh.txt'), en=PosixPath('release/news/a.en.txt'))
    """
    root = Path(release_dir)
    if not root.is_dir():
        raise InputError(str(root), "is not a folder" if root.exists() else "no such folder")
    templates = [("*.zh.txt", "*.en.txt")]
    if pattern:
        if pattern.count(":") != 1 or pattern.split(":")[0].count("*") != 1 or pattern.split(":")[1].count("*") != 1:
            raise UsageError(f"--pattern {pattern!r}: expected ZH_TEMPLATE:EN_TEMPLATE with one * each, e.g. '*_cn.txt:*_en.txt'")
        zh_template, en_template = pattern.split(":")
        templates.insert(0, (zh_template, en_template))
    found, skipped = _walk_release(root, _identity(Path(exclude)) if exclude is not None else None)
    files = sorted(found)
    regular = set(files)
    used: set[Path] = set()
    pairs: list[DocumentPair] = []
    unpaired: dict[Path, str] = {}

    def without_partner(path: Path, partner: Path) -> None:
        if partner in skipped:
            unpaired[path] = f"its partner {partner.relative_to(root).as_posix()} is skipped: {skipped[partner]}"
        else:
            unpaired[path] = "no partner file found"
        used.add(path)

    for zh_template, en_template in templates:
        for path in files:
            if path in used:
                continue
            stem = _template_match(zh_template, path.name)
            if stem is not None:
                partner = path.with_name(en_template.replace("*", stem))
                if partner in regular:
                    pairs.append(DocumentPair(_out_name(root, path.parent, stem), path, partner))
                    used.update({path, partner})
                continue
            stem = _template_match(en_template, path.name)
            if stem is not None:
                partner = path.with_name(zh_template.replace("*", stem))
                if partner not in regular:
                    without_partner(path, partner)
        for path in files:
            if path not in used:
                stem = _template_match(zh_template, path.name)
                if stem is not None:
                    without_partner(path, path.with_name(en_template.replace("*", stem)))

    for path in files:
        if path in used or path.parent.name != "zh":
            continue
        partner = path.parent.parent / "en" / path.name
        if partner in regular:
            pairs.append(DocumentPair(_out_name(root, path.parent.parent, path.stem), path, partner))
            used.update({path, partner})
        else:
            without_partner(path, partner)
    for path in files:
        if path in used:
            continue
        if path.parent.name == "en" and (path.parent.parent / "zh").is_dir():
            without_partner(path, path.parent.parent / "zh" / path.name)
        elif _is_text_name(path):
            pairs.append(DocumentPair(_out_name(root, path.parent, path.stem), path))
            used.add(path)
        else:
            unpaired[path] = "not a .txt document; not aligned"
            used.add(path)
    names = Counter(pair.name for pair in pairs)
    clashes = [name for name, count in names.items() if count > 1]
    if clashes:
        raise InputError(str(root), f"two documents would write the same outputs: {', '.join(sorted(clashes)[:5])}")
    return Discovery(
        tuple(sorted(pairs, key=lambda p: p.name)),
        tuple(sorted(unpaired)),
        tuple(SkippedPath(path, reason) for path, reason in sorted(skipped.items())),
        dict(sorted(unpaired.items())),
    )


def _out_name(root: Path, folder: Path, stem: str) -> str:
    relative = folder.relative_to(root)
    return stem if str(relative) == "." else f"{relative.as_posix()}/{stem}"


Identity = tuple[int, int]


def _identity(path: Path) -> Identity | None:
    """(device, inode) of what ``path`` leads to: the same folder reached by two routes has one identity."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _walk_release(root: Path, excluded: Identity | None) -> tuple[list[Path], dict[Path, str]]:
    """The regular files under ``root`` (hidden names left out), and the paths not read with the reason.

    Links to folders are followed, each folder searched once. A folder of the
    release that a link also leads to is searched under its own name, not the
    link's, whichever comes first in the walk: outputs keep the names the
    release gives them.
    """
    own_names = _real_folders(root, excluded)
    searched: dict[Identity, Path] = {}
    files: list[Path] = []
    skipped: dict[Path, str] = {}

    def unreadable(error: OSError) -> None:
        skipped[Path(error.filename)] = f"a folder that cannot be read ({error.strerror or error}); not searched"

    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        here = Path(folder)
        identity = _identity(here)
        if identity is None:
            dirnames[:] = []
            continue
        first = searched.get(identity) or own_names.get(identity)
        if first is not None and first != here:
            where = "the release folder itself" if first == root else first.relative_to(root).as_posix()
            skipped[here] = f"a link to {where}, searched under that name; not followed again"
            dirnames[:] = []
            continue
        searched[identity] = here
        dirnames[:] = sorted(
            name for name in dirnames
            if not name.startswith(".") and (excluded is None or _identity(here / name) != excluded)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            reason = _not_regular_reason(path)
            if reason is None:
                files.append(path)
            else:
                skipped[path] = reason
    return files, skipped


def _real_folders(root: Path, excluded: Identity | None) -> dict[Identity, Path]:
    """The folders of the release by identity, reached without following links."""
    folders: dict[Identity, Path] = {}
    for folder, dirnames, _ in os.walk(root):
        identity = _identity(Path(folder))
        if identity is not None:
            folders.setdefault(identity, Path(folder))
        dirnames[:] = [
            name for name in dirnames
            if not name.startswith(".") and (excluded is None or _identity(Path(folder) / name) != excluded)
        ]
    return folders


def _not_regular_reason(path: Path) -> str | None:
    """``None`` for a regular file or a link to one; else why it is not read.

    Looks with ``stat`` only: opening a named pipe waits for a writer forever,
    and opening some devices changes them (a tape rewinds).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if os.path.islink(path):
            if error.errno == errno.ELOOP:
                return "a symbolic link in a loop of links, not a regular file; not read"
            return "a broken symbolic link (what it names does not exist), not a regular file; not read"
        return f"cannot be examined ({error.strerror or error}); not read"
    if stat.S_ISREG(mode):
        return None
    kind = file_kind(mode)
    if os.path.islink(path):
        kind = f"a symbolic link to {kind}"
    return f"{kind}, not a regular file; not read"


# ---------------------------------------------------------------------------------------------------------------
# One document


def task_hash(task: DocumentTask) -> str:
    """A content hash of a document's inputs and settings: equal hashes mean equal outputs."""
    digest = hashlib.sha256()
    for part in (task.zh_bytes, task.en_bytes or b"", task.settings.fingerprint().encode("utf-8")):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def process_document(task: DocumentTask) -> DocumentResult:
    """Align and check one document and render its outputs; errors become a ``failed`` record, never an exception.

    >>> from corpus_align.batch import DocumentTask, BatchSettings, process_document
    >>> result = process_document(DocumentTask("a", "a.txt", "你好。\\nHello.".encode(), None, None, BatchSettings()))
    >>> result.record["status"], sorted(result.outputs)
    ('ok', ['.findings.jsonl', '.html', '.tsv'])
    """
    started = time.perf_counter()
    try:
        outputs, stats = _process(task)
    except CorpusAlignError as error:
        return _failed_result(task, str(error), time.perf_counter() - started)
    except Exception as error:  # one broken document must not stop a release
        return _failed_result(task, f"internal error: {type(error).__name__}: {error}", time.perf_counter() - started)
    record: dict = {"name": task.name, "zh_file": task.zh_name, "en_file": task.en_name or ""}
    record.update(status="ok", error="", **stats, seconds=round(time.perf_counter() - started, 3))
    return DocumentResult(task.name, record, outputs)


def _failed_result(task: DocumentTask, error: str, seconds: float) -> DocumentResult:
    record = {"name": task.name, "zh_file": task.zh_name, "en_file": task.en_name or "",
              "status": "failed", "error": error, "seconds": round(seconds, 3)}
    return DocumentResult(task.name, record)


def _encodable(text: str) -> str:
    r"""``text`` with the lone surrogates of an undecodable file name spelled out, so that it encodes as UTF-8.

    >>> _encodable("caf\udce9")
    'caf\\udce9'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _process(task: DocumentTask) -> tuple[dict[str, bytes], dict]:
    from .io.read import decode_bytes
    from .io.writers import RenderSettings, writer
    from .pipeline import run_pipeline

    settings = task.settings
    # A file name that is not UTF-8 reaches us with lone surrogates, which no output can hold: spelled out.
    zh_name, en_name, title = _encodable(task.zh_name), _encodable(task.en_name or ""), _encodable(task.name)
    if task.en_bytes is None:
        zh_source, en_source = decode_bytes(task.zh_bytes, zh_name, settings.encoding), None
    else:
        zh_source = decode_bytes(task.zh_bytes, zh_name, settings.encoding, allow_empty=True)
        en_source = decode_bytes(task.en_bytes, en_name, settings.encoding, allow_empty=True)
    result = run_pipeline(zh_source, en_source, settings.pipeline())
    alignment, findings = result.alignment, result.findings
    warnings = list(alignment.warnings)
    outputs: dict[str, bytes] = {}
    for name in (*ALWAYS_WRITTEN, *settings.formats):
        output = writer(name)
        rendered = output.render(alignment, findings, RenderSettings(zh_script=settings.zh_script, title=title))
        outputs[output.suffix] = rendered.as_bytes()
        if rendered.warnings:
            more = f" (and {len(rendered.warnings) - 1} more)" if len(rendered.warnings) > 1 else ""
            warnings.append(f"{name}: {rendered.warnings[0]}{more}")
    severities = Counter(f.severity for f in findings)
    scores = [b.score for b in alignment.beads if b.zh and b.en]
    stats = {
        "zh_sentences": len(alignment.zh.sentences),
        "en_sentences": len(alignment.en.sentences),
        "beads": len(alignment.beads),
        "bead_types": dict(sorted(Counter(b.type for b in alignment.beads).items())),
        "mean_score": round(sum(scores) / len(scores), 3) if scores else 0.0,
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "infos": severities.get("info", 0),
        "codes": dict(sorted(Counter(f.code for f in findings).items())),
        "alignment_warnings": warnings,
    }
    return outputs, stats


def _tasks(pairs: Sequence[DocumentPair], settings: BatchSettings, root: Path) -> Iterator[DocumentTask]:
    for pair in pairs:
        zh_bytes = _read_bytes(pair.zh)
        en_bytes = _read_bytes(pair.en) if pair.en is not None else None
        yield DocumentTask(
            pair.name, str(pair.zh.relative_to(root)), zh_bytes,
            str(pair.en.relative_to(root)) if pair.en is not None else None, en_bytes, settings,
        )


def _read_bytes(path: Path) -> bytes:
    try:
        # Non-blocking: should a named pipe have taken the file's place since discovery, opening it does not
        # wait for a writer; the check below then refuses it without reading.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return b"\x00unreadable: not a regular file"
            return stream.read()
    except OSError as error:
        # Surfaces as a failed document rather than stopping the batch.
        return f"\x00unreadable: {error.strerror or error}".encode()


def _output_paths(out_dir: Path, name: str, formats: Iterable[str]) -> list[Path]:
    from .io.writers import writer

    suffixes = [writer(name).suffix for name in (*ALWAYS_WRITTEN, *formats)]
    return [out_dir / f"{name}{suffix}" for suffix in suffixes]


# ---------------------------------------------------------------------------------------------------------------
# Resume state


@dataclass(frozen=True)
class StateRead:
    """What a state file vouches for (name → ``{"hash", "record"}``) and what was wrong with the rest ('' if nothing)."""

    entries: dict[str, dict]
    problem: str = ""


def _is_state_entry(value: object) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("hash"), str)
        and isinstance(value.get("record"), dict) and isinstance(value["record"].get("status"), str)
    )


def state_line(name: str, entry: dict) -> bytes:
    """One line of the state log for document ``name``.

    ASCII only, so that a file name that is not UTF-8 (lone surrogates) is
    written, and read back, as it is.

    >>> state_line("a", {"hash": "h1", "record": {"status": "ok"}})
    b'{"name":"a","hash":"h1","record":{"status":"ok"}}\\n'
    """
    line = {"name": name, "hash": entry["hash"], "record": entry["record"]}
    return (json.dumps(line, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def parse_state_log(data: bytes) -> StateRead:
    """Read a JSON-lines state: a later line for a name replaces an earlier one; bad lines are counted, not trusted.

    >>> read = parse_state_log(b'{"name":"a","hash":"h1","record":{"status":"ok"}}\\n{"name":"b","ha')
    >>> read.entries, read.problem
    ({'a': {'hash': 'h1', 'record': {'status': 'ok'}}}, 'its last line is cut short')
    """
    entries: dict[str, dict] = {}
    lines = data.split(b"\n")
    complete = lines[-1] == b""  # every line the log writes ends with a newline
    if complete:
        lines.pop()
    bad: list[int] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is one
            bad.append(number)
            continue
        if not (isinstance(value, dict) and isinstance(value.get("name"), str) and _is_state_entry(value)):
            bad.append(number)
            continue
        entries[value["name"]] = {"hash": value["hash"], "record": value["record"]}
    if not bad:
        return StateRead(entries)
    if bad == [len(lines)] and not complete:
        return StateRead(entries, "its last line is cut short")
    if not entries:
        return StateRead(entries, "it is not a state log (no line is a state record)")
    return StateRead(entries, f"{len(bad)} of {len(lines)} lines are not state records (line {bad[0]} first)")


def parse_legacy_state(data: bytes) -> StateRead:
    """Read the ``state.json`` of earlier versions: one JSON object, document name → ``{"hash", "record"}``.

    >>> parse_legacy_state(b'{"a": {"hash": "h1", "record": {"status": "ok"}}, "b": 5}').problem
    '1 of 2 entries have the wrong shape'
    >>> parse_legacy_state(b'[1, 2]').problem
    'it is JSON but not a map of documents'
    """
    try:
        value = json.loads(data.decode("utf-8"))
    except ValueError:
        return StateRead({}, "it is not JSON")
    if not isinstance(value, dict):
        return StateRead({}, "it is JSON but not a map of documents")
    entries = {
        name: {"hash": entry["hash"], "record": entry["record"]}
        for name, entry in value.items() if _is_state_entry(entry)
    }
    wrong = len(value) - len(entries)
    return StateRead(entries, f"{wrong} of {len(value)} entries have the wrong shape" if wrong else "")


def _read_state_file(path: Path, parse: Callable[[bytes], StateRead]) -> StateRead:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe there would hang the read
            return StateRead({}, "it is not a regular file")
        return parse(path.read_bytes())
    except OSError as error:
        return StateRead({}, f"it cannot be read ({error.strerror or error})")


class StateLog:
    """The resume state of a batch, ``OUT/.corpus-align/state.jsonl``: one JSON line per finished document.

    Recording a document appends one line, so it costs the same for the first
    document of a release and the ten-thousandth (the ``state.json`` of earlier
    versions was rewritten whole after each: quadratic in the release). Opening
    the log compacts it to one line per document of the release, so it never
    grows beyond that plus the documents finished since. Each line is flushed
    at once, so a killed batch loses nothing; it is forced to disk
    (``fsync``) at most once per :data:`SYNC_INTERVAL` seconds and at the end,
    because a sync per document costs more than a small document takes, and a
    power cut can only lose the last moment's records, whose documents are
    then redone.

    A state that is not a log, a line that is not a record, a last line cut
    short: each file with such a problem gets one call of ``warn``, and the
    documents it cannot vouch for are done again.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with StateLog.open(folder, keep={"a"}) as log:
    ...     log.record("a", "h1", {"name": "a", "status": "ok"})
    >>> with StateLog.open(folder, keep={"a"}) as log:
    ...     print(log.entries["a"]["hash"])
    h1
    """

    SYNC_INTERVAL = 1.0

    def __init__(self, path: Path, entries: dict[str, dict], stream) -> None:
        self.path = path
        self.entries = entries
        self._stream = stream
        self._synced = time.monotonic()

    @classmethod
    def open(
        cls, folder: Path, *, keep: Collection[str], fresh: bool = False, warn: Callable[[str], None] | None = None,
    ) -> StateLog:
        """Read the state in ``folder`` (or migrate an old ``state.json``), keep the entries of ``keep``, compact it.

        ``fresh`` starts from nothing (``--force``). Raises :class:`OutputError`
        when the state cannot be written.
        """
        path = folder / STATE_FILE
        legacy = folder / LEGACY_STATE_FILE
        if fresh:
            read, source = StateRead({}), path
        elif os.path.lexists(path):
            read, source = _read_state_file(path, parse_state_log), path
        elif os.path.lexists(legacy):
            read, source = _read_state_file(legacy, parse_legacy_state), legacy
        else:
            read, source = StateRead({}), path
        if read.problem and warn is not None:
            warn(f"{source}: {read.problem}; rebuilt, and the documents it cannot vouch for are done again")
        entries = {name: entry for name, entry in read.entries.items() if name in keep}
        try:
            write_bytes_atomic(path, b"".join(state_line(name, entry) for name, entry in sorted(entries.items())))
            if os.path.lexists(legacy):
                legacy.unlink()
            stream = open(path, "ab")  # noqa: SIM115  (kept open for the log's lifetime; closed by StateLog.close)
        except OSError as error:
            raise OutputError(str(path), f"cannot write the resume state: {error.strerror or error}") from None
        return cls(path, entries, stream)

    def record(self, name: str, digest: str, record: dict) -> None:
        """Remember that document ``name``, whose inputs hash to ``digest``, ended with ``record``."""
        entry = {"hash": digest, "record": record}
        self.entries[name] = entry
        try:
            self._stream.write(state_line(name, entry))
            self._stream.flush()
            if time.monotonic() - self._synced >= self.SYNC_INTERVAL:
                os.fsync(self._stream.fileno())
                self._synced = time.monotonic()
        except OSError as error:
            raise OutputError(str(self.path), f"cannot write the resume state: {error.strerror or error}") from None

    def close(self) -> None:
        """Force what was recorded to disk and close the log."""
        if self._stream.closed:
            return
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError:
            pass  # the lines are written; only their durability against a power cut is in doubt
        finally:
            self._stream.close()

    def __enter__(self) -> StateLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------------------------
# Worker processes


def describe_worker_death(exitcode: int | None, oom_kills_before: int | None = None, oom_kills_after: int | None = None) -> str:
    """Why a worker process ended without a result, from its exit code and the kernel's OOM-kill count around it.

    SIGKILL is called out of memory only when the count of processes the
    kernel's OOM killer ended (``/proc/vmstat``, for the whole machine) rose
    while the worker had the document: that is all that can be known from here.

    >>> describe_worker_death(-9)
    'worker died: killed (signal 9)'
    >>> describe_worker_death(-9, 4, 5)
    'worker died: out of memory (killed by signal 9 while the kernel was ending processes for memory)'
    >>> describe_worker_death(-11)
    'worker died: segmentation fault (signal 11)'
    >>> describe_worker_death(3)
    'worker died: exited with code 3'
    """
    if exitcode is None:
        return "worker died: it stopped answering"
    if exitcode < 0:
        number = -exitcode
        if (number == getattr(signal, "SIGKILL", 9) and oom_kills_before is not None and oom_kills_after is not None
                and oom_kills_after > oom_kills_before):
            return f"worker died: out of memory (killed by signal {number} while the kernel was ending processes for memory)"
        try:
            name = signal.strsignal(number)
        except ValueError:
            name = None
        if not name:
            return f"worker died: signal {number}"
        return f"worker died: {name[0].lower() + name[1:]} (signal {number})"
    if exitcode == 0:
        return "worker died: it exited without a result"
    return f"worker died: exited with code {exitcode}"


def _oom_kill_count() -> int | None:
    """How many processes the kernel's OOM killer has ended since boot (Linux 4.13+), or ``None`` where it does not say."""
    try:
        with open("/proc/vmstat", "rb") as stream:
            for line in stream:
                if line.startswith(b"oom_kill "):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _watch_parent(parent_pid: int, interval: float = 0.5) -> None:
    """End this process soon after its parent is gone, by a thread that watches ``os.getppid()``.

    Only where :func:`~corpus_align._runtime.die_with_parent` cannot be had: a second thread makes
    the aligner's own fork (for long texts) refuse to run in this worker.
    """
    import threading

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="corpus-align-parent-watch", daemon=True).start()


def _raise_oom_score() -> None:
    """Make the kernel, when memory runs out, end this worker before its parent (which holds the run's results).

    +300 adds 30% of the machine's memory to the worker's score: a worker is
    chosen unless the parent uses that much more memory than it does. Raising
    one's own score needs no privilege; lowering it would.
    """
    try:
        with open("/proc/self/oom_score_adj", "r+") as stream:
            current = int(stream.read().strip() or 0)
            stream.seek(0)
            stream.write(str(min(1000, current + 300)))
    except (OSError, ValueError):
        pass


def _prepare_worker(parent_pid: int) -> None:
    # Ctrl-C is the parent's to handle: it stops the workers itself, without a traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "setpgid"):
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)  # a group of its own, so that what it starts is ended with it
    _raise_oom_score()
    if not die_with_parent():
        _watch_parent(parent_pid)
    if os.getppid() != parent_pid:  # the parent died before the guard was set
        os._exit(1)


def _worker_main(connection, parent_pid: int) -> None:
    """A worker: documents in, results out, one at a time, until ``None`` or the parent is gone."""
    _prepare_worker(parent_pid)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = process_document(task)
        try:
            connection.send(result)
        except OSError:
            return


def _pool_context() -> ForkContext | DefaultContext:
    import multiprocessing

    # Fork on Linux: a worker starts in milliseconds with the dictionaries the parent has loaded (see
    # _warm_up), so a dead worker is replaced at no cost. macOS and Windows keep their default (spawn).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm_up(settings: BatchSettings) -> None:
    """Load the dictionaries and compile the kernels here, once, before forking: every worker then starts with them.

    Without it each worker spends seconds loading the same data (and holds its
    own copy), and so would each worker started after one died.
    """
    try:
        data = "你好。\nHello.".encode(settings.encoding or "utf-8")
        _process(DocumentTask("warm-up", "warm-up.txt", data, None, None, settings))
    except Exception:
        pass  # a real document meets the same problem in a worker, and reports it there


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    group: int | None  # its process group, when it has one of its own


@dataclass
class _Assignment:
    task: DocumentTask
    started: float
    oom_kills: int | None


# How often to look for a dead worker whose death did not wake the wait: what it started can hold its pipes open.
_LIVENESS_INTERVAL = 2.0


class _WorkerPool:
    """Worker processes that take one document at a time; a worker that dies fails its document only.

    Each worker has its own pipe, so a death is pinned on the one document
    that worker had, unlike a ``ProcessPoolExecutor``, which breaks as a whole
    and fails every pending document.
    """

    def __init__(self, size: int, settings: BatchSettings) -> None:
        self._size = max(1, size)
        self._settings = settings
        self._context: ForkContext | DefaultContext | None = None
        self._idle: list[_Worker] = []
        self._busy: dict[_Worker, _Assignment] = {}

    def map(self, tasks: Iterable[DocumentTask]) -> Iterator[DocumentResult]:
        """The results of ``tasks``, in the order they finish."""
        pending = iter(tasks)
        more = True
        while True:
            while more and len(self._busy) < self._size:
                task = next(pending, None)
                if task is None:
                    more = False
                    break
                failed = self._assign(task)
                if failed is not None:
                    yield failed
            if not self._busy:
                return
            yield from self._collect()

    def _start(self) -> _Worker:
        if self._context is None:
            self._context = _pool_context()
            if self._context.get_start_method() == "fork":
                _warm_up(self._settings)
        parent_end, worker_end = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(worker_end, os.getpid()), name="corpus-align-worker", daemon=False,
        )
        process.start()
        worker_end.close()
        group = None
        if hasattr(os, "setpgid") and process.pid is not None:  # a started process has its pid
            try:
                os.setpgid(process.pid, process.pid)  # the worker does the same: whichever runs first closes the race
                group = process.pid
            except OSError:
                pass
        return _Worker(process, parent_end, group)

    def _assign(self, task: DocumentTask) -> DocumentResult | None:
        """Give ``task`` to a worker; a failed result when no worker can take it."""
        reason = "worker died: it could not take the document"
        for _ in range(2):  # a worker found dead while idle is not this document's doing: one more try
            try:
                worker = self._idle.pop() if self._idle else self._start()
            except OSError as error:
                return _failed_result(task, f"could not start a worker process: {error.strerror or error}", 0.0)
            oom_kills = _oom_kill_count()
            try:
                worker.connection.send(task)
            except (OSError, ValueError):
                reason = describe_worker_death(self._end(worker), oom_kills, _oom_kill_count())
                continue
            self._busy[worker] = _Assignment(task, time.perf_counter(), oom_kills)
            return None
        return _failed_result(task, reason, 0.0)

    def _collect(self) -> Iterator[DocumentResult]:
        from multiprocessing.connection import wait

        owners: dict[Any, _Worker] = {}  # by connection and by process sentinel (an int)
        for worker in self._busy:
            owners[worker.connection] = worker
            owners[worker.process.sentinel] = worker
        ready = {owners[item] for item in wait(list(owners), timeout=_LIVENESS_INTERVAL)}
        if not ready:
            ready = {worker for worker in self._busy if _has_exited(worker.process)}
        for worker in [w for w in self._busy if w in ready]:
            assignment = self._busy.pop(worker)
            result = _receive(worker.connection)
            if result is None:
                exitcode = self._end(worker)
                reason = describe_worker_death(exitcode, assignment.oom_kills, _oom_kill_count())
                yield _failed_result(assignment.task, reason, time.perf_counter() - assignment.started)
                continue
            if _has_exited(worker.process):
                self._end(worker)
            else:
                self._idle.append(worker)
            yield result

    def _end(self, worker: _Worker) -> int | None:
        """Kill ``worker`` and what it started, wait for it; its exit code."""
        _kill(worker)
        worker.process.join(timeout=5)
        worker.connection.close()
        return worker.process.exitcode

    def close(self) -> None:
        """Stop every worker: idle ones are asked to finish, busy ones (an interrupted run) are killed."""
        for worker in self._idle:
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send(None)
        for worker in self._busy:
            _kill(worker)
        for worker in [*self._idle, *self._busy]:
            worker.process.join(timeout=5)
            if worker.process.exitcode is None:
                _kill(worker)
                worker.process.join(timeout=5)
            worker.connection.close()
        self._idle.clear()
        self._busy.clear()


def _receive(connection) -> DocumentResult | None:
    """The worker's result, or ``None`` when it died without sending one whole."""
    try:
        if connection.poll():
            return connection.recv()
    except Exception:  # EOFError, OSError, or a result cut short that unpickles as garbage
        pass
    return None


def _has_exited(process) -> bool:
    # Without reaping it: until it is reaped, its pid (the id of its process group) cannot go to another process.
    waitid = getattr(os, "waitid", None)
    if waitid is None or process.pid is None:
        return not process.is_alive()
    try:
        return waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:  # already reaped (starting a process reaps the dead ones)
        return True


def _kill(worker: _Worker) -> None:
    if worker.group is not None:
        try:
            os.killpg(worker.group, signal.SIGKILL)
            return
        except OSError:
            pass
    worker.process.kill()


def _map_local(tasks: Iterable[DocumentTask], workers: int, settings: BatchSettings) -> Generator[DocumentResult, None, None]:
    import multiprocessing

    if multiprocessing.current_process().daemon:
        # A daemonic process (a Dask or multiprocessing worker, say) may not start children: no isolation to be had.
        yield from map(process_document, tasks)
        return
    pool = _WorkerPool(workers, settings)
    try:
        yield from pool.map(tasks)
    finally:
        pool.close()


def _map_dask(tasks: Iterable[DocumentTask], scheduler: str) -> Generator[DocumentResult, None, None]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'corpus-align[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        window = max(8, 4 * sum(client.nthreads().values()))
        queue = as_completed()
        submitted: dict[Hashable, DocumentTask] = {}  # by the future's key

        def submit(task: DocumentTask) -> None:
            future = client.submit(process_document, task, pure=False)
            submitted[future.key] = task
            queue.add(future)

        task_iter = iter(tasks)
        for task in task_iter:
            submit(task)
            if queue.count() >= window:
                break
        for future in queue:
            task = submitted.pop(future.key)
            try:
                result = future.result()
            except Exception as error:  # Dask gives up on a document that killed its workers (KilledWorker)
                killed = type(error).__name__ == "KilledWorker"
                result = _failed_result(
                    task, f"worker died: {error}" if killed else f"internal error: {type(error).__name__}: {error}", 0.0,
                )
            yield result
            future.release()
            nxt = next(task_iter, None)
            if nxt is not None:
                submit(nxt)
    finally:
        client.close()


# ---------------------------------------------------------------------------------------------------------------
# The run


@dataclass
class BatchReport:
    """What a batch run did: one record per document, then per unpaired and per skipped file, in name order.

    ``warnings`` are the problems met besides the documents' own (a resume
    state that could not be trusted).
    """

    out_dir: Path
    records: list[dict]
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[dict]:
        return [r for r in self.records if r["status"] not in {"unpaired", "skipped"}]


# Called as progress(status, record, done, total): once with status "start" before any work,
# then once per document with "ok", "failed" or "skipped".
ProgressCallback = Callable[[str, dict, int, int], None]


@dataclass
class _RunProgress:
    """What a batch run has done so far: a record per document, the counts in the report, the state log, progress calls."""

    report: BatchReport
    state: StateLog
    total: int
    progress: ProgressCallback | None = None
    records: dict[str, dict] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    done: int = 0

    def unchanged(self, task: DocumentTask, outputs_present: Callable[[], bool]) -> bool:
        """True (and the document recorded as skipped) when an earlier run aligned these inputs with these settings
        and its outputs are still there."""
        digest = task_hash(task)
        previous = self.state.entries.get(task.name)
        if previous and previous["hash"] == digest and previous["record"]["status"] == "ok" and outputs_present():
            record = dict(previous["record"], skipped=True)
            self.records[task.name] = record
            self.report.skipped += 1
            self._step("skipped", record)
            return True
        self.hashes[task.name] = digest
        return False

    def finished(self, result: DocumentResult) -> None:
        """Count a document's result and log it before the next one, so that a run killed half way resumes there."""
        record = dict(result.record, skipped=False)
        self.records[result.name] = record
        if record["status"] == "ok":
            self.report.processed += 1
        else:
            self.report.failed += 1
        self.state.record(result.name, self.hashes[result.name], result.record)
        self._step(record["status"], record)

    def _step(self, status: str, record: dict) -> None:
        self.done += 1
        if self.progress:
            self.progress(status, record, self.done, self.total)


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
    mirrored; then ``summary.tsv``, ``summary.json`` and ``index.html``.
    ``workers`` processes run in parallel (default: the number of cores);
    ``scheduler`` (``tcp://host:port``) sends the work to a Dask cluster
    instead.

    Re-runs: documents whose inputs and settings are unchanged since a run
    that aligned them are skipped unless ``force``; failed documents are
    tried again by every run, a document whose worker died included (the
    cause may be gone: more memory, a fixed file), and such a document
    costs a run that one worker, never the run. ``warn`` is called with each
    warning as it happens (they are also in ``report.warnings``); files that
    are not read are records with status ``skipped`` and the reason.

    >>> report = run_batch("release", "out", workers=2)  # doctest: +SKIP
    >>> report.processed, report.failed  # doctest: +SKIP
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
    report = BatchReport(out, [])

    def warning(message: str) -> None:
        report.warnings.append(message)
        if warn is not None:
            warn(message)

    with StateLog.open(out / STATE_DIR, keep={pair.name for pair in found.pairs}, fresh=force, warn=warning) as state:
        run = _RunProgress(report, state, total=len(found.pairs), progress=progress)
        def outputs_present(name: str) -> Callable[[], bool]:
            return lambda: all(path.is_file() for path in _output_paths(out, name, settings.formats))

        pending = (task for task in _tasks(found.pairs, settings, root) if not run.unchanged(task, outputs_present(task.name)))
        if progress:
            progress("start", {"name": str(root), "unpaired": len(found.unpaired)}, 0, run.total)
        results = _map_dask(pending, scheduler) if scheduler else _map_local(pending, workers or os.cpu_count() or 1, settings)
        try:
            for result in results:
                run.finished(_write_outputs(out, result))
        finally:
            results.close()  # stops the workers now, not when the generator is collected
    records = run.records

    ordered = [records[pair.name] for pair in found.pairs]
    ordered += [
        {"name": str(path.relative_to(root)), "status": "unpaired", "zh_file": "", "en_file": "",
         "error": found.unpaired_reasons.get(path, "no partner file found"), "skipped": False}
        for path in found.unpaired
    ]
    ordered += [
        {"name": str(item.path.relative_to(root)), "status": "skipped", "zh_file": "", "en_file": "",
         "error": item.reason, "skipped": False}
        for item in found.skipped
    ]
    report.records = ordered
    try:
        _write_summaries(out, report)
    except OSError as error:
        raise OutputError(str(out), f"cannot write the summary: {error.strerror or error}") from None
    report.seconds = time.perf_counter() - started
    return report


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
    from .io.tsv import tsv_cell

    values = []
    for column in SUMMARY_COLUMNS:
        value = record.get(column, "")
        if isinstance(value, dict):
            value = " ".join(f"{key}:{count}" for key, count in value.items())
        values.append(tsv_cell(value))
    return values


def _write_summaries(out: Path, report: BatchReport) -> None:
    from .io.html import to_index_html

    def encoded(text: str) -> bytes:
        # A file name that is not UTF-8 holds lone surrogates: spelled \udcXX, which JSON reads back as the same name.
        return text.encode("utf-8", "backslashreplace")

    lines = ["\t".join(SUMMARY_COLUMNS)] + ["\t".join(_summary_row(r)) for r in report.records]
    write_bytes_atomic(out / "summary.tsv", encoded("\n".join(lines) + "\n"))
    write_bytes_atomic(out / "summary.json", encoded(json.dumps({"documents": report.records}, ensure_ascii=False, indent=2) + "\n"))
    # No link for a name that is not UTF-8: a page can only link to it percent-encoded from its bytes.
    index = [dict(record, report=f"{record['name']}.html" if _encodable(record["name"]) == record["name"] else None)
             for record in report.records]
    write_bytes_atomic(out / "index.html", encoded(to_index_html(index)))
