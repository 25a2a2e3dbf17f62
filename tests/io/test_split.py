from __future__ import annotations

from corpus_align import SourceText, load_bilingual, split_file, split_languages
from corpus_align.io.read import find_paragraphs, script_lang


def test_split_sample_puts_chinese_and_english_apart(sample_path):
    zh, en = load_bilingual(sample_path)
    assert len(zh.paragraphs) == 3 and len(en.paragraphs) == 4
    assert zh.paragraph_texts()[0].startswith("3月11日")
    assert en.paragraph_texts()[0].startswith("Chongqing People's Association")
    text = zh.source.text
    for paragraph in zh.paragraphs + en.paragraphs:
        assert text[paragraph.start : paragraph.end].strip() == text[paragraph.start : paragraph.end]


def test_split_interleaved_paragraphs():
    text = "第一段。\nFirst paragraph.\n第二段，有Wang Guangcheng。\nSecond one.\n"
    parts = split_languages(SourceText("mixed.txt", text, "utf-8"))
    assert parts["zh"].paragraph_texts() == ["第一段。", "第二段，有Wang Guangcheng。"]
    assert parts["en"].paragraph_texts() == ["First paragraph.", "Second one."]


def test_split_letterless_paragraph_follows_its_neighbour():
    parts = split_languages(SourceText("m", "你好。\n2021\nHello.\n---\n", "utf-8"))
    assert parts["zh"].paragraph_texts() == ["你好。", "2021"]
    assert parts["en"].paragraph_texts() == ["Hello.", "---"]


def test_split_script_of_pinyin_annotated_chinese_is_chinese():
    assert script_lang("關(guān)于推動成渝地區(qū)雙城經(jīng)濟圈建設(shè)") == "zh"
    assert script_lang("the 成渝 region of Sichuan") == "en"


def test_split_paragraphs_by_blank_lines_when_hard_wrapped():
    text = "One line\nwrapped here.\n\nSecond block\nalso wrapped.\n"
    assert [text[s:e] for s, e in find_paragraphs(text)] == ["One line\nwrapped here.", "Second block\nalso wrapped."]


def test_split_file_writes_both_files(sample_path, tmp_path):
    zh_path, en_path = split_file(sample_path, tmp_path)
    assert zh_path.name == "000_389ae536b82fb46d.zh.txt" and en_path.name == "000_389ae536b82fb46d.en.txt"
    assert zh_path.read_text("utf-8").count("\n") == 3
    assert en_path.read_text("utf-8").count("\n") == 4
    assert not list(tmp_path.glob(".*.tmp"))
