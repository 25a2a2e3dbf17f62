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


WRAPPED_PARAGRAPHS = [
    "3月11日，為貫徹落實市委市政府關於推動成渝地區雙城經濟圈建設的相關部署和要求，進一步加強重慶、四川兩地對外友協的溝通與聯繫，"
    "市對外友協副會長王廣成率隊赴四川省對外友協調研，與四川省對外友協秘書長向瓊花舉行座談。",
    "雙方一致同意在2020年成功合作舉辦系列民間對外交流活動的良好基礎上，繼續加強交流與合作，共同整合川渝民間友好資源。",
    "市對外友協辦、四川省對外友協國際交流與合作處負責人參與座談。",
]


def _wrap_by_characters(paragraph: str, width: int) -> list[str]:
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def _wrap_by_columns(paragraph: str, columns: int) -> list[str]:
    from corpus_align.io.read import display_width

    lines, line = [], ""
    for char in paragraph:
        if display_width(line + char) > columns:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def test_split_hard_wrapped_chinese_without_blank_lines_is_joined_into_paragraphs():
    for wrap in (lambda p: _wrap_by_characters(p, 20), lambda p: _wrap_by_columns(p, 38)):
        text = "\n".join(line for paragraph in WRAPPED_PARAGRAPHS for line in wrap(paragraph)) + "\n"
        joined = [text[s:e].replace("\n", "") for s, e in find_paragraphs(text)]
        assert joined == WRAPPED_PARAGRAPHS


def test_split_hard_wrapped_paragraphs_start_at_an_indented_line():
    # Chinese books indent each paragraph with two full-width spaces; a full last line then still ends it.
    lines = []
    for paragraph in WRAPPED_PARAGRAPHS:
        lines.extend(_wrap_by_characters("\u3000\u3000" + paragraph, 20))
    text = "\n".join(lines)
    assert [text[s:e].replace("\n", "") for s, e in find_paragraphs(text)] == WRAPPED_PARAGRAPHS


def test_split_one_paragraph_per_line_is_never_joined():
    text = "\n".join(WRAPPED_PARAGRAPHS * 4)
    assert len(find_paragraphs(text)) == 12


def test_split_hard_wrapped_chinese_aligns_sentence_for_sentence():
    from corpus_align import align
    from corpus_align.qa import check_alignment

    text = "\n".join(line for paragraph in WRAPPED_PARAGRAPHS for line in _wrap_by_characters(paragraph, 20))
    english = (
        "On March 11, to implement the arrangements of the municipal party committee and government on the Chengdu-Chongqing "
        "economic circle and to strengthen communication between the friendship associations of Chongqing and Sichuan, Wang "
        "Guangcheng, vice president of the municipal association, led a team to the Sichuan association and held a meeting with "
        "its secretary general Xiang Qionghua.\n"
        "Both sides agreed to continue exchanges and cooperation on the basis of the series of people-to-people exchange "
        "activities successfully held together in 2020, and to integrate the friendly resources of Sichuan and Chongqing.\n"
        "Heads of the municipal association office and of the international exchange department of the Sichuan association "
        "attended the meeting."
    )
    alignment = align(text, english)
    assert [bead.type for bead in alignment.beads] == ["1-1", "1-1", "1-1"]
    assert all("\n" not in sentence.normalized for sentence in alignment.zh.sentences)
    assert not [f for f in check_alignment(alignment) if f.code in ("omission", "addition", "number-mismatch")]


def test_split_file_writes_both_files(sample_path, tmp_path):
    zh_path, en_path = split_file(sample_path, tmp_path)
    assert zh_path.name == "000_389ae536b82fb46d.zh.txt" and en_path.name == "000_389ae536b82fb46d.en.txt"
    assert zh_path.read_text("utf-8").count("\n") == 3
    assert en_path.read_text("utf-8").count("\n") == 4
    assert not list(tmp_path.glob(".*.tmp"))
