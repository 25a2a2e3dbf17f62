"""How outputs show the text (--text original|repaired|simplified): TMX repaired by default, the rest as written."""

from __future__ import annotations

import io
import json
import re

import pytest

from corpus_align import SourceText, align, segment
from corpus_align.errors import UsageError
from corpus_align.io.read import document_of
from corpus_align.io.records import shown_sentences
from corpus_align.io.writers import WRITERS, RenderSettings, render
from corpus_align.model import Alignment, Bead
from corpus_align.normalize import TEXT_MODES
from tests.io.test_writers import make_document

# A converter's pinyin after a character, e.g. the "(guān)" of "關(guān)于".
PINYIN_ANNOTATION = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)")
GLUED_QUESTION_MARK = re.compile(r"[A-Za-z]\?[A-Za-z]")
# Formats that show sentences (ladder shows ids; findings show evidence as written).
TEXT_FORMATS = ("tsv", "jsonl", "tmx", "html", "xlsx")


def _text_of(name: str, content: str | bytes) -> str:
    """The sentences a rendered output shows, as one string (XLSX cells read back; HTML cells without their marks)."""
    if name == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows(min_row=2) for cell in row[1:3] if cell.value)
    assert isinstance(content, str)
    if name == "html":
        cells = re.findall(r'<td class="text (?:zh|en)" lang="(?:zh|en)">(.*?)</td>', content)
        return "\n".join(re.sub(r"<[^>]+>", "", cell) for cell in cells)
    return content


def test_text_modes_tmx_of_the_sample_stores_no_pinyin_annotations_by_default(sample_alignment_and_findings):
    alignment, findings = sample_alignment_and_findings
    tmx = render("tmx", alignment, findings).content
    assert "關于推動成渝地區雙城經濟圈" in tmx
    assert not PINYIN_ANNOTATION.search(tmx)


def test_text_modes_tmx_restores_a_question_mark_glued_between_words():
    alignment = align("重慶國家去了四川。", "Countries?went to Sichuan.")
    assert "<seg>Countries went to Sichuan.</seg>" in render("tmx", alignment).content
    assert "<seg>Countries?went to Sichuan.</seg>" in render("tmx", alignment, text="original").content


def test_text_modes_tmx_original_keeps_the_damage_as_written(sample_alignment_and_findings):
    tmx = render("tmx", *sample_alignment_and_findings, text="original").content
    assert "關(guān)于推動" in tmx


@pytest.mark.parametrize("name", TEXT_FORMATS)
def test_text_modes_simplified_shows_simplified_repaired_text_in_every_format(sample_alignment_and_findings, name):
    shown = _text_of(name, render(name, *sample_alignment_and_findings, text="simplified").content)
    assert "关于推动成渝地区双城经济圈建设" in shown
    assert "關" not in shown and "協" not in shown
    assert not PINYIN_ANNOTATION.search(shown) and not GLUED_QUESTION_MARK.search(shown)


@pytest.mark.parametrize("name", ["tsv", "jsonl", "html", "xlsx"])
def test_text_modes_other_formats_show_the_text_as_written_by_default(sample_alignment_and_findings, name):
    shown = _text_of(name, render(name, *sample_alignment_and_findings).content)
    assert "關(guān)于推動" in shown and "Countries?went" in shown


def test_text_modes_repaired_html_keeps_the_findings_evidence_as_written(sample_alignment_and_findings):
    page = render("html", *sample_alignment_and_findings, text="repaired").content
    assert "(guān)" not in _text_of("html", page)
    assert '<q lang="zh">關(guān)于, 區(qū)雙' in page  # the encoding finding still quotes the damage in the original
    assert "text shown repaired" in page


def test_text_modes_tmx_counts_the_one_sided_rows_it_leaves_out():
    zh = make_document("zh", ["你好。", "多余。"])
    en = make_document("en", ["Hello.", "Extra one.", "Extra two."])
    alignment = Alignment(zh, en, (Bead((0,), (0,), 0.9), Bead((), (1,), 0), Bead((1,), (), 0), Bead((), (2,), 0)))
    rendered = render("tmx", alignment)
    assert rendered.rows_left_out == (2, 3, 4)
    assert rendered.warnings[0] == "3 one-sided rows left out of the TMX (it pairs segments)"
    assert render("tsv", alignment).rows_left_out == ()


def test_text_modes_simplified_tmx_is_tagged_simplified(sample_alignment_and_findings):
    assert 'srclang="zh-Hant"' in render("tmx", *sample_alignment_and_findings).content
    assert 'srclang="zh-Hans"' in render("tmx", *sample_alignment_and_findings, text="simplified").content


def test_text_modes_registry_says_which_format_repairs_by_default():
    assert {name: w.default_text for name, w in WRITERS.items() if w.default_text != "original"} == {"tmx": "repaired"}


def test_text_modes_unknown_mode_lists_the_choices():
    with pytest.raises(UsageError, match="unknown --text 'clean'; choose one of original, repaired, simplified"):
        RenderSettings(text="clean")
    with pytest.raises(UsageError, match="unknown --text"):
        render("tsv", align("你好。", "Hello."), text="clean")


def test_text_modes_repaired_sentences_of_hard_wrapped_text_drop_the_damage_recorded_by_segmentation():
    text = "Countries?went\nhome. She\nstayed â€™ ok \ufffd.\n\nBye."
    document = segment(document_of(SourceText("a", text, "utf-8"), "en"))
    assert shown_sentences(document) == ("Countries?went home.", "She stayed â€™ ok \ufffd.", "Bye.")
    # U+FFFD stays: what it replaced is lost, so no repair is certain.
    assert shown_sentences(document, text="repaired") == ("Countries went home.", "She stayed ’ ok \ufffd.", "Bye.")


def test_text_modes_chinese_sentences_lose_pinyin_and_convert():
    document = segment(document_of(SourceText("a", "合作關(guān)于推動(tuī dòng)兩地。", "utf-8"), "zh"))
    assert [shown_sentences(document, text=mode) for mode in TEXT_MODES] == [
        ("合作關(guān)于推動(tuī dòng)兩地。",), ("合作關于推動兩地。",), ("合作关于推动两地。",)
    ]


def test_text_modes_jsonl_default_is_unchanged_by_the_text_option(sample_alignment_and_findings):
    lines = render("jsonl", *sample_alignment_and_findings).content.splitlines()
    assert json.loads(lines[2])["zh"].startswith("3月11日,為貫徹落實市委市政府關(guān)于")
