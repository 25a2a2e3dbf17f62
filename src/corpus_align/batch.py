"""Many documents at once: find the pairs of a release, align and check each, write reports and a summary.

The work for one document (:func:`process_document`) is a pure function from
input bytes to output bytes, so it runs the same in this process, in a pool
of processes, or on a Dask cluster whose workers share no disk with us. Only
:func:`run_batch` touches files, and it writes each one atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import CorpusAlignError, InputError, UsageError
from .io.atomic import write_bytes_atomic, write_text_atomic
from .model import GlossaryEntry

STATE_DIR = ".corpus-align"
EXTRA_FORMATS = ("jsonl", "tmx", "xlsx")
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
class Discovery:
    """The document pairs found in a release and the files that have no partner."""

    pairs: tuple[DocumentPair, ...]
    unpaired: tuple[Path, ...]


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


def _is_text_candidate(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in {".txt", ".text", ""}


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
    skip = Path(exclude).resolve() if exclude is not None else None
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and not (skip is not None and (skip == p.resolve().parent or skip in p.resolve().parents))
    )
    used: set[Path] = set()
    pairs: list[DocumentPair] = []
    unpaired: list[Path] = []

    for zh_template, en_template in templates:
        for path in files:
            if path in used:
                continue
            stem = _template_match(zh_template, path.name)
            if stem is not None:
                partner = path.with_name(en_template.replace("*", stem))
                if partner.is_file():
                    pairs.append(DocumentPair(_out_name(root, path.parent, stem), path, partner))
                    used.update({path, partner})
                continue
            stem = _template_match(en_template, path.name)
            if stem is not None and not path.with_name(zh_template.replace("*", stem)).is_file():
                unpaired.append(path)
                used.add(path)
        for path in files:
            if path not in used and _template_match(zh_template, path.name) is not None:
                unpaired.append(path)
                used.add(path)

    for path in files:
        if path in used or path.parent.name != "zh":
            continue
        partner = path.parent.parent / "en" / path.name
        if partner.is_file():
            pairs.append(DocumentPair(_out_name(root, path.parent.parent, path.stem), path, partner))
            used.update({path, partner})
        else:
            unpaired.append(path)
            used.add(path)
    for path in files:
        if path in used:
            continue
        if path.parent.name == "en" and (path.parent.parent / "zh").is_dir():
            unpaired.append(path)
        elif _is_text_candidate(path):
            pairs.append(DocumentPair(_out_name(root, path.parent, path.stem), path))
        else:
            unpaired.append(path)
        used.add(path)
    names = Counter(pair.name for pair in pairs)
    clashes = [name for name, count in names.items() if count > 1]
    if clashes:
        raise InputError(str(root), f"two documents would write the same outputs: {', '.join(sorted(clashes)[:5])}")
    return Discovery(tuple(sorted(pairs, key=lambda p: p.name)), tuple(sorted(unpaired)))


def _out_name(root: Path, folder: Path, stem: str) -> str:
    relative = folder.relative_to(root)
    return stem if str(relative) == "." else f"{relative.as_posix()}/{stem}"


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
    record = {"name": task.name, "zh_file": task.zh_name, "en_file": task.en_name or ""}
    try:
        outputs, stats = _process(task)
    except CorpusAlignError as error:
        record.update(status="failed", error=str(error), seconds=round(time.perf_counter() - started, 3))
        return DocumentResult(task.name, record)
    except Exception as error:  # one broken document must not stop a release
        record.update(status="failed", error=f"internal error: {type(error).__name__}: {error}",
                      seconds=round(time.perf_counter() - started, 3))
        return DocumentResult(task.name, record)
    record.update(status="ok", error="", **stats, seconds=round(time.perf_counter() - started, 3))
    return DocumentResult(task.name, record, outputs)


def _process(task: DocumentTask) -> tuple[dict[str, bytes], dict]:
    from .alignment import _segment, align_documents
    from .io.findings import findings_to_jsonl
    from .io.html import to_html
    from .io.jsonl import to_jsonl
    from .io.read import decode_bytes, document_of, split_languages
    from .io.tsv import to_tsv
    from .qa import check_alignment, issues_by_row

    settings = task.settings
    if task.en_bytes is None:
        source = decode_bytes(task.zh_bytes, task.zh_name, settings.encoding)
        parts = split_languages(source)
        if len(parts) != 2:
            only = "Chinese" if "zh" in parts else "English"
            raise InputError(task.zh_name, f"holds only {only} text and has no partner file")
        zh, en = parts["zh"], parts["en"]
    else:
        zh = document_of(decode_bytes(task.zh_bytes, task.zh_name, settings.encoding, allow_empty=True), "zh")
        en = document_of(decode_bytes(task.en_bytes, task.en_name or "", settings.encoding, allow_empty=True), "en")
    zh = _segment(zh, settings.presegmented, settings.opencc)
    en = _segment(en, settings.presegmented, settings.opencc)
    alignment = align_documents(zh, en, max_merge=settings.max_merge, glossary=settings.glossary, realign=settings.realign)
    findings = check_alignment(alignment, glossary=settings.glossary, select=settings.select, ignore=settings.ignore)
    issues = issues_by_row(findings)
    outputs = {
        ".tsv": to_tsv(alignment, zh_script=settings.zh_script, issues=issues).encode("utf-8"),
        ".findings.jsonl": findings_to_jsonl(findings).encode("utf-8"),
        ".html": to_html(alignment, findings, title=task.name, zh_script=settings.zh_script).encode("utf-8"),
    }
    warnings = list(alignment.warnings)
    if "jsonl" in settings.formats:
        outputs[".jsonl"] = to_jsonl(alignment, zh_script=settings.zh_script, issues=issues).encode("utf-8")
    if "tmx" in settings.formats:
        from .io.tmx import to_tmx

        tmx = to_tmx(alignment)
        outputs[".tmx"] = tmx.text.encode("utf-8")
        if tmx.removed:
            warnings.append(f"{len(tmx.removed)} character(s) that XML forbids removed from the TMX")
    if "xlsx" in settings.formats:
        from .io.xlsx import to_xlsx

        outputs[".xlsx"] = to_xlsx(alignment, findings, zh_script=settings.zh_script)
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


@dataclass
class BatchReport:
    """What a batch run did: one record per document (and per unpaired file), in name order."""

    out_dir: Path
    records: list[dict]
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> list[dict]:
        return [r for r in self.records if r["status"] != "unpaired"]


# Called as progress(status, record, done, total): once with status "start" before any work,
# then once per document with "ok", "failed" or "skipped".
ProgressCallback = Callable[[str, dict, int, int], None]


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
        return path.read_bytes()
    except OSError as error:
        # Surfaces as a failed document rather than stopping the batch.
        return f"\x00unreadable: {error.strerror or error}".encode()


def _output_paths(out_dir: Path, name: str, formats: Iterable[str]) -> list[Path]:
    suffixes = [".tsv", ".findings.jsonl", ".html"] + [f".{f}" for f in formats]
    return [out_dir / f"{name}{suffix}" for suffix in suffixes]


def _load_state(out_dir: Path) -> dict:
    path = out_dir / STATE_DIR / "state.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _map_local(tasks: Iterable[DocumentTask], workers: int) -> Iterator[DocumentResult]:
    if workers <= 1:
        for task in tasks:
            yield process_document(task)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    pending = set()
    task_iter = iter(tasks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # A bounded window keeps memory flat on releases of any size.
        for task in task_iter:
            pending.add(pool.submit(process_document, task))
            if len(pending) >= workers * 4:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()


def _map_dask(tasks: Iterable[DocumentTask], scheduler: str) -> Iterator[DocumentResult]:
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
        task_iter = iter(tasks)
        for task in task_iter:
            queue.add(client.submit(process_document, task, pure=False))
            if queue.count() >= window:
                break
        for future in queue:
            yield future.result()
            future.release()
            nxt = next(task_iter, None)
            if nxt is not None:
                queue.add(client.submit(process_document, nxt, pure=False))
    finally:
        client.close()


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
) -> BatchReport:
    """Align and check every document of ``release_dir`` and write the outputs into ``out_dir``.

    Per document: ``NAME.tsv``, ``NAME.findings.jsonl``, ``NAME.html`` (and
    ``.jsonl``/``.tmx``/``.xlsx`` for ``settings.formats``), sub-folders
    mirrored; then ``summary.tsv``, ``summary.json`` and ``index.html``.
    Documents whose inputs and settings are unchanged since the last run are
    skipped unless ``force``. ``workers`` processes run in parallel (default:
    the number of cores); ``scheduler`` (``tcp://host:port``) sends the work
    to a Dask cluster instead.

    >>> report = run_batch("release", "out", workers=2)  # doctest: +SKIP
    >>> report.processed, report.failed  # doctest: +SKIP
    (200, 0)
    """
    started = time.perf_counter()
    root = Path(release_dir)
    out = Path(out_dir)
    for fmt in settings.formats:
        if fmt not in EXTRA_FORMATS:
            raise UsageError(f"unknown batch format {fmt!r}; choose from {', '.join(EXTRA_FORMATS)}")
    found = discover(root, pattern=pattern, exclude=out)
    if out.resolve() == root.resolve():
        raise UsageError("the output folder must not be the release folder itself")
    state = {} if force else _load_state(out)
    new_state: dict = {}
    records: dict[str, dict] = {}
    total = len(found.pairs)
    done = 0
    report = BatchReport(out, [])

    def pending_tasks() -> Iterator[DocumentTask]:
        nonlocal done
        for task in _tasks(found.pairs, settings, root):
            digest = task_hash(task)
            previous = state.get(task.name)
            if (previous and previous.get("hash") == digest and previous["record"]["status"] == "ok"
                    and all(p.is_file() for p in _output_paths(out, task.name, settings.formats))):
                record = dict(previous["record"], skipped=True)
                records[task.name] = record
                new_state[task.name] = previous
                report.skipped += 1
                done += 1
                if progress:
                    progress("skipped", record, done, total)
                continue
            hashes[task.name] = digest
            yield task

    hashes: dict[str, str] = {}
    if progress:
        progress("start", {"name": str(root), "unpaired": len(found.unpaired)}, 0, total)
    results = _map_dask(pending_tasks(), scheduler) if scheduler else _map_local(pending_tasks(), workers or os.cpu_count() or 1)
    for result in results:
        for suffix, data in result.outputs.items():
            write_bytes_atomic(out / f"{result.name}{suffix}", data)
        record = dict(result.record, skipped=False)
        records[result.name] = record
        done += 1
        if record["status"] == "ok":
            report.processed += 1
            new_state[result.name] = {"hash": hashes[result.name], "record": result.record}
        else:
            report.failed += 1
        # Saved after every document, so a run killed half way resumes where it stopped.
        write_text_atomic(out / STATE_DIR / "state.json", json.dumps({**state, **new_state}, ensure_ascii=False))
        if progress:
            progress(record["status"], record, done, total)

    ordered = [records[pair.name] for pair in found.pairs]
    ordered += [
        {"name": str(path.relative_to(root)), "status": "unpaired", "zh_file": "", "en_file": "",
         "error": "no partner file found" if _is_text_candidate(path) else "not a .txt document; not aligned",
         "skipped": False}
        for path in found.unpaired
    ]
    report.records = ordered
    write_text_atomic(out / STATE_DIR / "state.json", json.dumps(new_state, ensure_ascii=False))
    _write_summaries(out, report)
    report.seconds = time.perf_counter() - started
    return report


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

    lines = ["\t".join(SUMMARY_COLUMNS)] + ["\t".join(_summary_row(r)) for r in report.records]
    write_text_atomic(out / "summary.tsv", "\n".join(lines) + "\n")
    write_text_atomic(out / "summary.json", json.dumps({"documents": report.records}, ensure_ascii=False, indent=2) + "\n")
    index = [dict(record, report=f"{record['name']}.html") for record in report.records]
    write_text_atomic(out / "index.html", to_index_html(index))
