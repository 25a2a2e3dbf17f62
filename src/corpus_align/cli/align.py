"""Commands that align and score alignments: ``align`` and ``eval``."""

from __future__ import annotations

from enum import Enum, StrEnum
from pathlib import Path

import typer

from ..io.output import check_output_target, write_output
from ..io.writers import WRITERS
from . import app, warn
from .baseline import BASELINE_HELP
from .text import ENCODING_HELP, MIN_CONFIDENCE_HELP, OPENCC_HELP, OUTPUT_HELP, TEXT_HELP, TextMode

# TEXT_OUTPUT_HELP and write_output: the commands of other modules use them too
__all__ = ["TEXT_OUTPUT_HELP", "align", "evaluate", "text_from_options", "write_output"]

# The choices of --format: every registered output format (corpus_align.io.writers).
AlignFormat = Enum("AlignFormat", {name: name for name in WRITERS}, type=str)  # type: ignore[misc]
FORMAT_HELP = (
    ", ".join(f"{w.name} ({w.help})" for w in WRITERS.values())
    + ". Default: the one the -o suffix names ("
    + " ".join(w.suffix for w in WRITERS.values())
    + "), else tsv; a --format the suffix contradicts is an error."
)
# --text's default differs by format (a translation memory must not store damage); the registry says how.
TEXT_OUTPUT_HELP = (
    f"{TEXT_HELP} Default: "
    + "".join(f"{w.default_text} for {w.name}, " for w in WRITERS.values() if w.default_text != "original")
    + "original for the other formats. Findings point at the text as written."
)


class ZhScript(StrEnum):
    """The choices of the deprecated --zh-script, which --text replaces."""

    original = "original"
    simplified = "simplified"


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(
    epilog="Example: corpus-align align data/samples/000_389ae536b82fb46d.txt -o sample.tsv"
    "  (or: corpus-align align book.zh.txt book.en.txt --presegmented --format ladder;"
    " corpus-align align book.zh.txt book.en.txt --format html -o book.html)"
)
def align(
    zh_file: str = typer.Argument(
        ..., metavar="ZH_FILE", help="Chinese text, or a bilingual file when EN_FILE is left out; - for standard input."
    ),
    en_file: str = typer.Argument(None, metavar="[EN_FILE]", help="English translation."),
    output: str = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    output_format: AlignFormat | None = typer.Option(None, "--format", "-f", show_default=False, help=FORMAT_HELP),
    presegmented: bool = typer.Option(False, "--presegmented", help="Each input line is one sentence; blank lines separate paragraphs."),
    glossary: Path = typer.Option(
        None, "--glossary", "-g", help="TSV of zh<TAB>en[<TAB>note] terms: anchors for alignment, required renderings for QA."
    ),
    run_checks: bool = typer.Option(True, "--check/--no-check", help="Run the QA checks and fill the issues column."),
    select: str = typer.Option(None, "--select", help="Only these check codes (comma list)."),
    ignore: str = typer.Option(None, "--ignore", help="Skip these check codes (comma list)."),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
    fail_on: str = typer.Option(
        "never", "--fail-on", help="Exit 1 when findings at or above this severity exist: error, warning or never."
    ),
    max_merge: int = typer.Option(4, "--max-merge", min=1, max=8, help="Largest number of sentences one side of a bead may join."),
    text: TextMode = typer.Option(None, "--text", help=TEXT_OUTPUT_HELP, show_default=False),
    zh_script: ZhScript = typer.Option(None, "--zh-script", hidden=True, help="Deprecated: use --text."),
    realign: bool = typer.Option(True, "--realign/--no-realign", help="Second pass with word pairs learnt from the first."),
    by_paragraph: bool = typer.Option(
        True, "--by-paragraph/--no-by-paragraph", help="Align paragraph by paragraph when both sides have the same paragraphs."
    ),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
    baseline: Path = typer.Option(None, "--baseline", help=BASELINE_HELP),
) -> None:
    """Align Chinese and English sentences, check them, and write TSV, JSONL, a ladder, TMX, XLSX, HTML or the findings."""
    from ..baseline import reason_pairs
    from ..io.glossary import read_glossary
    from ..io.writers import format_for_output, render
    from ..pipeline import PipelineSettings, read_sources, run_pipeline
    from ..qa import parse_codes, should_fail
    from .progress import terminal_progress

    should_fail([], fail_on)  # reject a bad --fail-on before the work
    text_mode = text_from_options(text, zh_script)
    check_output_target(output, [zh_file, en_file, glossary, baseline])
    format_name = format_for_output(output, output_format.value if output_format else None)
    _refuse_binary_on_a_terminal(format_name, output)
    selected, ignored = parse_codes(select), parse_codes(ignore)
    settings = PipelineSettings(
        presegmented=presegmented, opencc=opencc, max_merge=max_merge, glossary=tuple(read_glossary(glossary)),
        realign=realign, by_paragraph=by_paragraph, checks=run_checks,
        select=tuple(selected) if selected is not None else None, ignore=tuple(ignored) if ignored is not None else None,
        min_confidence=min_confidence, baseline=reason_pairs(baseline),
    )
    zh_source, en_source = read_sources(zh_file, en_file, encoding=encoding)
    progress = terminal_progress()
    try:
        result = run_pipeline(zh_source, en_source, settings, progress=progress)
    finally:
        if progress:
            progress.close()
    for warning in result.alignment.warnings:
        warn(warning)
    findings = result.findings
    rendered = render(format_name, result.alignment, findings, text=text_mode)
    for warning in rendered.warnings:
        warn(warning)
    write_output(rendered.content, output)
    if should_fail(findings, fail_on):
        raise typer.Exit(1)


def text_from_options(text: TextMode | None, zh_script: ZhScript | None) -> str | None:
    """The text mode of --text, or of the deprecated --zh-script (with a warning); None leaves it to the format.

    Kept for one release so that existing scripts run: --zh-script original and simplified mean what --text's do.

    >>> text_from_options(TextMode.repaired, None), text_from_options(None, None)
    ('repaired', None)
    """
    if zh_script is None:
        return text.value if text is not None else None
    if text is not None:
        from ..errors import UsageError

        raise UsageError("--zh-script is the deprecated name of --text; give --text alone")
    warn(f"--zh-script is deprecated and will be removed; use --text {zh_script.value}")
    return zh_script.value


def _refuse_binary_on_a_terminal(format_name: str, output: str | None) -> None:
    """Binary bytes (XLSX) would scramble a terminal: say so before the work, not after it (write_output refuses too)."""
    import sys

    if WRITERS[format_name].binary and output in (None, "-") and sys.stdout.isatty():
        from ..errors import UsageError

        raise UsageError("this format is binary; write it to a file with -o FILE")


@app.command(name="eval", epilog="Example: corpus-align eval ../shared/bench/mac-dev/gold out/ladders --format json")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold ladder file, or a folder of them."),
    test: Path = typer.Argument(..., help="Test ladder file, or a folder with files of the same names."),
    output_format: EvalFormat = typer.Option(EvalFormat.text, "--format", "-f", help="text for people, json for machines."),
) -> None:
    """Score alignments against gold: strict and lax precision, recall and F1."""
    import json

    from ..evaluation import evaluate_paths

    report = evaluate_paths(gold, test)
    if output_format is EvalFormat.json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"{'':<8}{'precision':>10}{'recall':>8}{'F1':>7}")
    for mode in ("strict", "lax"):
        scores = report[mode]
        typer.echo(f"{mode:<8}{scores['precision']:>10.3f}{scores['recall']:>8.3f}{scores['f1']:>7.3f}")
    typer.echo(f"documents: {report['documents']}  gold beads: {report['gold_beads']}  test beads: {report['test_beads']}")
