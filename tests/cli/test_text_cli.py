"""--text on the commands: TMX repaired unless told, segment and split honour it, --zh-script still works (deprecated)."""

from __future__ import annotations

import json

from tests.conftest import ROOT, run_cli

SAMPLE = "data/samples/000_389ae536b82fb46d.txt"


def test_text_cli_align_tmx_is_repaired_and_counts_the_left_out_rows_on_stderr():
    result = run_cli("align", SAMPLE, "--format", "tmx", "--no-check", cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    tmx = result.stdout.decode()
    assert "關于推動成渝地區" in tmx and "(guān)" not in tmx
    assert "corpus-align: warning: 1 one-sided row left out of the TMX (it pairs segments)" in result.stderr.decode()


def test_text_cli_align_text_original_keeps_the_damage_in_the_tmx():
    result = run_cli("align", SAMPLE, "--format", "tmx", "--no-check", "--text", "original", cwd=ROOT)
    assert "關(guān)于推動" in result.stdout.decode()


def test_text_cli_align_tsv_shows_the_text_as_written_unless_told():
    written = run_cli("align", SAMPLE, "--no-check", cwd=ROOT).stdout.decode()
    repaired = run_cli("align", SAMPLE, "--no-check", "--text", "repaired", cwd=ROOT).stdout.decode()
    assert "關(guān)于" in written and "Countries?went" in written
    assert "(guān)" not in repaired and "Countries went" in repaired


def test_text_cli_zh_script_is_a_deprecated_alias_of_text():
    result = run_cli("align", SAMPLE, "--no-check", "--zh-script", "simplified", cwd=ROOT)
    assert result.returncode == 0
    assert "关于推动成渝地区" in result.stdout.decode()
    assert "corpus-align: warning: --zh-script is deprecated and will be removed; use --text simplified" in result.stderr.decode()
    assert "--zh-script" not in run_cli("align", "--help").stdout.decode()


def test_text_cli_zh_script_and_text_together_is_a_usage_error():
    result = run_cli("align", SAMPLE, "--zh-script", "original", "--text", "repaired", cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.decode() == "corpus-align: error: --zh-script is the deprecated name of --text; give --text alone\n"


def test_text_cli_segment_honours_text():
    zh = run_cli("segment", SAMPLE, "--lang", "zh", "--text", "simplified", cwd=ROOT).stdout.decode()
    en = run_cli("segment", SAMPLE, "--lang", "en", "--text", "repaired", cwd=ROOT).stdout.decode()
    assert zh.startswith("3月11日,为贯彻落实市委市政府关于推动成渝地区双城经济圈")
    assert en.startswith("Chongqing People's Association for Friendship with Foreign Countries went to")
    assert "(guān)" in run_cli("segment", SAMPLE, "--lang", "zh", cwd=ROOT).stdout.decode()


def test_text_cli_segment_jsonl_keeps_the_original_beside_the_shown_text():
    result = run_cli("segment", SAMPLE, "--lang", "zh", "--format", "jsonl", "--text", "repaired", cwd=ROOT)
    first = json.loads(result.stdout.decode().splitlines()[0])
    assert "(guān)" in first["original"] and "(guān)" not in first["text"]


def test_text_cli_split_honours_text(tmp_path):
    result = run_cli("split", str(ROOT / SAMPLE), "--out-dir", str(tmp_path), "--text", "simplified")
    assert result.returncode == 0, result.stderr.decode()
    zh = (tmp_path / "000_389ae536b82fb46d.zh.txt").read_text("utf-8")
    en = (tmp_path / "000_389ae536b82fb46d.en.txt").read_text("utf-8")
    assert zh.startswith("3月11日,为贯彻落实市委市政府关于推动") and "(" not in zh
    assert "Countries went to Sichuan" in en and "Friendship with Foreign" in en
