"""Accepted findings on the command line: what the ``--baseline`` options of check, align and batch share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .terminal import safe_for_terminal

if TYPE_CHECKING:
    from ..baseline import BaselineReview, BaselineUpdate
    from ..io.baseline import BaselineEntry

BASELINE_HELP = (
    "A baseline of accepted findings (sorted JSONL, see README 'Accepting findings'): the findings it lists are "
    "reported as accepted, with the reviewer's reason, and never count for --fail-on."
)
UPDATE_BASELINE_HELP = (
    "Write this run's findings into the --baseline file (created if missing): reasons kept for the findings still "
    "there, fixed ones dropped (only for the codes checked); every finding of the run is then accepted."
)


def baseline_review(baseline: Path | None, *, update: bool = False) -> tuple[dict[str, BaselineEntry], BaselineReview | None]:
    """The entries of ``--baseline`` and the review that marks a run's findings; ``update``: ``--update-baseline``.

    A missing file is an error, unless the run is to write it.

    >>> baseline_review(None)
    ({}, None)
    """
    from ..baseline import BaselineReview, accepted_reasons, load_baseline

    if baseline is None:
        if update:
            from ..errors import UsageError

            raise UsageError("--update-baseline writes the --baseline file; give --baseline FILE")
        return {}, None
    old = load_baseline(baseline) if not update or baseline.exists() else {}
    return old, BaselineReview(accepted_reasons(old), accept_all=update, gather=update)


def say_update(update: BaselineUpdate, path: Path) -> None:
    """The one stderr line about a baseline written: how many findings were added, removed and kept."""
    typer.echo(safe_for_terminal(f"{update.describe()} ({path})"), err=True)
