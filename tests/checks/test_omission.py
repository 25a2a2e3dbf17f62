"""The evidence of omission and addition (corpus_align.checks.omission)."""

from __future__ import annotations

from dataclasses import replace

from corpus_align.checks.context import RowView
from corpus_align.checks.omission import coverage_evidence
from corpus_align.model import CheckRow


def test_omission_simplified_and_traditional_words_give_the_same_evidence():
    # OpenCC turns 想象 into 想像 and back into 想像, which jieba cuts as one word (想像中): one word read
    # differently made a borderline addition differ between the two scripts (MAC-Dev benchmark, seed 4).
    en = "It was not nearly as magical a place as she had imagined."
    simplified = coverage_evidence(RowView(CheckRow(1, "", "它不如她想象中的那样神奇。", en)))
    traditional = coverage_evidence(RowView(CheckRow(1, "", "它不如她想像中的那样神奇。", en)))
    assert replace(simplified, zh_text="") == replace(traditional, zh_text="")  # all the evidence but the text itself
