"""Formats at the command line: -o's suffix picks the output format, check reads what align writes, malformed rows are findings."""

from __future__ import annotations

import json

import pytest

from corpus_align.io.findings import finding_record
from corpus_align.io.writers import WRITERS
from tests.conftest import run_cli

ZH = "他二十一岁。我很好。王小明去了北京。"
EN = "He is twenty-two. I am fine. Wang Xiaoming went to the the capital."
# How each format's file begins: what a reader of the file (a browser, Excel, a CAT tool) looks at first.
STARTS = {"tsv": b"row\tzh\ten\t", "jsonl": b'{"meta": ', "ladder": b"[0]:[0]", "tmx": b"<?xml", "xlsx": b"PK\x03\x04",
          "html": b"<!DOCTYPE html>", "findings": b'{"row": 1, "code": "number-mismatch"'}


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    (folder / "a.zh.txt").write_text(ZH, "utf-8")
    (folder / "a.en.txt").write_text(EN, "utf-8")
    return str(folder / "a.zh.txt"), str(folder / "a.en.txt")


def test_formats_every_writer_has_a_start_to_recognise():
    assert set(STARTS) == set(WRITERS)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_formats_align_output_suffix_picks_the_format(name, sources, tmp_path):
    out = tmp_path / f"out{WRITERS[name].suffix.upper() if name == 'html' else WRITERS[name].suffix}"
    result = run_cli("align", *sources, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_bytes().startswith(STARTS[name])


def test_formats_align_unknown_suffix_keeps_tsv_and_format_still_chooses(sources, tmp_path):
    out = tmp_path / "out.txt"
    assert run_cli("align", *sources, "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(STARTS["tsv"])
    assert run_cli("align", *sources, "-o", str(out), "--format", "jsonl").returncode == 0
    assert out.read_bytes().startswith(STARTS["jsonl"])
    both = tmp_path / "out.findings.jsonl"  # ends with jsonl's suffix too: --format jsonl is what it says
    assert run_cli("align", *sources, "-o", str(both), "--format", "jsonl").returncode == 0
    assert both.read_bytes().startswith(STARTS["jsonl"])


def test_formats_align_suffix_and_format_in_conflict_is_one_line_and_exit_2(sources, tmp_path):
    out = tmp_path / "out.html"
    result = run_cli("align", *sources, "-o", str(out), "--format", "tsv")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"corpus-align: error: {out}: --format tsv does not match the suffix .html (--format html); "
        "drop --format or rename the file\n"
    )
    assert result.stdout == b"" and not out.exists()


def test_formats_check_output_suffix_picks_the_format(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("他二十一岁。\tHe is twenty-two.\n", "utf-8")
    as_tsv, as_jsonl = tmp_path / "found.tsv", tmp_path / "found.jsonl"
    assert run_cli("check", str(pairs), "-o", str(as_tsv), "--fail-on", "never").returncode == 0
    assert as_tsv.read_text("utf-8").startswith("row\tcode\tseverity\t")
    assert run_cli("check", str(pairs), "-o", str(as_jsonl), "--fail-on", "never").returncode == 0
    assert json.loads(as_jsonl.read_text("utf-8").splitlines()[0])["code"] == "number-mismatch"
    conflict = run_cli("check", str(pairs), "-o", str(as_jsonl), "--format", "tsv")
    assert conflict.returncode == 2 and conflict.stderr.decode().count("\n") == 1
    report = tmp_path / "found.html"  # check writes no HTML: a text report named .html would surprise
    refused = run_cli("check", str(pairs), "-o", str(report))
    assert refused.returncode == 2 and not report.exists()
    assert refused.stderr.decode() == (
        f"corpus-align: error: {report}: .html is the suffix of --format html, which this command does not write; "
        "choose one of text, jsonl, tsv\n"
    )


@pytest.mark.parametrize("name", ["tsv", "jsonl", "xlsx"])
def test_formats_align_then_check_gives_the_findings_of_align(name, sources, tmp_path):
    aligned = tmp_path / f"aligned.{name}"
    assert run_cli("align", *sources, "-o", str(aligned)).returncode == 0
    assert aligned.read_bytes().startswith(STARTS[name])
    direct = run_cli("align", *sources, "--format", "findings").stdout.decode()
    checked = run_cli("check", str(aligned), "--format", "jsonl", "--fail-on", "never")
    assert checked.returncode == 0 and checked.stderr == b""
    assert "number-mismatch" in direct and checked.stdout.decode() == direct


MALFORMED = "他二十一岁。\tHe is twenty-one.\nno tab here\n我很好。\tI am fine.\n"


@pytest.mark.parametrize("output_format", ["text", "jsonl", "tsv"])
def test_formats_malformed_row_is_a_finding_in_every_output_and_a_line_on_stderr(output_format, tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(MALFORMED, "utf-8")
    result = run_cli("check", str(path), "--format", output_format)
    assert result.returncode == 1  # an error finding, and --fail-on error is the default
    assert result.stderr.decode() == (
        f"corpus-align: warning: {path}: line 2 (row 2): expected 2 tab-separated columns, found 1; row not checked\n"
    )
    out = result.stdout.decode()
    message = "line 2: expected 2 tab-separated columns, found 1; row not checked"
    if output_format == "jsonl":
        assert [json.loads(line) for line in out.splitlines()] == [finding_record_of(2, message)]
    elif output_format == "tsv":
        assert out.splitlines()[1].split("\t")[:5] == ["2", "malformed-row", "error", "", message]
    else:
        assert "row 2 (line 2)" in out
        assert any(line.split()[:2] == ["error", "malformed-row"] and line.endswith(message) for line in out.splitlines())
        assert "1 finding(s) in 2 row(s)" in out
    assert run_cli("check", str(path), "--format", output_format, "--fail-on", "never").returncode == 0
    assert run_cli("check", str(path), "--format", output_format, "--ignore", "malformed-row").returncode == 0


def finding_record_of(row: int, message: str) -> dict:
    from corpus_align.model import Finding

    return finding_record(Finding("malformed-row", "error", row, message))


def test_formats_check_reads_a_broken_json_line_as_a_finding(tmp_path):
    path = tmp_path / "aligned.jsonl"
    path.write_text('{"meta": {}}\n{"zh": "我很好。", "en": "I am fine."}\n{"zh": "他\n', "utf-8")
    result = run_cli("check", str(path), "--format", "jsonl")
    assert result.returncode == 1
    assert [json.loads(line)["code"] for line in result.stdout.decode().splitlines()] == ["malformed-row"]
    assert f"{path}: line 3 (row 2): not valid JSON: Unterminated string" in result.stderr.decode()
