from __future__ import annotations

import json

from corpus_align import align_files
from corpus_align.io.jsonl import to_jsonl
from tests.conftest import ROOT, bench_dir, run_cli

SAMPLE = "data/samples/000_389ae536b82fb46d.txt"


def test_cli_align_jsonl_matches_the_api():
    result = run_cli("align", SAMPLE, "--format", "jsonl", cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        from corpus_align.qa import check_alignment, issues_by_row

        alignment = align_files(SAMPLE)
        expected = to_jsonl(alignment, issues=issues_by_row(check_alignment(alignment)))
    finally:
        os.chdir(cwd)
    assert result.stdout.decode() == expected


def test_cli_align_two_files_to_output_file(tmp_path):
    split = run_cli("split", str(ROOT / SAMPLE), "--out-dir", str(tmp_path))
    assert split.returncode == 0
    out = tmp_path / "aligned.tsv"
    result = run_cli("align", str(tmp_path / "000_389ae536b82fb46d.zh.txt"), str(tmp_path / "000_389ae536b82fb46d.en.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    rows = out.read_text("utf-8").splitlines()
    assert rows[0].split("\t") == ["row", "zh", "en", "type", "score", "zh_ids", "en_ids", "issues"]
    assert [row.split("\t")[3] for row in rows[1:]] == ["0-1", "1-1", "1-1", "1-1"]
    assert rows[2].split("\t")[1].startswith("3月11日,為貫徹")


def test_cli_align_presegmented_ladder_and_eval(tmp_path):
    zh = tmp_path / "doc.zh"
    en = tmp_path / "doc.en"
    zh.write_text("王广成率队赴重庆调研。\n双方同意继续合作。\n\n会议在四川举行。\n", "utf-8")
    en.write_text(
        "Wang Guangcheng led a team to Chongqing.\nBoth sides agreed to keep cooperating.\n\nThe meeting was held in Sichuan.\n", "utf-8"
    )
    (tmp_path / "test").mkdir()
    (tmp_path / "gold").mkdir()
    result = run_cli("align", str(zh), str(en), "--presegmented", "--format", "ladder", "-o", str(tmp_path / "test" / "doc.align"))
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "test" / "doc.align").read_text() == "[0]:[0]\n[1]:[1]\n[2]:[2]\n"
    (tmp_path / "gold" / "doc.align").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n")
    scored = run_cli("eval", str(tmp_path / "gold"), str(tmp_path / "test"), "--format", "json")
    assert scored.returncode == 0, scored.stderr.decode()
    report = json.loads(scored.stdout)
    assert report["strict"]["f1"] == 1.0 and report["lax"]["f1"] == 1.0
    text = run_cli("eval", str(tmp_path / "gold" / "doc.align"), str(tmp_path / "test" / "doc.align"))
    assert "strict" in text.stdout.decode() and "1.000" in text.stdout.decode()


def test_cli_align_swapped_files_is_a_one_line_error(tmp_path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("你好。这是中文。", "utf-8")
    en.write_text("Hello. This is English.", "utf-8")
    result = run_cli("align", str(en), str(zh), "-o", str(tmp_path / "out.tsv"))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and "swapped" in err and str(en) in err
    assert not (tmp_path / "out.tsv").exists()


def test_cli_align_unrelated_texts_warn_on_stderr_and_in_jsonl_meta(tmp_path):
    from tests.test_alignment import UNRELATED_EN, UNRELATED_ZH

    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text(UNRELATED_ZH, "utf-8")
    en.write_text(UNRELATED_EN, "utf-8")
    result = run_cli("align", str(zh), str(en), "--presegmented", "--format", "jsonl")
    assert result.returncode == 0
    assert "warning:" in result.stderr.decode() and "not translations" in result.stderr.decode()
    meta = json.loads(result.stdout.decode().splitlines()[0])["meta"]
    assert any("not translations" in w for w in meta["warnings"])


def test_cli_align_mixed_file_with_one_language_is_an_error(tmp_path):
    only = tmp_path / "only.txt"
    only.write_text("只有中文。", "utf-8")
    result = run_cli("align", str(only))
    assert result.returncode == 2 and "holds only Chinese text" in result.stderr.decode()


def test_cli_align_missing_passage_is_one_sided_and_warned(tmp_path):
    bench = bench_dir("newdomains-dev")
    zh = (bench / "zh" / "pydoc-tutorial").read_text("utf-8").splitlines()
    en = (bench / "en" / "pydoc-tutorial").read_text("utf-8").splitlines()
    (tmp_path / "zh.txt").write_text("\n".join(zh) + "\n", "utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en[:400] + en[600:]) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli("align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--presegmented", "-f", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    meta = json.loads(out.read_text("utf-8").splitlines()[0])["meta"]
    (region,) = meta["unsure"]
    assert region["kind"] == "one-sided" and region["zh_sentences"] >= 170
    warning = f"rows {region['first_row']}–{region['last_row']}: "
    assert any(w.startswith(warning) for w in meta["warnings"])
    assert f"corpus-align: warning: {warning}" in result.stderr.decode()
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()[1:]]
    inside = rows[region["first_row"] - 1 : region["last_row"]]
    assert sum(1 for r in inside if r["type"] == "1-0") >= 0.85 * len(inside)
    assert "low-confidence" in inside[0]["issues"]
