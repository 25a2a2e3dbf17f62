"""The document's own lexicon (checks/document_lexicon.py): one EM step by hand, and its output on real rows."""

from __future__ import annotations

import numpy as np
import pytest

from corpus_align.checks import rows_from_pairs
from corpus_align.checks.context import RowView
from corpus_align.checks.document_lexicon import (
    DocumentLexicon,
    LexiconRow,
    best_posteriors,
    build_word_pairs,
    em_step,
)
from corpus_align.checks.omission import coverage_evidence

# Two rows.  Row 0: Chinese words a, b and English stems x, y.  Row 1: a and x.
#   word ids a = 0, b = 1; stem ids x = 0, y = 1; a key is word · 2 + stem: a-x 0, a-y 1, b-x 2, b-y 3.
#   pairs, rows in order: (r0, a, x) (r0, a, y) (r0, b, x) (r0, b, y) (r1, a, x)
TINY = [LexiconRow((("a", 0), ("b", 1)), ("x", "y")), LexiconRow((("a", -1),), ("x",))]


def test_document_lexicon_pairs_of_a_tiny_corpus():
    pairs = build_word_pairs(TINY)
    assert pairs.keys.tolist() == [0, 1, 2, 3]
    assert pairs.key_index.tolist() == [0, 1, 2, 3, 0]
    assert pairs.pair_en_slot.tolist() == [0, 1, 0, 1, 2]  # English slots: r0 x, r0 y, r1 x


def test_document_lexicon_one_em_step_by_hand():
    # Start: every t(e | f) = 1/2 (also the prior), t(x | NULL) = t(y | NULL) = 1/2, prior weight 1.
    #
    # E step.  The denominator of an English slot is the sum of t(stem | w) over the row's words and NULL:
    #   r0 x: t(x|a) + t(x|b) + t(x|NULL) = 1/2 + 1/2 + 1/2 = 3/2;  r0 y: 3/2;  r1 x: t(x|a) + t(x|NULL) = 1.
    # Expected counts, t / denominator summed over the pairs of each key:
    #   a-x: (1/2)/(3/2) + (1/2)/1 = 1/3 + 1/2 = 5/6;  a-y: 1/3;  b-x: 1/3;  b-y: 1/3.
    #   Per word: a 5/6 + 1/3 = 7/6;  b 2/3.
    # M step, t = (count + 1 · prior) / (word's count + 1):
    #   t(x|a) = (5/6 + 1/2) / (7/6 + 1) = (4/3) / (13/6) = 8/13;  t(y|a) = (1/3 + 1/2) / (13/6) = 5/13;
    #   t(x|b) = (1/3 + 1/2) / (2/3 + 1) = (5/6) / (5/3) = 1/2;    t(y|b) = 1/2.
    # NULL: counts t(e|NULL) / denominator per slot: x (1/2)/(3/2) + (1/2)/1 = 5/6, y 1/3; total 7/6;
    #   t(e|NULL) = (count + 1/2) / (7/6 + 1):  x (4/3) / (13/6) = 8/13,  y (5/6) / (13/6) = 5/13.
    pairs = build_word_pairs(TINY)
    half = np.full(4, 0.5)
    t, t_null = em_step(pairs, half.copy(), np.array([0.5, 0.5]), half, prior_weight=1.0)
    assert t.dtype == np.float64
    assert t.tolist() == pytest.approx([8 / 13, 5 / 13, 1 / 2, 1 / 2], rel=1e-15)
    assert t_null.tolist() == pytest.approx([8 / 13, 5 / 13], rel=1e-15)

    # The best posterior of each (row, Chinese word) after that step, t(e|w) / denominator:
    #   denominators r0 x: 8/13 + 1/2 + 8/13 = 45/26;  r0 y: 5/13 + 1/2 + 5/13 = 33/26;  r1 x: 8/13 + 8/13 = 16/13.
    #   r0 a: max((8/13)/(45/26), (5/13)/(33/26)) = max(16/45, 10/33) = 16/45;
    #   r0 b: max((1/2)/(45/26), (1/2)/(33/26)) = max(13/45, 13/33) = 13/33;   r1 a: (8/13)/(16/13) = 1/2.
    assert best_posteriors(pairs, t, t_null).tolist() == pytest.approx([16 / 45, 13 / 33, 1 / 2], rel=1e-15)


# The bead of tests/checks/test_bounds.py, the same Chinese with its second half left untranslated
# (the example of docs/checks.md), and three rows of the MAC-Dev benchmark.
BEAD = ("她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的。",
        "She admitted that she had been wrong to slap me and had not treated me well, but said my friendship was false.")
REAL_PAIRS = [
    BEAD,
    (BEAD[0], "She admitted that she'd been wrong to slap me."),
    ("说着，一齐下了炕，整顿衣服，又教了板儿几句话，跟着周瑞家的，逶迤往贾琏的住宅来。",
     "Grannie Liu got off the kang, adjusted her clothing, conducted through a rapid revision of his little stock "
     "of phrases and followed Zhou Rui's wife through various twists and turns to Jia Lian's quarters."),
    ("小玄子喝道：“来得好。”扭住他双臂，左足横扫过去。",
     "'Excellent kungfu!' cried his opponent, grappling him with both arms, and delivering a swinging kick with his left foot."),
    ("导演先将她俩领进化妆室，让一个化妆师来给王琦瑶化妆。",
     "The director led them into the dressing room and had a makeup artist work on Wang Qiyao."),
]


def test_document_lexicon_output_on_real_rows_unchanged():
    # Recorded from the learner before it moved out of checks/omission.py (commit 41c16ee), exact to the
    # last bit: the refactoring keeps the order of the floating-point operations.
    rows = [coverage_evidence(RowView(row)) for row in rows_from_pairs(REAL_PAIRS)]
    lexicon = DocumentLexicon(rows)
    assert lexicon.cover.dtype == np.float64
    # The bead's distinct Chinese content words, in order of their ids: 承认 打 不 也 没有 好好 待 说 伟大 友谊 是 假.
    assert lexicon.cover[:12].tolist() == [
        0.8260635559255474, 0.07936829110422755, 0.07936829110422755, 0.07936829110422755,
        0.07936829110422755, 0.4760855415419884, 0.8264264243379291, 0.7279094640335902,
        0.07936829110422755, 0.9164381359049047, 0.4760855415419884, 0.8468529583342211,
    ]
    assert [lexicon.row_halves(r) for r in range(len(rows))] == [
        ((8, 3.272112242147922), (5, 3.046654390918932)),
        ((8, 2.140625654095161), (5, 0.33129371622233805)),  # the untranslated second half: 0.33 of 5 words
        ((10, 2.8066902304164874), (7, 2.3348929700946814)),
        ((4, 0.4090866051375589), (5, 2.6553835474347443)),
        ((5, 2.8198841656656253), (5, 1.8248154217307184)),
    ]
