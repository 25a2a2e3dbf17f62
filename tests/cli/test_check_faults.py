"""check on files that are not what they should be: shared row numbers, broken records, control characters, -o over the input."""

from __future__ import annotations

import json

from tests.conftest import MALFORMED_TSV, run_cli

HEADER = "row\tzh\ten\ttype\tscore\tzh_ids\ten_ids\tissues\n"


def test_check_faults_rows_sharing_a_row_number_keep_their_own_text(tmp_path):
    path = tmp_path / "shared.tsv"
    path.write_text(
        HEADER + "5\t他二十一岁。\tHe is twenty-two.\t1-1\t0.5\t0\t0\t\n5\t我很好。\tI am fine.\t1-1\t0.5\t1\t1\t\n", "utf-8"
    )
    out = run_cli("check", str(path), "--fail-on", "never").stdout.decode()
    group = out[out.index("row 5") : out.index("number-mismatch")]
    assert "zh: 他二十一岁。" in group and "en: He is twenty-two." in group
    assert "我很好。" not in out


def test_check_faults_malformed_records_are_warned_by_line_and_not_checked(tmp_path):
    path = tmp_path / "quoted.tsv"
    path.write_text(MALFORMED_TSV, "utf-8")
    result = run_cli("check", str(path), "--format", "jsonl", "--fail-on", "never")
    found = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {(f["row"], f["code"]) for f in found} == {(3, "number-mismatch"), (4, "malformed-row"), (5, "malformed-row")}
    err = result.stderr.decode()
    assert "line 5 (row 4): expected 2 tab-separated columns, found 3; row not checked" in err
    assert "lines 6-7 (row 5): a quoted cell opens here and is never closed" in err


def test_check_faults_escape_sequences_in_text_are_printed_escaped(tmp_path):
    path = tmp_path / "title\x1b]0;owned\x07.tsv"
    path.write_text("他二十一岁。\x1b[2J\tHe is twenty-two.\x1b[31m\nno tab here\n", "utf-8")
    result = run_cli("check", str(path), "--fail-on", "never")
    out, err = result.stdout.decode(), result.stderr.decode()
    assert "\x1b" not in out and "\x07" not in out and "\x1b" not in err and "\x07" not in err
    assert "zh: 他二十一岁。\\x1b[2J" in out and "en: He is twenty-two.\\x1b[31m" in out
    assert "title\\x1b]0;owned\\x07.tsv: 2 finding(s) in 1 row(s)" in out  # number-mismatch, malformed-row
    assert "title\\x1b]0;owned\\x07.tsv: line 2 (row 2)" in err
    data = run_cli("check", str(path), "--format", "jsonl", "--fail-on", "never").stdout.decode()
    assert [(json.loads(line)["row"], json.loads(line)["code"]) for line in data.splitlines()] == [
        (1, "number-mismatch"), (2, "malformed-row")]


def test_check_faults_output_equal_to_the_input_is_refused_and_the_input_kept(tmp_path):
    path = tmp_path / "pairs.tsv"
    content = "他二十一岁。\tHe is twenty-two.\n".encode()
    path.write_bytes(content)
    result = run_cli("check", str(path), "--format", "jsonl", "-o", str(path))
    assert result.returncode == 2
    assert "is the input" in result.stderr.decode()
    assert path.read_bytes() == content


def test_check_faults_a_device_is_refused_without_being_read(tmp_path):
    link = tmp_path / "aligned.tsv"
    link.symlink_to("/dev/zero")
    result = run_cli("check", str(link))
    assert result.returncode == 2
    expected = f"corpus-align: error: {link}: is a symbolic link to /dev/zero, a character device, not a text file"
    assert result.stderr.decode().strip() == expected


def test_check_faults_a_fifo_is_read_like_a_file(tmp_path):
    import os
    import threading

    fifo = tmp_path / "aligned.tsv"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write("他二十一岁。\tHe is twenty-two.\n我很好。\tI am fine.\n".encode())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = run_cli("check", str(fifo), "--format", "jsonl", "--fail-on", "never")
    writer.join(timeout=10)
    assert result.returncode == 0, result.stderr.decode()
    assert [json.loads(line)["row"] for line in result.stdout.decode().splitlines()] == [1]
