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

from .discovery import discover
from .document import process_document, task_hash
from .run import BatchInterrupted, BatchReport, aligned_outputs, no_documents_problem, run_batch
from .settings import (
    ALWAYS_WRITTEN,
    DOCUMENT_STATUSES,
    DONE,
    FAILED,
    LEGACY_STATE_FILE,
    NOT_READ,
    STATE_DIR,
    STATE_FILE,
    SUMMARY_COLUMNS,
    UNCHANGED,
    UNPAIRED,
    BatchSettings,
    Discovery,
    DocumentPair,
    DocumentResult,
    DocumentTask,
    SkippedPath,
    current_status,
    extra_formats,
)
from .state import StateLog, StateRead, parse_legacy_state, parse_state_log, state_line
from .workers import describe_worker_death

__all__ = [
    "ALWAYS_WRITTEN", "DOCUMENT_STATUSES", "DONE", "FAILED", "LEGACY_STATE_FILE", "NOT_READ", "STATE_DIR", "STATE_FILE",
    "SUMMARY_COLUMNS", "UNCHANGED", "UNPAIRED", "BatchInterrupted", "aligned_outputs", "BatchReport", "BatchSettings", "Discovery",
    "DocumentPair", "DocumentResult", "DocumentTask", "SkippedPath", "StateLog", "StateRead", "current_status",
    "describe_worker_death", "discover", "extra_formats", "no_documents_problem", "parse_legacy_state", "parse_state_log",
    "process_document", "run_batch", "state_line", "task_hash",
]
