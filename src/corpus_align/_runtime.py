"""Process-level settings for the long, allocation-heavy stages."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the duration (reference counting still frees memory).

    Reading a 40,000-sentence book allocates millions of small lists and
    tuples, none in reference cycles; the collector walked them again and
    again for 3 of its 12 seconds. It resumes, and collects, on exit.

    >>> import gc
    >>> with cyclic_gc_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def die_with_parent(signal_number: int | None = None) -> bool:
    """Ask Linux to send this process ``signal_number`` (default SIGKILL) when its parent dies; ``False`` where it cannot.

    For forked workers: one blocked on a pipe never sees the pipe close,
    since it holds the other end too (inherited through the fork), and would
    otherwise outlive a parent killed with ``kill -9``.

    >>> isinstance(die_with_parent(), bool)  # doctest: +SKIP
    True
    """
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        pr_set_pdeathsig = 1
        number = int(signal.SIGKILL if signal_number is None else signal_number)
        return ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, number, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
