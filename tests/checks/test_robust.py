"""Every check on any input: pieces of numbers, names, glosses and notes joined at random never make a check raise.

A route number written 19S once raised KeyError inside the English number reader, so ``check`` crashed on a clean
minibus notice (stop 41's unseen documents).  These documents are token soup, not translations: the property is only
that the checks finish and their findings are well formed.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus_align.checks import CHECKS, check_rows, rows_from_pairs

_ZH_PIECES = ["19S", "1万5,000元", "两块五一两", "民国四十几年", "3.88亿至3.83亿年前", "二升半", "三个半小时", "1/4子", "亿万",
              "113学年度", "「落水」即下雨", "柴：同“寨”", "两好球", "串串香", "三台", "王维", "北京", "，", "。", "：", "（", "）",
              "《论语》", "第三条", "百分之五十", "七成", "下午三时", "0.8千帕", "5.87亿千瓦时", "Curél", " ", "a", "12"]
_EN_PIECES = ["Route No. 19S", "NT$15,000", "2.5 yuan a liang", "the 1950s", "388 to 383 million years ago", "two and a half",
              "a quarter", "hundreds of millions", "2024–2025", "落水 means", "柴:", "equivalent to 寨", "two strikes",
              "chuan chuan", "Santai", "Wang Wei", "Beijing", ",", ".", ":", "(", ")", "Article 3", "50 percent",
              "seven in ten", "3 p.m.", "zero point eight", "587 GWh", "Curél", "tri-mode", "roly-poly", "Yang-style",
              "Were the General here, no horse would", "(sheng jiao)", "arr.", "E. coli", "the the", " ", "12"]
_ROW = st.tuples(st.lists(st.sampled_from(_ZH_PIECES), max_size=8).map("".join),
                 st.lists(st.sampled_from(_EN_PIECES), max_size=8).map(" ".join))


@settings(max_examples=20, deadline=None)
@example([("新界专线小巴19S号线", "NT Green Minibus Route No. 19S")])  # crashed check before stop 41's fix
@given(st.lists(_ROW, min_size=1, max_size=4))
def test_robust_checks_never_raise_on_any_pieces(rows):
    findings = check_rows(rows_from_pairs(rows))
    assert all(f.code in CHECKS and 1 <= f.row <= len(rows) for f in findings)
    assert all(f.confidence is None or 0.0 <= f.confidence <= 1.0 for f in findings)
