"""Worker processes (a pool that survives a worker's death and ends with the batch) and Dask."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Generator, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._runtime import die_with_parent
from ..errors import UsageError
from .document import failed_result, process_document, render_document
from .settings import BatchSettings, DocumentResult, DocumentTask

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import DefaultContext, ForkContext
    from multiprocessing.process import BaseProcess



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
        render_document(DocumentTask("warm-up", "warm-up.txt", data, None, None, settings))
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
                return failed_result(task, f"could not start a worker process: {error.strerror or error}", 0.0)
            oom_kills = _oom_kill_count()
            try:
                worker.connection.send(task)
            except (OSError, ValueError):
                reason = describe_worker_death(self._end(worker), oom_kills, _oom_kill_count())
                continue
            self._busy[worker] = _Assignment(task, time.perf_counter(), oom_kills)
            return None
        return failed_result(task, reason, 0.0)

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
                yield failed_result(assignment.task, reason, time.perf_counter() - assignment.started)
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


def map_local(tasks: Iterable[DocumentTask], workers: int, settings: BatchSettings) -> Generator[DocumentResult, None, None]:
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


def map_dask(tasks: Iterable[DocumentTask], scheduler: str) -> Generator[DocumentResult, None, None]:
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
                result = failed_result(
                    task, f"worker died: {error}" if killed else f"internal error: {type(error).__name__}: {error}", 0.0,
                )
            yield result
            future.release()
            nxt = next(task_iter, None)
            if nxt is not None:
                submit(nxt)
    finally:
        client.close()
