"""Numbers in Chinese and English: one home for "which numbers are in this sentence?".

Two views of the same tables (Chinese digits and numerals, counters, English
number words, scales and months):

* typed mentions (:class:`Mention`, :func:`zh_numbers`, :func:`en_numbers`):
  value, range, approximate or not, digits or words, unit of measure; the
  number check compares them;
* keys (:func:`zh_number_keys`, :func:`en_number_keys`): ``#11``, ``month:3``;
  the aligner anchors beads on them.

Both are read from the same mentions.  The word tables themselves are data,
``resources/numbers.toml``: teaching the reader a counter, a unit or an English
number word is an edit there, not here.

>>> zh_number_keys("3月11日"), en_number_keys("On March 11 they left.")
(['month:3', '#11'], ['month:3', '#11'])
>>> [(m.text, m.span) for m in zh_numbers("他二十一岁，3月11日到了十多万人的城市。")]
[('二十一', (21, 21)), ('3月', (3, 3)), ('11', (11, 11)), ('十多万', (100000, 199900.0))]
"""

from __future__ import annotations

from .common import ZH_DIGITS, ZH_UNITS, Mention, place_value, share
from .en import MAX_EN_NUMBER_CHARS, en_list_number, en_numbers
from .keys import en_number_keys, number_keys, zh_number_keys
from .zh import MAX_ZH_NUMERAL_CHARS, zh_list_number, zh_numbers
from .zh_numerals import COUNTERS, chinese_numeral_value

__all__ = [
    "COUNTERS",
    "MAX_EN_NUMBER_CHARS",
    "MAX_ZH_NUMERAL_CHARS",
    "ZH_DIGITS",
    "ZH_UNITS",
    "Mention",
    "chinese_numeral_value",
    "en_list_number",
    "en_number_keys",
    "en_numbers",
    "number_keys",
    "place_value",
    "share",
    "zh_list_number",
    "zh_number_keys",
    "zh_numbers",
]
