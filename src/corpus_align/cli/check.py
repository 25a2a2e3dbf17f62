"""The ``check`` command: QA findings for an aligned file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from . import app
from .align import write_output
from .text import ENCODING_HELP, OPENCC_HELP

SELECT_HELP = "Only these check codes (comma list), e.g. number-mismatch,entity-missing."
IGNORE_HELP = "Skip these check codes (comma list)."
GLOSSARY_HELP = "TSV of zh<TAB>en[<TAB>note] terms: anchors for alignment, required renderings for QA."
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class CheckFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    tsv = "tsv"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


@app.command(
    epilog="Example: corpus-align check aligned.tsv --ignore typo,whitespace --fail-on warning"
    "  (or: corpus-align check corpus.tsv --format jsonl -o findings.jsonl)"
)
def check(
    file: str = typer.Argument(..., help="The TSV that align writes, or a plain zh<TAB>en file (one bead per row); - for standard input."),
    output_format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text for people (colour on a terminal), jsonl or tsv."),
    output: str = typer.Option(None, "--output", "-o", help="Output file (default or -: standard output)."),
    select: str = typer.Option(None, "--select", help=SELECT_HELP),
    ignore: str = typer.Option(None, "--ignore", help=IGNORE_HELP),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when findings at or above this severity exist."),
    glossary: Path = typer.Option(None, "--glossary", "-g", help=GLOSSARY_HELP),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
) -> None:
    """Check aligned translations for omissions, wrong numbers, missing names, typos and more."""
    from ..io.findings import findings_to_jsonl, findings_to_tsv
    from ..io.glossary import read_glossary
    from ..qa import check_file, parse_codes, should_fail

    report = check_file(
        file, glossary=read_glossary(glossary), select=parse_codes(select), ignore=parse_codes(ignore),
        encoding=encoding, opencc=opencc,
    )
    for bad in report.malformed:
        typer.echo(f"corpus-align: warning: {report.name}: line {bad.line} (row {bad.row}): {bad.problem}; row not checked", err=True)
    if output_format is CheckFormat.jsonl:
        write_output(findings_to_jsonl(report.findings), output)
    elif output_format is CheckFormat.tsv:
        write_output(findings_to_tsv(report.findings), output)
    else:
        render_text(report, output)
    if should_fail(report.findings, fail_on.value):
        raise typer.Exit(1)


def render_text(report, output: str | None) -> None:
    """Findings grouped by row with the row's text, then a table of counts per code."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO() if output not in (None, "-") else None
    console = Console(file=buffer, highlight=False, soft_wrap=True) if buffer else Console(highlight=False, soft_wrap=True)
    rows = {row.row: row for row in report.rows}
    current = None
    for finding in report.findings:
        if finding.row != current:
            current = finding.row
            row = rows.get(current)
            console.print()
            console.print(Text(f"row {current}", style="bold"))
            if row is not None:
                console.print(Text("  zh: ", style="dim") + Text(row.zh or "—"))
                console.print(Text("  en: ", style="dim") + Text(row.en or "—"))
        line = Text("  ") + Text(f"{finding.severity:<7}", style=SEVERITY_STYLE.get(finding.severity, ""))
        line += Text(f" {finding.code:<22}", style="bold") + Text(finding.message)
        if finding.suggestion:
            line += Text(f" (suggestion: {finding.suggestion})", style="green")
        console.print(line)
    console.print()
    counts = report.counts()
    if counts:
        severity = {f.code: f.severity for f in report.findings}
        table = Table(title=f"{report.name}: {len(report.findings)} finding(s) in {len(report.rows)} row(s)")
        table.add_column("code")
        table.add_column("severity")
        table.add_column("count", justify="right")
        for code, count in counts.most_common():
            table.add_row(code, Text(severity[code], style=SEVERITY_STYLE.get(severity[code], "")), str(count))
        console.print(table)
    else:
        console.print(f"{report.name}: no findings in {len(report.rows)} row(s)")
    if report.malformed:
        console.print(f"{len(report.malformed)} malformed row(s) not checked (see warnings above)")
    if buffer is not None:
        write_output(buffer.getvalue(), output)
