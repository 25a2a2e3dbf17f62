"""The ``diff`` command: what changed between two releases, rows matched by content, findings new or fixed."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from . import app
from .check import FailOn
from .terminal import safe_for_terminal
from .text import ENCODING_HELP, OUTPUT_HELP

if TYPE_CHECKING:  # the diff machinery loads when a diff runs, not when the CLI starts
    from ..diff import DocumentDiff, ReleaseDiff

SIDE_HELP = (
    "An aligned file (the TSV, JSONL or XLSX that align writes) or a batch output folder; "
    "OLD and NEW must be of the same kind."
)
HTML_HELP = "Also write an HTML page per changed document (word-level edits marked) and an index.html into this folder."
BASELINE_HELP = (
    "JSON Lines of accepted findings, a 'fingerprint' on each line: those findings count as accepted, "
    "not as new or open."
)


class DiffFormat(StrEnum):
    text = "text"
    tsv = "tsv"
    jsonl = "jsonl"


@app.command(
    epilog="Example: corpus-align diff review-v1/ review-v2/ --html changes/ --fail-on error"
    "  (or two files: corpus-align diff v1/ch1.tsv v2/ch1.tsv --format tsv -o changes.tsv)"
)
def diff(
    old: Path = typer.Argument(..., help=f"The earlier release. {SIDE_HELP}"),
    new: Path = typer.Argument(..., help="The later release, of the same kind as OLD."),
    output_format: DiffFormat | None = typer.Option(
        None, "--format", "-f", show_default=False,
        help="text: a summary for people (counts per class, per document, and the new findings); tsv or jsonl: one "
        "record per changed row and per finding new, fixed or accepted. Default: the -o suffix's (.tsv .jsonl), else text.",
    ),
    output: str = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    html: Path = typer.Option(None, "--html", help=HTML_HELP),
    baseline: Path = typer.Option(None, "--baseline", help=BASELINE_HELP),
    fail_on: FailOn = typer.Option(
        FailOn.error, "--fail-on",
        help="Exit 1 when new findings at or above this severity exist; findings still open, fixed or accepted do not count.",
    ),
    unchanged: bool = typer.Option(False, "--unchanged", help="Also list the unchanged rows and the findings still open."),
    run_checks: bool = typer.Option(
        True, "--check/--no-check",
        help="Two files without NAME.findings.jsonl beside both: run the QA checks on both to compare findings "
        "(--no-check: compare the rows only).",
    ),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
) -> None:
    """Compare two releases: rows unchanged, revised (English, Chinese, both), new or removed; findings new, fixed, open, accepted.

    Rows are matched by their text, not their number, so a sentence added at
    the top does not make every row below it a change. Exit 1 when --fail-on
    is reached by a new finding, 2 on bad input.
    """
    from ..diff import diff_files, diff_releases, read_accepted
    from ..diff.report import write_diff_report
    from ..errors import InputError, UsageError
    from ..io.output import check_output_target, open_output
    from ..io.writers import format_for_output
    from ..qa import should_fail

    for side in (old, new):
        if not side.exists():
            raise InputError(str(side), "no such file or folder")
    if old.is_dir() != new.is_dir():
        raise UsageError(f"{old} and {new} are not of one kind: give two aligned files, or two batch output folders")
    check_output_target(output, [old, new])
    chosen = DiffFormat(format_for_output(output, output_format.value if output_format else None,
                                          default=DiffFormat.text.value, offered=[f.value for f in DiffFormat]))
    accepted = read_accepted(baseline) if baseline is not None else frozenset()
    result: DocumentDiff | ReleaseDiff
    if old.is_dir():
        result = diff_releases(old, new, accepted=accepted)
    else:
        result = diff_files(old, new, accepted=accepted, check=run_checks, encoding=encoding)
    with open_output(output) as stream:
        write_diff(result, stream, chosen, unchanged=unchanged)
    if html is not None:
        write_diff_report(result, html, all_rows=unchanged, old_file=old, new_file=new)
    if should_fail(result.new_findings, fail_on.value):
        raise typer.Exit(1)


def write_diff(result: DocumentDiff | ReleaseDiff, stream: TextIO, output_format: DiffFormat, *, unchanged: bool = False) -> None:
    """The diff in ``output_format``: the summary lines (escaped for a terminal), or one record per change."""
    from ..diff.render import change_records, summary_lines, to_change_jsonl, to_change_tsv

    if output_format is DiffFormat.text:
        stream.writelines(safe_for_terminal(line) + "\n" for line in summary_lines(result))
    elif output_format is DiffFormat.tsv:
        stream.writelines(to_change_tsv(change_records(result, unchanged=unchanged)))
    else:
        stream.writelines(to_change_jsonl(result, change_records(result, unchanged=unchanged)))
