"""The ``batch`` command: a whole release folder, in parallel, with progress and a summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..batch import FAILED, NOT_READ, UNCHANGED, UNPAIRED, extra_formats
from . import InterruptedRun, app
from .align import TEXT_OUTPUT_HELP
from .baseline import BASELINE_HELP
from .terminal import safe_for_terminal
from .text import ENCODING_HELP, MIN_CONFIDENCE_HELP, OPENCC_HELP, TextMode

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from ..batch import BatchReport, BatchSettings


@app.command(
    epilog="Example: corpus-align batch release/ -o review/ --workers 4 --format tmx"
    "  (or on a Dask cluster: corpus-align batch release/ -o review/ --scheduler tcp://10.0.0.5:8786)"
)
def batch(
    release_dir: Path = typer.Argument(..., help="Folder with NAME.zh.txt + NAME.en.txt, zh/NAME.txt + en/NAME.txt, or bilingual files."),
    out_dir: Path = typer.Option(..., "--out-dir", "-o", help="Where to write the reports (sub-folders mirrored)."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Parallel processes (default: the number of cores)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Run on a Dask cluster: tcp://HOST:PORT (needs corpus-align\\[dask])."),
    output_formats: list[str] = typer.Option(
        [], "--format", "-f", help=f"Extra outputs besides TSV, findings and HTML: {', '.join(extra_formats())} (repeat or comma list)."
    ),
    pattern: str = typer.Option(None, "--pattern", help="Other pair naming, ZH:EN with * for the name, e.g. '*_cn.txt:*_en.txt'."),
    force: bool = typer.Option(False, "--force", help="Redo every document, even those unchanged since the last run."),
    previous: Path = typer.Option(
        None, "--previous", help="The batch output of the previous release: after the batch, write what changed into OUT_DIR/diff/."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors: no progress, warnings or summary line."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="One line per document even on a terminal (instead of the bar), with its counts."
    ),
    # The options below are align's, with the same names, defaults and help: each applies to every document.
    presegmented: bool = typer.Option(False, "--presegmented", help="Each input line is one sentence; blank lines separate paragraphs."),
    glossary: Path = typer.Option(
        None, "--glossary", "-g", help="TSV of zh<TAB>en[<TAB>note] terms: anchors for alignment, required renderings for QA."
    ),
    run_checks: bool = typer.Option(True, "--check/--no-check", help="Run the QA checks and fill the issues column."),
    select: str = typer.Option(None, "--select", help="Only these check codes (comma list)."),
    ignore: str = typer.Option(None, "--ignore", help="Skip these check codes (comma list)."),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
    fail_on: str = typer.Option(
        "never", "--fail-on", help="Also exit 1 when findings at or above this severity exist: error, warning or never."
    ),
    max_merge: int = typer.Option(4, "--max-merge", min=1, max=8, help="Largest number of sentences one side of a bead may join."),
    realign: bool = typer.Option(True, "--realign/--no-realign", help="Second pass with word pairs learnt from the first."),
    by_paragraph: bool = typer.Option(
        True, "--by-paragraph/--no-by-paragraph", help="Align paragraph by paragraph when both sides have the same paragraphs."
    ),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
    text: TextMode = typer.Option(None, "--text", help=TEXT_OUTPUT_HELP, show_default=False),
    baseline: Path = typer.Option(None, "--baseline", help=BASELINE_HELP),
    update_baseline: bool = typer.Option(
        False, "--update-baseline", help="After the run, write the release's findings into the --baseline file (created "
        "if missing): reasons kept for the findings still there, fixed ones dropped (only for the codes checked). "
        "This run's reports show the baseline as it was; nothing is written when a document failed."
    ),
) -> None:
    """Align and check every document of a release folder, with reports and a summary.

    Each document ends done, unchanged or failed. Exit 1 when one failed, 2 when no document was found, 130 on Ctrl-C.
    """
    from ..baseline import reason_pairs
    from ..batch import BatchInterrupted, BatchSettings, run_batch
    from ..errors import UsageError
    from ..io.glossary import read_glossary
    from ..qa import parse_codes, should_fail

    if quiet and verbose:
        raise UsageError("--quiet and --verbose contradict each other; give one")
    should_fail([], fail_on)
    old_baseline = _baseline_before(baseline, update_baseline, run_checks)
    formats = tuple(dict.fromkeys(f.strip() for value in output_formats for f in value.split(",") if f.strip()))
    select_codes, ignore_codes = parse_codes(select), parse_codes(ignore)
    if select_codes is not None or ignore_codes is not None:
        from ..checks import resolve_codes

        resolve_codes(select_codes, ignore_codes)  # unknown codes stop the run before any work
    settings = BatchSettings(
        formats=formats, glossary=read_glossary(glossary), presegmented=presegmented, encoding=encoding,
        opencc=opencc, max_merge=max_merge, realign=realign, by_paragraph=by_paragraph, checks=run_checks,
        select=tuple(select_codes) if select_codes else None,
        ignore=tuple(ignore_codes) if ignore_codes else None, min_confidence=min_confidence,
        text=text.value if text is not None else None, baseline=reason_pairs(old_baseline),
    )
    if previous is not None:
        from ..diff.report import check_previous

        check_previous(previous, out_dir)  # before the work, not after it
    reporter = _Reporter(quiet=quiet, verbose=verbose)
    try:
        report = run_batch(release_dir, out_dir, settings=settings, workers=workers, scheduler=scheduler,
                           force=force, pattern=pattern, progress=reporter.update, warn=reporter.warn)
    except BatchInterrupted as stopped:
        raise InterruptedRun(str(stopped)) from None  # the summaries of what finished are written
    finally:
        reporter.stop()
    unpaired = [r for r in report.records if r["status"] == UNPAIRED]
    not_read = [r for r in report.records if r["status"] == NOT_READ]
    if not quiet:
        for record in unpaired:
            _say(f"corpus-align: warning: {record['name']}: {record['error']}")
        for record in not_read:
            _say(f"corpus-align: warning: {record['name']}: {record['error']}")
        _say_rows_left_out(report.documents)
    for record in report.records:
        if record["status"] == FAILED:
            _say(f"corpus-align: error: {record['name']}: {record['error']}")
    if not quiet:
        not_read_note = f", {len(not_read)} not read" if not_read else ""
        _say(
            f"{report.done} done, {report.unchanged} unchanged, {report.failed} failed, {len(unpaired)} unpaired"
            f"{not_read_note} in {report.seconds:.1f} s; summary: {out_dir / 'summary.tsv'}, index: {out_dir / 'index.html'}"
        )
    if previous is not None:
        _say_what_changed(previous, out_dir, quiet=quiet)
    if update_baseline and baseline is not None:
        _update_baseline(baseline, old_baseline or {}, report, out_dir, settings)
    failing = [r for r in report.documents if fail_on != "never" and (
        r.get("errors", 0) or (fail_on == "warning" and r.get("warnings", 0)))]
    if failing:  # exit 1 must not come without a word: say which documents reached --fail-on
        from ..text.wording import counted

        names = ", ".join(str(r["name"]) for r in failing[:3]) + (f" and {len(failing) - 3} more" if len(failing) > 3 else "")
        level = "errors" if fail_on == "error" else "warnings or errors"
        _say(f"corpus-align: exit 1: {counted(len(failing), 'document')} with {level} (--fail-on {fail_on}): {names}")
    if report.failed or failing:
        raise typer.Exit(1)


def _say_what_changed(previous: Path, out_dir: Path, *, quiet: bool) -> None:
    """Diff the release against the previous one into OUT_DIR/diff/, and say what changed in one line."""
    from ..diff.render import release_line
    from ..diff.report import DIFF_FOLDER, diff_after_batch

    release = diff_after_batch(previous, out_dir)
    if not quiet:
        _say(f"since {previous}: {release_line(release)}; diff: {out_dir / DIFF_FOLDER / 'index.html'}")


def _baseline_before(baseline: Path | None, update: bool, run_checks: bool) -> dict | None:
    """The entries of ``--baseline`` before the run (none yet when ``--update-baseline`` is to create the file)."""
    from ..baseline import load_baseline
    from ..errors import UsageError

    if update and baseline is None:
        raise UsageError("--update-baseline writes the --baseline file; give --baseline FILE")
    if update and not run_checks:
        raise UsageError("--update-baseline needs the checks; leave out --no-check")
    if baseline is None:
        return None
    return load_baseline(baseline) if not update or baseline.exists() else {}


def _update_baseline(baseline: Path, old: dict, report: BatchReport, out_dir: Path, settings: BatchSettings) -> None:
    """Write the release's findings (from its store) into ``baseline``, unless a document failed or the run stopped:
    the findings of a document that was not checked would be dropped from the file as fixed."""
    from contextlib import closing

    from ..baseline import updated_baseline, write_baseline
    from ..checks import resolve_codes
    from ..io.store_read import baseline_entries, open_store
    from .baseline import say_update

    if report.failed or report.interrupted:
        _say(f"corpus-align: warning: {baseline} not updated: "
             f"{'the run was interrupted' if report.interrupted else f'{report.failed} document(s) failed'}")
        return
    with closing(open_store(out_dir)) as connection:
        found = baseline_entries(connection)
    update = updated_baseline(old, found, resolve_codes(settings.select, settings.ignore))
    write_baseline(baseline, update.entries.values())
    say_update(update, baseline)


def _say_rows_left_out(documents: list[dict]) -> None:
    """One warning per format that left rows out (a TMX pairs segments, so it has no one-sided rows), summed over the release."""
    totals: dict[str, list[int]] = {}
    for record in documents:
        for name, count in (record.get("rows_left_out") or {}).items():
            rows_and_documents = totals.setdefault(name, [0, 0])
            rows_and_documents[0] += count
            rows_and_documents[1] += 1
    for name, (rows, documents_with_rows) in sorted(totals.items()):
        what = "1 one-sided row" if rows == 1 else f"{rows} one-sided rows"
        where = "1 document" if documents_with_rows == 1 else f"{documents_with_rows} documents"
        _say(f"corpus-align: warning: {what} of {where} left out of the {name.upper()} files (it pairs segments; "
             "summary.json lists them per document)")


def _say(line: str) -> None:
    """One line on stderr, with the control characters of file names and document text shown, not obeyed."""
    typer.echo(safe_for_terminal(line), err=True)


class _Reporter:
    """What a batch says as it goes, on stderr: a rich progress bar on a terminal, else one line per document.

    ``verbose`` prints the lines (with each document's counts) on a terminal
    too, instead of the bar; ``quiet`` prints nothing here (the failed
    documents' errors are printed at the end). Every name and message goes
    through :func:`safe_for_terminal`: a file named with an escape sequence
    must not recolour or retitle the terminal.
    """

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.lines = verbose or not sys.stderr.isatty()
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.sentences = 0
        self.started = time.perf_counter()

    def update(self, status: str, record: dict, finished: int, total: int) -> None:
        if self.quiet:
            return
        if status == "start":
            if self.lines:
                self._line(f"{total} document(s) found in {record['name']}")
            return
        if self.lines:
            self._line(f"[{finished}/{total}] {record['name']}: {status}{self._detail(status, record)}")
            return
        self.sentences += int(record.get("zh_sentences", 0) or 0) + int(record.get("en_sentences", 0) or 0)
        rate = self.sentences / max(1e-9, time.perf_counter() - self.started)
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("[bold]aligning"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                TextColumn("{task.fields[rate]} sent/s"), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
                # No refresh thread: the batch forks its workers, which is only safe without other threads.
                auto_refresh=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("batch", total=total, rate="0")
        assert self.task is not None  # added with the bar
        self.progress.update(self.task, completed=finished, rate=f"{rate:,.0f}")
        self.progress.refresh()

    def _detail(self, status: str, record: dict) -> str:
        """What follows a document's status on its line: the error, else the time (and with --verbose, the counts)."""
        if status == FAILED:
            return f" ({record.get('error')})"
        if status == UNCHANGED and not self.verbose:
            return ""
        seconds = f"{record.get('seconds', 0):.2f} s"
        if status == UNCHANGED:
            seconds = "kept from an earlier run"
        if not self.verbose:
            return f" ({seconds})"
        counts = (
            f"{record.get('zh_sentences', 0)} zh + {record.get('en_sentences', 0)} en sentences,"
            f" {record.get('beads', 0)} rows, {record.get('errors', 0)} errors, {record.get('warnings', 0)} warnings,"
            f" {record.get('infos', 0)} infos"
        )
        return f" ({counts}; {seconds})"

    def _line(self, text: str) -> None:
        print(safe_for_terminal(text), file=sys.stderr, flush=True)

    def warn(self, message: str) -> None:
        """A warning as it happens (a resume state that cannot be trusted), above the bar on a terminal."""
        if self.quiet:
            return
        line = safe_for_terminal(f"corpus-align: warning: {message}")
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
