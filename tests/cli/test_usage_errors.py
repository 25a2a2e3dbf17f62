"""Usage mistakes: one line naming the problem (and the valid choices), exit 2, no traceback.

Each mistake is made in this process (:func:`tests.conftest.run_cli`, the same :func:`corpus_align.cli.main` the
program runs); one of them, and the call with no arguments, go through the real console script as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

MISTAKES = [
    (["align", "--format", "no-such-format", "x"], "'no-such-format' is not one of 'tsv', 'jsonl'"),
    (["no-such-command"], "No such command 'no-such-command'. Commands: accept, align, batch, check"),
    (["check", "--fail-on", "sometimes", "x"], "'sometimes' is not one of 'error', 'warning', 'never'"),
    (["align"], "Missing argument 'ZH_FILE'"),
    (["align", "--max-merge", "9", "x"], "--max-merge"),
    (["-V"], "-V"),  # typer 0.29's own click: "No such option: -V"; click 8.5: "No such option '-V'."
    (["eval", "--format", "pdf", "a", "b"], "'pdf' is not one of"),
    (["check", "--fail-on", "info", "x"], "--fail-on"),
    (["batch", "rel", "-o", "out", "-w", "0"], "--workers"),
    (["batch", "rel", "-o", "out", "--format", "pdf"], "pdf"),
    (["batch", "rel", "-o", "out", "--quiet", "--verbose"], "--quiet"),
    (["align", "x.txt", "-o", "out.html", "--format", "tsv"], "out.html"),
    (["check", "x.tsv", "--min-confidence", "2"], "--min-confidence"),
]


def _script() -> list[str]:
    found = shutil.which("corpus-align", path=os.path.dirname(sys.executable))
    return [found] if found else [sys.executable, "-m", "corpus_align"]


def _assert_one_line_usage_error(code: int, stderr: str, expected: str) -> None:
    assert code == 2
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpus-align: error: ") and expected in lines[0]


@pytest.mark.parametrize(("args", "expected"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_usage_error_is_one_line_and_exit_2(args, expected):
    from tests.conftest import run_cli

    done = run_cli(*args)
    _assert_one_line_usage_error(done.returncode, done.stderr.decode("utf-8"), expected)


def test_usage_error_through_the_console_script_is_one_line_and_exit_2():
    args, expected = MISTAKES[1]
    done = subprocess.run(_script() + args, capture_output=True, text=True, timeout=120)
    _assert_one_line_usage_error(done.returncode, done.stderr, expected)


def test_usage_no_arguments_shows_help_and_exits_2():
    done = subprocess.run(_script(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Commands" in done.stdout


def test_usage_help_shows_no_value_after_a_flag():
    """A flag takes no value: ``--presegmented <bool>`` would invite ``--presegmented true``, and ``true`` is then read as a file.

    docs/cli.md is every command's --help (tests/test_docs.py keeps it current).
    """
    from tests.conftest import ROOT

    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert "--presegmented" in reference and "<bool>" not in reference
