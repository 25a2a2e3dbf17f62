"""A progress bar for one long document: on a terminal only, and only once the work has lasted a moment."""

from __future__ import annotations

import contextlib
import sys
import time
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class DelayedProgress:
    """Call it with ``(stage, fraction)``; after ``delay`` seconds a rich bar appears on ``stream`` and follows the calls.

    Short documents finish before the delay and never show a bar; :meth:`close`
    removes the bar (it is transient), so only the output and warnings remain.

    >>> import io
    >>> bar = DelayedProgress(io.StringIO(), delay=60.0)
    >>> bar("aligning sentences", 0.5); bar.close()
    """

    def __init__(self, stream: IO[str], *, delay: float = 2.0, label: str = "aligning") -> None:
        self._stream = stream
        self._delay = delay
        self._label = label
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._broken = False

    def __call__(self, stage: str, fraction: float) -> None:
        if self._broken:
            return
        try:
            self._show(stage, fraction)
        except (OSError, ValueError):  # the terminal went away: the bar is not worth the result
            self._broken = True

    def _show(self, stage: str, fraction: float) -> None:
        if self._progress is None:
            if time.monotonic() - self._started < self._delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn(f"{self._label} [progress.description]{{task.description}}"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeElapsedColumn(),
                console=Console(file=self._stream),
                transient=True,
                # No refresh thread: the aligner may fork worker processes, which is only safe without other threads.
                auto_refresh=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(stage, total=100.0)
        assert self._task is not None  # added with the bar
        self._progress.update(self._task, completed=100.0 * min(max(fraction, 0.0), 1.0), description=stage)
        self._progress.refresh()

    def close(self) -> None:
        """Remove the bar, if one was shown."""
        if self._progress is not None:
            progress, self._progress = self._progress, None
            with contextlib.suppress(OSError, ValueError):
                progress.stop()


def terminal_progress(stream: IO[str] | None = None, *, label: str = "aligning") -> DelayedProgress | None:
    """A :class:`DelayedProgress` when ``stream`` (default: stderr) is a terminal, else ``None`` (logs stay clean).

    >>> import io
    >>> terminal_progress(io.StringIO()) is None
    True
    """
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return DelayedProgress(stream, label=label) if isatty is not None and isatty() else None
