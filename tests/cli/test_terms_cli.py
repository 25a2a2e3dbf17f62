"""The terms command: a glossary file from an aligned file or a batch folder, which check --glossary then uses."""

from __future__ import annotations

import json

from corpus_align.batch import SUMMARY_COLUMNS
from corpus_align.io.glossary import read_glossary
from tests.conftest import run_cli
from tests.test_terms import ROWS


def _aligned(path, rows):
    path.write_text("".join(f"{zh}\t{en}\n" for zh, en in rows), "utf-8")
    return path


def test_cli_terms_writes_a_glossary_that_check_enforces(tmp_path):
    aligned = _aligned(tmp_path / "aligned.tsv", ROWS)
    glossary = tmp_path / "glossary.tsv"
    result = run_cli("terms", str(aligned), "-o", str(glossary))
    assert result.returncode == 0, result.stderr.decode()
    entries = {e.simplified: e for e in read_glossary(glossary)}
    assert entries["韦小宝"].target == "Trinket" and entries["韦小宝"].note == "name, 4 of 4 rows, e.g. row 1"
    assert glossary.read_text("utf-8").startswith("# corpus-align terms: ")
    drifted = _aligned(tmp_path / "drifted.tsv", [("韦小宝哭了。", "Wei Xiaobao cried.")])
    checked = run_cli("check", str(drifted), "--glossary", str(glossary), "--format", "jsonl", "--fail-on", "never")
    findings = [json.loads(line) for line in checked.stdout.decode().splitlines()]
    assert [(f["code"], f["suggestion"]) for f in findings if f["code"] == "glossary-mismatch"] == [("glossary-mismatch", "Trinket")]


def test_cli_terms_limit_and_standard_output(tmp_path):
    result = run_cli("terms", str(_aligned(tmp_path / "aligned.tsv", ROWS)), "--limit", "1")
    lines = [line for line in result.stdout.decode().splitlines() if not line.startswith("#")]
    assert result.returncode == 0 and len(lines) == 1 and lines[0].count("\t") == 2


def test_cli_terms_reads_every_document_of_a_batch_folder(tmp_path):
    out = tmp_path / "out"
    (out / "book").mkdir(parents=True)
    _aligned(out / "book" / "ch1.tsv", ROWS[:6])
    _aligned(out / "book" / "ch2.tsv", ROWS[6:])
    _aligned(out / "broken.tsv", [("韦小宝走了。", "Wei Xiaobao left.")] * 5)  # failed: its outputs are not read
    summary = ["\t".join(SUMMARY_COLUMNS)]
    for name, status in (("book/ch1", "done"), ("book/ch2", "unchanged"), ("broken", "failed")):
        summary.append("\t".join({"name": name, "status": status}.get(column, "") for column in SUMMARY_COLUMNS))
    (out / "summary.tsv").write_text("\n".join(summary) + "\n", "utf-8")
    result = run_cli("terms", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert "韦小宝\tTrinket\tname, 4 of 4 rows in 2 documents, e.g. book/ch1 row 1" in result.stdout.decode()


def test_cli_terms_user_errors_are_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (["terms", str(tmp_path / "missing.tsv")], ["terms", str(empty)],
                 ["terms", str(_aligned(tmp_path / "a.tsv", ROWS)), "--min-count", "0"]):
        result = run_cli(*args)
        err = result.stderr.decode()
        assert result.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, (args, err)


def test_cli_terms_aligns_two_source_files_first(tmp_path):
    zh, en = tmp_path / "book.zh.txt", tmp_path / "book.en.txt"
    zh.write_text("\n".join(z for z, _ in ROWS) + "\n", "utf-8")
    en.write_text("\n".join(e for _, e in ROWS) + "\n", "utf-8")
    result = run_cli("terms", str(zh), str(en), "--presegmented")
    assert result.returncode == 0, result.stderr.decode()
    assert "\n韦小宝\tTrinket\t" in result.stdout.decode()
