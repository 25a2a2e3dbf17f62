"""Accepted findings on the command line: the ``--baseline`` options of check, align and batch, and ``accept``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from . import app
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


@app.command(
    epilog="Example: corpus-align accept ~/Downloads/book.decisions.jsonl review/baseline.jsonl"
    "  (then: corpus-align check book.tsv --baseline review/baseline.jsonl)"
)
def accept(
    decisions: Path = typer.Argument(..., help="The decisions the HTML report's Export button saved (JSONL)."),
    baseline: Path = typer.Argument(..., metavar="FILE", help="The baseline to merge them into (created if missing)."),
) -> None:
    """Merge the Accept decisions exported from an HTML report into a baseline file.

    Accepted findings are added (a new reason replaces the old one); findings un-accepted in the report are
    removed. The file is rewritten sorted, atomically; one line on stderr says what changed.
    """
    from ..baseline import accept_decisions

    update = accept_decisions(decisions, baseline)
    say_update(update, baseline)
