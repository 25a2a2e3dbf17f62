"""The run: documents through the workers, outputs written atomically, the state kept, the summaries written."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError, UsageError
from ..io.atomic import write_bytes_atomic
from .discovery import discover
from .document import document_tasks, encodable, output_paths, task_hash
from .settings import STATE_DIR, SUMMARY_COLUMNS, BatchSettings, DocumentResult, DocumentTask, extra_formats
from .state import StateLog
from .workers import map_dask, map_local

if TYPE_CHECKING:

    pass


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
            return lambda: all(path.is_file() for path in output_paths(out, name, settings.formats))

        pending = (task for task in document_tasks(found.pairs, settings, root) if not run.unchanged(task, outputs_present(task.name)))
        if progress:
            progress("start", {"name": str(root), "unpaired": len(found.unpaired)}, 0, run.total)
        results = map_dask(pending, scheduler) if scheduler else map_local(pending, workers or os.cpu_count() or 1, settings)
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
    from ..io.tsv import tsv_cell

    values = []
    for column in SUMMARY_COLUMNS:
        value = record.get(column, "")
        if isinstance(value, dict):
            value = " ".join(f"{key}:{count}" for key, count in value.items())
        values.append(tsv_cell(value))
    return values


def _write_summaries(out: Path, report: BatchReport) -> None:
    from ..io.html import to_index_html

    def encoded(text: str) -> bytes:
        # A file name that is not UTF-8 holds lone surrogates: spelled \udcXX, which JSON reads back as the same name.
        return text.encode("utf-8", "backslashreplace")

    lines = ["\t".join(SUMMARY_COLUMNS)] + ["\t".join(_summary_row(r)) for r in report.records]
    write_bytes_atomic(out / "summary.tsv", encoded("\n".join(lines) + "\n"))
    write_bytes_atomic(out / "summary.json", encoded(json.dumps({"documents": report.records}, ensure_ascii=False, indent=2) + "\n"))
    # No link for a name that is not UTF-8: a page can only link to it percent-encoded from its bytes.
    index = [dict(record, report=f"{record['name']}.html" if encodable(record["name"]) == record["name"] else None)
             for record in report.records]
    write_bytes_atomic(out / "index.html", encoded(to_index_html(index)))
