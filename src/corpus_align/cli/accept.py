"""The ``accept`` command: merge the decisions exported from an HTML report into a baseline of accepted findings."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from .baseline import say_update


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
