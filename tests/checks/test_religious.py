"""The checks on a clean religious text: archaic English, biblical names and numbers raise no warning.

The passage (Genesis, Exodus, Deuteronomy, Kings, Psalms, Matthew and John in the Chinese Union
Version and the King James Version, both public domain) is of a domain none of the checks was tuned
on: *begat*, *thee*, *shew*, *an hundred and thirty*, *nine hundred sixty and nine*, 耶和华 rendered
as *the LORD*, names spelled in transliteration characters that jieba cuts (玛土撒拉).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_align._lazy import opencc_converter
from corpus_align.checks import check_rows, rows_from_pairs

# zh<TAB>en, one verse a row.
PASSAGE = [tuple(line.split("\t")) for line in
           (Path(__file__).parent.parent / "data" / "religious_cuv_kjv.tsv").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_religious_clean_passage_raises_no_warning(script):
    pairs = PASSAGE if script == "simplified" else [(opencc_converter("s2t").convert(zh), en) for zh, en in PASSAGE]
    loud = [(f.row, f.code, f.message) for f in check_rows(rows_from_pairs(pairs)) if f.severity in ("warning", "error")]
    assert loud == []


def test_religious_changed_age_is_reported():
    pairs = [(zh.replace("九百六十九", "九百六十八"), en) for zh, en in PASSAGE]
    row = next(i for i, (zh, _) in enumerate(pairs, start=1) if "九百六十八" in zh)
    findings = [f for f in check_rows(rows_from_pairs(pairs)) if f.row == row and f.code == "number-mismatch"]
    assert findings and findings[0].severity in ("warning", "error")
