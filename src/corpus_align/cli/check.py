"""The ``check`` command: QA findings for an aligned file (TSV, JSONL or XLSX), written as they are found."""

from __future__ import annotations

import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from . import app
from .baseline import BASELINE_HELP, UPDATE_BASELINE_HELP
from .terminal import safe_for_terminal
from .text import ENCODING_HELP, MIN_CONFIDENCE_HELP, OPENCC_HELP, OUTPUT_HELP

if TYPE_CHECKING:  # the check machinery loads when a check runs, not when the CLI starts
    from ..io.tsv_read import MalformedRow
    from ..model import Finding
    from ..qa import FileCheck

SELECT_HELP = "Only these check codes (comma list), e.g. number-mismatch,entity-missing."
IGNORE_HELP = "Skip these check codes (comma list)."
GLOSSARY_HELP = "TSV of zh<TAB>en[<TAB>note] terms: anchors for alignment, required renderings for QA."
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
FILE_HELP = (
    "An aligned file: the TSV, JSONL or XLSX that align writes, or plain zh<TAB>en or zh<TAB>en<TAB>note rows "
    "(one bead per row); - for standard input. XLSX when the file is a ZIP archive or named .xlsx; JSONL when "
    "named .jsonl/.json or when its first line is a JSON object; TSV otherwise. A row that cannot be read is "
    "a malformed-row finding (an error) and a warning on standard error."
)


class CheckFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"
    tsv = "tsv"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


@app.command(
    epilog="Example: corpus-align check aligned.tsv --ignore typo,whitespace --min-confidence 0.8 --fail-on warning"
    "  (or: corpus-align check corpus.tsv --format jsonl -o findings.jsonl;"
    " corpus-align check book.tsv --baseline review/baseline.jsonl)"
)
def check(
    file: str = typer.Argument(..., help=FILE_HELP),
    output_format: CheckFormat | None = typer.Option(
        None, "--format", "-f", show_default=False,
        help="text for people (colour on a terminal), jsonl or tsv. Default: the one the -o suffix names "
        "(.jsonl .tsv), else text; a --format the suffix contradicts is an error.",
    ),
    output: str = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    select: str = typer.Option(None, "--select", help=SELECT_HELP),
    ignore: str = typer.Option(None, "--ignore", help=IGNORE_HELP),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when findings at or above this severity exist."),
    glossary: Path = typer.Option(None, "--glossary", "-g", help=GLOSSARY_HELP),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
    baseline: Path = typer.Option(None, "--baseline", help=BASELINE_HELP),
    update_baseline: bool = typer.Option(False, "--update-baseline", help=UPDATE_BASELINE_HELP),
) -> None:
    """Check aligned translations for omissions, wrong numbers, missing names, typos and more."""
    from ..io.glossary import read_glossary
    from ..io.output import check_output_target, open_output
    from ..io.writers import format_for_output
    from ..qa import default_workers, open_file_check, parse_codes
    from .baseline import baseline_review

    check_output_target(output, [file, baseline])
    chosen = CheckFormat(format_for_output(output, output_format.value if output_format else None,
                                           default=CheckFormat.text.value, offered=[f.value for f in CheckFormat]))
    accepted, review = baseline_review(baseline, update=update_baseline)
    with open_file_check(
        file, glossary=read_glossary(glossary), select=parse_codes(select), ignore=parse_codes(ignore),
        encoding=encoding, opencc=opencc, workers=default_workers(), all_rows=False, min_confidence=min_confidence,
        baseline=review,
    ) as run, open_output(output) as stream:
        failed = (
            write_text(run, stream, fail_on.value) if chosen is CheckFormat.text else write_data(run, stream, chosen, fail_on.value)
        )
    if update_baseline and review is not None:
        from ..baseline import updated_baseline, write_baseline
        from .baseline import say_update

        # Written after the findings: a run stopped half way leaves the baseline as it was.
        update = updated_baseline(accepted, review.found, run.codes)
        write_baseline(baseline, update.entries.values())
        say_update(update, baseline)
    if failed:
        raise typer.Exit(1)


def warn_malformed(name: str, bad: MalformedRow) -> None:
    """One warning line on standard error for a record that is not checked (its malformed-row finding goes to the output)."""
    typer.echo(
        f"corpus-align: warning: {safe_for_terminal(name)}: {bad.lines} (row {bad.row}): "
        f"{safe_for_terminal(bad.problem)}; row not checked",
        err=True,
    )


def write_data(run: FileCheck, stream: TextIO, output_format: CheckFormat, fail_on: str) -> bool:
    """Findings as JSON Lines or TSV, exactly as found (data, not terminal text); True when ``fail_on`` is reached.

    With a baseline each finding also says whether it is accepted, and why (see :mod:`corpus_align.io.findings`).
    """
    from ..io.findings import findings_tsv_header, jsonl_lines, tsv_lines
    from ..io.tsv_read import MalformedRow
    from ..qa import should_fail

    with_baseline = run.review is not None
    lines = jsonl_lines if output_format is CheckFormat.jsonl else tsv_lines
    if output_format is CheckFormat.tsv:
        stream.write(findings_tsv_header(baseline=with_baseline))
    failed = False
    for item in run.items:
        if isinstance(item, MalformedRow):
            warn_malformed(run.name, item)
            findings = run.findings_of(item)
        else:
            findings = item.findings
        if findings:
            stream.writelines(lines(findings, baseline=with_baseline))
            failed = failed or should_fail(findings, fail_on)
    return failed


def write_text(run: FileCheck, stream: TextIO, fail_on: str) -> bool:
    """Findings grouped by row under the row's own text, then a table of counts per code; True when ``fail_on`` is reached.

    Document text and file names are escaped with :func:`safe_for_terminal`:
    a control sequence in a translation is shown, never obeyed.  Accepted
    findings are listed dimmed, with their reason, and counted apart.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..io.tsv_read import MalformedRow
    from ..qa import should_fail

    console = (
        Console(file=stream, highlight=False, soft_wrap=True) if stream is not sys.stdout else Console(highlight=False, soft_wrap=True)
    )
    counts: Counter = Counter()  # (code, severity): a code's doubtful findings are counted apart, at info
    failed = False
    malformed = accepted = 0
    for item in run.items:
        if isinstance(item, MalformedRow):
            malformed += 1
            warn_malformed(run.name, item)
            findings = run.findings_of(item)
            if findings:
                console.print()
                console.print(Text(f"row {item.row}", style="bold") + Text(f" ({item.lines})", style="dim"))
        else:
            row, findings = item
            if not findings:
                continue
            console.print()
            console.print(Text(f"row {row.row}", style="bold") + Text(f" (line {row.line})", style="dim"))
            console.print(Text("  zh: ", style="dim") + Text(safe_for_terminal(row.zh) or "—"))
            console.print(Text("  en: ", style="dim") + Text(safe_for_terminal(row.en) or "—"))
        for finding in findings:
            console.print(_finding_line(finding))
            if finding.accepted:
                accepted += 1
                continue
            counts[finding.code, finding.severity] += 1
        failed = failed or should_fail(findings, fail_on)
    console.print()
    name = safe_for_terminal(run.name)
    if counts:
        table = Table(title=Text(f"{name}: {sum(counts.values())} finding(s) in {run.survey.rows} row(s)"))
        table.add_column("code")
        table.add_column("severity")
        table.add_column("count", justify="right")
        for (code, severity), count in counts.most_common():
            table.add_row(code, Text(severity, style=SEVERITY_STYLE.get(severity, "")), str(count))
        console.print(table)
    else:
        console.print(Text(f"{name}: no findings in {run.survey.rows} row(s)"))
    if accepted:
        console.print(Text(f"{accepted} accepted finding(s) not counted (listed in the baseline)", style="dim"))
    if malformed:
        console.print(Text(f"{malformed} malformed row(s) not checked (see warnings above)"))
    return failed


def _finding_line(finding: Finding):
    """One finding on one line: severity, code, confidence, message and suggestion, escaped for the terminal.

    An accepted finding is dimmed and says so, with the reviewer's reason.
    """
    from rich.text import Text

    if finding.accepted:
        reason = f" (reason: {safe_for_terminal(finding.reason)})" if finding.reason else ""
        return Text(f"  accepted {finding.severity:<7} {finding.code:<22} {safe_for_terminal(finding.message)}{reason}",
                    style="dim")
    line = Text("  ") + Text(f"{finding.severity:<7}", style=SEVERITY_STYLE.get(finding.severity, ""))
    line += Text(f" {finding.code:<22}", style="bold")
    if finding.confidence is not None:
        line += Text(f"{finding.confidence:>4.0%} ", style="dim")
    line += Text(safe_for_terminal(finding.message))
    if finding.suggestion:
        line += Text(f" (suggestion: {safe_for_terminal(finding.suggestion)})", style="green")
    return line
