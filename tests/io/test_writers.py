"""Writers: every sentence appears exactly once per side, in order, in every format; cells are safe."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_align.io.jsonl import to_jsonl
from corpus_align.io.ladder import to_ladder
from corpus_align.io.tsv import to_tsv, tsv_cell, unescape_cell
from corpus_align.model import Alignment, Bead, Document, Paragraph, Sentence, SourceText


def make_document(lang: str, texts: list[str]) -> Document:
    source = SourceText(f"<{lang}>", "\n".join(texts), "utf-8")
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, 0, position, position + len(text), text, text, lang))
        position += len(text) + 1
    paragraphs = (Paragraph(0, 0, len(source.text), lang),) if texts else ()
    return Document(source, lang, paragraphs, tuple(sentences), script="simplified")


@st.composite
def alignments(draw):
    """Random documents and a random monotone bead partition covering both."""
    zh_count = draw(st.integers(0, 12))
    en_count = draw(st.integers(0, 12))
    beads, zh_next, en_next = [], 0, 0
    while zh_next < zh_count or en_next < en_count:
        take_zh = draw(st.integers(0 if en_next < en_count else 1, min(3, zh_count - zh_next)))
        take_en = draw(st.integers(1 if take_zh == 0 else 0, min(3, en_count - en_next)))
        if take_zh == 0 and take_en == 0:
            continue
        beads.append(Bead(tuple(range(zh_next, zh_next + take_zh)), tuple(range(en_next, en_next + take_en)), draw(st.floats(0, 1))))
        zh_next += take_zh
        en_next += take_en
    zh_texts = [f"第{i}句=好。" for i in range(zh_count)]
    en_texts = [f"-Sentence {i}\tends." for i in range(en_count)]
    return Alignment(make_document("zh", zh_texts), make_document("en", en_texts), tuple(beads))


def _ids_in_order(ids_lists):
    return [i for ids in ids_lists for i in ids]


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_writers_every_sentence_once_in_order(alignment):
    zh_count, en_count = len(alignment.zh.sentences), len(alignment.en.sentences)

    rows = [line.split("\t") for line in to_tsv(alignment).splitlines()]
    assert rows[0] == ["row", "zh", "en", "type", "score", "zh_ids", "en_ids", "issues"]
    assert all(len(row) == 8 for row in rows)
    assert _ids_in_order([r[5].split() for r in rows[1:]]) == [str(i) for i in range(zh_count)]
    assert _ids_in_order([r[6].split() for r in rows[1:]]) == [str(i) for i in range(en_count)]
    assert [int(r[0]) for r in rows[1:]] == list(range(1, len(alignment.beads) + 1))

    records = [json.loads(line) for line in to_jsonl(alignment).splitlines()[1:]]
    assert _ids_in_order(r["zh_ids"] for r in records) == list(range(zh_count))
    assert _ids_in_order(r["en_ids"] for r in records) == list(range(en_count))
    assert "".join(r["zh"] for r in records) == "".join(s.original for s in alignment.zh.sentences)

    ladder = [line.split(":") for line in to_ladder(alignment).splitlines()]
    assert _ids_in_order(json.loads(zh) for zh, _ in ladder) == list(range(zh_count))
    assert _ids_in_order(json.loads(en) for _, en in ladder) == list(range(en_count))


def test_writers_tsv_cells_cannot_run_as_formulas():
    for text in ["=1+1", "+SUM(A1)", "-2", "@cmd"]:
        cell = tsv_cell(text)
        assert cell.startswith("'") and unescape_cell(cell) == text
    assert tsv_cell("a\tb\r\nc") == "a b  c"
    assert unescape_cell("'tis") == "'tis"


def test_writers_many_beads_join_english_with_space_and_chinese_with_nothing():
    alignment = Alignment(
        make_document("zh", ["一。", "二。"]), make_document("en", ["One.", "Two."]), (Bead((0, 1), (0, 1), 0.5),)
    )
    record = json.loads(to_jsonl(alignment).splitlines()[1])
    assert record["zh"] == "一。二。" and record["en"] == "One. Two." and record["type"] == "2-2"
