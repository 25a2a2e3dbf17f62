from __future__ import annotations

import pytest

from corpus_align import load_bilingual, segment
from corpus_align.segment.zh import split_zh

CASES = [
    ("我們走吧。你來嗎？好！", ["我們走吧。", "你來嗎？", "好！"]),
    ("他說：「好！」我們走吧。", ["他說：「好！」", "我們走吧。"]),
    ("她說：“你真的要走嗎？”我點點頭。", ["她說：“你真的要走嗎？”", "我點點頭。"]),
    ("（見附件。）下一句。", ["（見附件。）", "下一句。"]),
    ("兩協會簽署的《框架合作協議。補充》落地落實。好。", ["兩協會簽署的《框架合作協議。補充》落地落實。", "好。"]),
    ("增長了3.5個百分點。總額為1,000元。", ["增長了3.5個百分點。", "總額為1,000元。"]),
    ("3月11日,為貫徹落實,進一步加強溝通。", ["3月11日,為貫徹落實,進一步加強溝通。"]),
    ("第一條；第二條。", ["第一條；", "第二條。"]),
    ("真的嗎？！當然。", ["真的嗎？！", "當然。"]),
    ("他說：“我……我不知道……”然後走了。", ["他說：“我……我不知道……”", "然後走了。"]),
    ("我叫…… 叫小玄子。", ["我叫…… 叫小玄子。"]),
    ("沒有結束標點的標題", ["沒有結束標點的標題"]),
    ("雅虎!公司成立。Yahoo!Inc 也在。", ["雅虎!", "公司成立。", "Yahoo!Inc 也在。"]),
    ("天黑了……", ["天黑了……"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_zh_golden_cases(text, expected):
    assert [text[s:e] for s, e in split_zh(text)] == expected


def test_zh_sample_has_three_sentences_with_paragraphs_and_offsets(sample_path):
    zh, _ = load_bilingual(sample_path)
    document = segment(zh)
    assert len(document.sentences) == 3
    assert [s.paragraph for s in document.sentences] == [0, 1, 2]
    for sentence in document.sentences:
        assert document.source.text[sentence.start : sentence.end] == sentence.original
