"""checks/numbers.py: which numbers of a row the other side lacks (what number-mismatch and omission both read)."""

from __future__ import annotations

import pytest

from corpus_align.checks import rows_from_pairs
from corpus_align.checks.context import RowView
from corpus_align.checks.numbers import dropped_numbers, unmatched_numbers


def _view(zh: str, en: str) -> RowView:
    return RowView(rows_from_pairs([(zh, en)])[0])  # Traditional read as Simplified, as every check reads it


@pytest.mark.parametrize(("zh", "en", "dropped"), [
    # Figures the English leaves out, with no other number in their place.
    ("截至9月30日，公司总资产为8,765亿元，资产负债率为61.2%。", "As of September 30.", ["8,765亿", "61.2%"]),
    ("截至9月30日，公司總資產為8,765億元，資產負債率為61.2%。", "As of September 30.", ["8,765亿", "61.2%"]),
    ("英伟达股价当日上涨3.2%，市值一度突破4万亿美元。", "Nvidia shares rose 3.2% on the day.", ["4万亿"]),
    # Kept, said otherwise, hedged or changed: nothing dropped.
    ("截至9月30日，公司总资产为8,765亿元。", "As of September 30, total assets were 876.5 billion yuan.", []),
    ("它位于距地球约150万公里的第二拉格朗日点。", "It sits at the second Lagrange point.", []),
    ("他有三个孩子。", "He has children.", []),
    ("股价上涨3.2%。", "Shares rose 3.5%.", []),
])
def test_numbers_dropped_are_figures_in_digits_the_english_leaves_out_with_nothing_in_their_place(zh, en, dropped):
    assert [m.text for m in dropped_numbers(_view(zh, en))] == dropped


def test_numbers_unmatched_gives_a_changed_number_on_both_sides():
    lost, extra, _matched = unmatched_numbers(_view("股价上涨3.2%。", "Shares rose 3.5%."))
    assert ([m.value for m in lost], [m.value for m in extra]) == ([3.2], [3.5])


def test_numbers_unmatched_is_none_for_a_unit_conversion_or_a_row_without_numbers():
    assert unmatched_numbers(_view("他重六十公斤。", "He weighs 130 pounds.")) is None
    assert unmatched_numbers(_view("他来了。", "He came.")) is None
