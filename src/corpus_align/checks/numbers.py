"""number-mismatch: numbers, dates, percentages and amounts that differ between the two sides.

Evidence: the numbers of each side as :class:`Mention` values — Arabic digits
(full-width digits are folded by normalization), Chinese numerals with 万/亿
scales and approximations (``十多万`` ≈ 100,000+), months (``3月`` ↔
``March``), English digits and number words (``twenty-one``, ``3.5 million``,
``over one hundred thousand``).  Decision: a number on one side without an
equal (or, for approximate ones, compatible) number on the other.  Literary
translations render small numbers freely ("两个人" → "the pair of them"), so
a number written only in words and missing on one side is not reported; one
written in digits is, and so is any pair of unmatched numbers on both sides.

>>> [(m.text, m.span) for m in zh_numbers("他二十一岁，3月11日到了十多万人的城市。")]
[('二十一', (21, 21)), ('3月', (3, 3)), ('11', (11, 11)), ('十多万', (100000, 199900.0))]
>>> [(m.text, m.span) for m in en_numbers("On March 11 over one hundred thousand people, aged twenty-one.")]
[('March', (3, 3)), ('11', (11, 11)), ('one hundred thousand', (100000, 199900.0)), ('twenty-one', (21, 21))]
"""

from __future__ import annotations

import math
import re
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..text.numbers import ZH_DIGITS, Mention, en_list_number, en_numbers, place_value, share, zh_list_number, zh_numbers
from .context import CheckContext, RowView, spells_pinyin_of
from .registry import register

# Pairs of numbers compared when matching approximately; a row with more (a table run into one
# line, hundreds of numbers a side) gets exact matching only, which stays linear.
MATCH_PAIRS_BUDGET = 100_000


def _compatible(a: Mention, b: Mention) -> bool:
    """Equal values, or overlapping ranges: each hedge widens only in the direction it means.

    ``a`` is the Chinese number, ``b`` the English.  Two figures hedged the same way (both *about*, both *more than*,
    both *nearly*) match when the English is the Chinese, rounded (约4,870 ↔ *about 4,900*), not when their windows
    overlap (约68% is not *about 73%*), nor when the English is the finer (约30分钟 is not *about 25 minutes*).  A
    figure said *about* on one side only and an exact one match when either is the other, rounded (310 ↔ *about 300*,
    约11.9 ↔ *12*, not 约83% ↔ *78%*).

    A decade whose century is not said matches that decade of any century (90年代 ↔ the 1990s), an hour of
    the day the same hour on the other clock (20时 ↔ 8 p.m.), and a fraction one over n matches the ordinal n
    (三分之一 ↔ "the northern third").
    """
    if a.value == b.value or math.isclose(a.value, b.value, rel_tol=1e-12):
        return True  # (1,286.4亿 and 128.64 billion differ in the last bits of their floats)
    if a.decade and b.decade and min(a.value, b.value) < 100 and a.value % 100 == b.value % 100:
        return True
    if a.clock and b.clock and a.value == int(a.value) and b.value == int(b.value) and a.value % 12 == b.value % 12:
        return True  # 20时 ↔ 8 p.m., 下午两点 ↔ 14:00: one hour on the 24- and the 12-hour clock
    if _one_over(a, b) or _one_over(b, a):
        return True
    if _tenths_in_fen(a, b) or _tenths_in_fen(b, a):
        return True
    if _innings_in_thirds(a, b) or _innings_in_thirds(b, a):
        return True
    if a.short_year != b.short_year and _short_year_of((a, b) if a.short_year else (b, a)):
        return True  # 98年 ↔ 1998, 民国112年 ↔ 2023
    if a.percent != b.percent:  # 百分之七十 ↔ "seven in ten", 十分之七 ↔ "70 percent": one share, said two ways
        other = b if a.percent else a
        if 0 < other.value < 1:
            return _compatible(_as_share(a), b) if a.percent else _compatible(a, _as_share(b))
        return False  # a share and a count are no rounding of each other: *less than 24 hours* does not take 20%
    # 2.726 ↔ 2.7255: equal at the coarser precision (not a weak number, which is matched only when it is there:
    # the 5 of 百万分之五 is no rounding of 4.7255)
    # A half said in words (*two and a half*, 二升半) is exact: no rounding of three.
    if (a.value != int(a.value) or b.value != int(b.value)) and not (a.weak or b.weak or _said_half(a) or _said_half(b)):
        places = min(len(_shown(a.value).partition(".")[2]), len(_shown(b.value).partition(".")[2]))
        if abs(a.value - b.value) <= 0.5 * 10 ** -places + 1e-9:
            return True
    kind = _hedge_kind(a)
    if kind and kind == _hedge_kind(b) and not (a.weak or b.weak):
        # Both sides hedge one figure the same way (约68% ↔ about 68%, 三十多 ↔ more than thirty): a translation copies
        # it or rounds it (约4,870 ↔ about 4,900), and cannot know it finer (约30 ↔ about 25, 五百余 ↔ more than 502).
        # The two windows must not add up to pass 73 for 68.  A count in dozens is round in twelves, not tens: it
        # rounds any figure of the other's window (十来遍 ↔ *a dozen times*).
        if "dozen" in a.text.lower() or "dozen" in b.text.lower():
            (al, ah), (bl, bh) = a.span, b.span
            return al <= b.value <= ah or bl <= a.value <= bh
        return _rounds_to(a.value, b.value)
    if kind == "about" and not b.approx or _hedge_kind(b) == "about" and not a.approx:
        # One side hedges (约83%), the other gives a figure: one of them is the other rounded (about 300 for 310, 12 for
        # 约11.9, 三百 for about 310: the unhedged side may be the rounded one), never another figure as precise (78%
        # for 约83%, 562 for 约563).
        return _rounds_to(a.value, b.value) or _rounds_to(b.value, a.value)
    (al, ah), (bl, bh) = a.span, b.span
    return al <= bh and bl <= ah


_TENTHS_IN_FEN = re.compile(r"[一二三四五六七八九]分")


def _tenths_in_fen(zh: Mention, en: Mention) -> bool:
    """True when ``zh`` counts tenths in 分 (煎八分 "boil down to eight-tenths", 七分饱 "70 % full") and ``en`` says that
    share.

    >>> from corpus_align.text.numbers import en_numbers
    >>> _tenths_in_fen(zh_numbers("煎八分")[0], en_numbers("down to eight-tenths")[0])
    True
    """
    said = en.value / 100 if en.percent else en.value
    return _TENTHS_IN_FEN.fullmatch(zh.text) is not None and 0 < said < 1 and math.isclose(said, zh.value / 10)


def _innings_in_thirds(tenths: Mention, thirds: Mention) -> bool:
    """True when ``tenths`` writes innings pitched as box scores do, the outs after the point (6.1 is six innings and
    one out), and ``thirds`` says them in thirds (*6 1/3 innings*).

    >>> from corpus_align.text.numbers import en_numbers
    >>> _innings_in_thirds(zh_numbers("主投6.1局")[0], en_numbers("worked 6 1/3 innings")[0])
    True
    """
    outs = round((tenths.value - int(tenths.value)) * 10, 6)
    return (tenths.digits and outs in (1, 2) and "/3" in thirds.text
            and math.isclose(thirds.value, int(tenths.value) + outs / 3, abs_tol=1e-3))


def _said_half(mention: Mention) -> bool:
    return mention.text.endswith("半") or "half" in mention.text.lower()


def _hedge_kind(mention: Mention) -> str:
    """How a number is hedged: ``about`` (约, 左右, around: ±20 %), ``above`` (多, 余, more than) or ``below`` (近,
    nearly, no more than); ``""`` for an exact number or a range (十七八, 3 to 5).

    >>> from corpus_align.text.numbers import en_numbers
    >>> [_hedge_kind(m) for m in en_numbers("about 5, over 300, nearly 40, 3 to 5")]
    ['about', 'above', 'below', '', '']
    """
    if not mention.approx or mention.low < 0:
        return ""
    if math.isclose(mention.low, mention.value * 0.8) and math.isclose(mention.high, mention.value * 1.2):
        return "about"
    if mention.low == mention.value and mention.high < mention.value + place_value(mention.value):
        return "above"
    if mention.high == mention.value and math.isclose(mention.low, mention.value * 0.7):
        return "below"
    return ""


def _rounds_to(fine: float, coarse: float) -> bool:
    """True when ``coarse`` is ``fine`` rounded (half up) at the place of ``coarse``'s last non-zero digit.

    >>> _rounds_to(4870, 4900), _rounds_to(68, 70), _rounds_to(73, 68), _rounds_to(83, 80), _rounds_to(85, 80)
    (True, True, False, True, False)
    """
    if coarse != int(coarse) or coarse <= 0:
        return fine == coarse
    place = place_value(coarse)
    return math.floor(fine / place + 0.5) * place == coarse


def _as_share(percent: Mention) -> Mention:
    """A percentage as the share it is (70 % → 0.7), its range with it.

    >>> from corpus_align.text.numbers import zh_numbers
    >>> _as_share(zh_numbers("近七成")[0]).span
    (0.49, 0.7)
    """
    low, high = percent.span
    return replace(percent, value=share(percent.value / 100), low=share(low / 100) if percent.low >= 0 else -1.0,
                   high=share(high / 100) if percent.low >= 0 else -1.0, percent=False)


def _in_base_unit(mention: Mention) -> Mention:
    """The mention in its unit family's base unit (metres, grams): 1.6 kilometres is 1,600 metres."""
    def scaled(x: float) -> float:
        return round(x * mention.factor, 9)
    return replace(mention, value=scaled(mention.value), low=scaled(mention.low) if mention.low >= 0 else -1.0,
                   high=scaled(mention.high) if mention.low >= 0 else -1.0, factor=1.0)


def _converted(lost: list[Mention], extra: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """``lost`` and ``extra`` without the pairs that are one quantity in two units of one family.

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> _converted(zh_numbers("全长一千六百米"), en_numbers("1.6 kilometres long"))
    ([], [])
    >>> [m.text for m in _converted(zh_numbers("全长一千六百米"), en_numbers("1.8 kilometres long"))[0]]
    ['一千六百']
    """
    left, still = list(extra), []
    for mention in lost:
        same = next((other for other in left if mention.unit and other.unit == mention.unit and other.factor != mention.factor
                     and _converts_to(_in_base_unit(mention), _in_base_unit(other))), None)
        if same is None:
            still.append(mention)
        else:
            left.remove(same)
    return still, left


def _short_year_of(pair: tuple[Mention, Mention]) -> bool:
    """True when the year ``pair[1]`` is the year ``pair[0]`` writes short: in its era (民国112年 ↔ 2023, 康熙二十年 ↔ 1681),
    or by the last two digits of its century (98年 ↔ 1998, 03年 ↔ 2003).

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> [_short_year_of((zh_numbers(zh)[0], en_numbers(en)[0])) for zh, en in
    ...  (("98年", "1998"), ("03年", "2003"), ("112年度", "2023"), ("民国五十年", "1961"), ("112年度", "2012"))]
    [True, True, True, True, False]
    """
    short, year = pair
    if year.value != int(year.value) or not 1000 <= year.value <= 2200 or year.approx:
        return False
    if short.era:
        return year.value == short.value + short.era
    return short.value < 100 and year.value % 100 == short.value


def _converts_to(zh: Mention, en: Mention) -> bool:
    """:func:`_compatible` for one quantity in two units: a converted figure is rounded either way (约60公里 is
    59,546 metres said *about 37 miles*)."""
    return _compatible(zh, en) or _compatible(en, zh)


def _one_over(fraction: Mention, ordinal: Mention) -> bool:
    return (0 < fraction.value < 1 and ordinal.value >= 2 and not ordinal.digits
            and ordinal.text.lower().endswith(("th", "ths", "rd", "rds", "nd"))
            and share(1 / ordinal.value) == fraction.value)


# English numbers of one value a Chinese number looks through for one of its kind before it takes the first.
ALIKE_LOOKAHEAD = 4


def _take_alike(queue: deque[int], mention: Mention, en: list[Mention]) -> int:
    """Take from ``queue`` (indices into ``en`` of one value) the first English number of ``mention``'s kind, a month
    for a month, an ordinal for an ordinal and an hour for an hour (2月 ↔ *February* and 第二 ↔ *second*, not the
    *two* of *the two players*; 八号 ↔ the *8* of *Long March-8*, not *8:10 p.m.*), else the first.

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> en = en_numbers("The two players arrived on 15 February for the second phase")
    >>> [en[_take_alike(deque([0, 2, 3]), zh, en)].text for zh in zh_numbers("2月15日第二阶段") if zh.value == 2]
    ['February', 'second']
    """
    kind = (mention.month, _ordinal(mention), mention.clock)
    for k in range(min(len(queue), ALIKE_LOOKAHEAD)):
        if (en[queue[k]].month, _ordinal(en[queue[k]]), en[queue[k]].clock) == kind:
            index = queue[k]
            del queue[k]
            return index
    return queue.popleft()


def _ordinal(mention: Mention) -> bool:
    """True for an ordinal: 第二, *second*, *2nd*, *fifteenth*."""
    return mention.text.startswith("第") or mention.text.lower().endswith(("st", "nd", "rd", "th"))


def match_numbers(zh: list[Mention], en: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Pair equal (or compatible approximate) numbers; return the unmatched ones of each side.

    >>> lost, extra = match_numbers([Mention(3, False, True, "3"), Mention(90, False, True, "90年代", 90, 99, decade=True)],
    ...                             [Mention(4, False, False, "four"), Mention(1990, True, True, "1990s", 1990, 1999, decade=True)])
    >>> [m.text for m in lost], [m.text for m in extra]
    (['3'], ['four'])
    """
    # Exact matches first, each Chinese number taking the first English number of its value, found
    # through a queue per value so that a row of thousands of numbers stays linear.
    queues: dict[float, deque[int]] = defaultdict(deque)
    for i, m in enumerate(en):
        queues[m.value].append(i)
    taken: set[int] = set()
    unmatched_zh = []
    # Weak Chinese numbers (一个 "one" or "a") last, so that they do not take the English number a digit needs; hours of
    # the clock after counts, so that 14时 leaves *14 km* to 14千米 and finds *2:28 p.m.* among the compatible ones.
    for mention in sorted(zh, key=lambda m: (m.weak, m.clock)):
        queue = queues.get(mention.value)
        if queue:
            taken.add(_take_alike(queue, mention, en))
        else:
            unmatched_zh.append(mention)
    left = [m for i, m in enumerate(en) if i not in taken]
    # Then approximate ones, pair by pair (:data:`MATCH_PAIRS_BUDGET`).
    still = []
    approximate = len(unmatched_zh) * len(left) <= MATCH_PAIRS_BUDGET
    for mention in unmatched_zh:
        near = next((m for m in left if _compatible(mention, m)), None) if approximate else None
        if near is not None:
            left.remove(near)
        else:
            still.append(mention)
    # A range on one side ("两三", "thirty or forty") may take two numbers of the other; a hedged figure (*less than 12
    # months*, 约11.9) is one number, already matched, and takes no second (第九条, 十二年前).
    zh_ranges = [z for z in zh if z.low >= 0 and not _hedge_kind(z)]
    en_ranges = [e for e in en if e.low >= 0 and not _hedge_kind(e)]
    if len(left) * len(zh_ranges) <= MATCH_PAIRS_BUDGET:
        left = [m for m in left if not any(_compatible(z, m) for z in zh_ranges)]
    if len(still) * len(en_ranges) <= MATCH_PAIRS_BUDGET:
        still = [z for z in still if not any(_compatible(z, e) for e in en_ranges)]
    still, left = _shares_of_counts(still, left)
    if all(m.weak for m in still):
        # An English number repeated ("two ... the two of them") is matched once is enough.
        unmatched = set(left)
        matched_values = {m.value for m in en if m not in unmatched} | {m.value for m in zh}
        left = [m for m in left if m.value not in matched_values]
    return still, left


# An English share said as a count of a count: nine out of 10, one in five.
_COUNT_OF_COUNT = re.compile(r"(?i)[- ](?:in|out[- ]of)[- ]")
_SHARE_PARTS_BUDGET = 20  # Chinese numbers left over, beyond which no pair of them is tried


def _shares_of_counts(zh: list[Mention], en: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The unmatched numbers without an English share said as a count of a count and the two Chinese numbers that
    are its parts (十个有九个, 十人中有九人 ↔ *nine out of 10*).

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> zh, en = _shares_of_counts(zh_numbers("十个有九个"), en_numbers("nine out of 10 kids"))
    >>> zh, en
    ([], [])
    """
    shares = [m for m in en if 0 < m.value < 1 and _COUNT_OF_COUNT.search(m.text)]
    if not shares or len(zh) > _SHARE_PARTS_BUDGET:
        return zh, en
    for said in shares:
        parts = next(((part, whole) for part in zh for whole in zh
                      if 0 < part.value < whole.value and abs(part.value / whole.value - said.value) < 0.0015), None)
        if parts is not None:
            zh = [m for m in zh if m is not parts[0] and m is not parts[1]]
            en = [m for m in en if m is not said]
    return zh, en


def _slashed_fractions(lost: list[Mention], extra: list[Mention], zh: str, en: str) -> tuple[list[Mention], list[Mention]]:
    """The unmatched numbers without a fraction one side writes with a slash (``1/4``, read as 1 and 4) and the share
    the other side says in words or decimals (*a quarter*, 四分之一, 0.25).

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> _slashed_fractions(zh_numbers("黑棋以1/4子获胜"), en_numbers("Black wins by a quarter of a stone"),
    ...                    "黑棋以1/4子获胜", "Black wins by a quarter of a stone")
    ([], [])
    >>> [m.text for m in _slashed_fractions([], en_numbers("3/4 inch"), "", "3/4 inch")[1]]
    ['3', '4']
    """
    lost, extra = _slashed_parts_of(lost, extra, zh)
    extra, lost = _slashed_parts_of(extra, lost, en)
    return lost, extra


def _slashed_parts_of(parts: list[Mention], shares: list[Mention], text: str) -> tuple[list[Mention], list[Mention]]:
    """``parts`` (of ``text``) and ``shares`` (of the other side) without each share and the slashed fraction of it."""
    if "/" not in text or len(parts) > _SHARE_PARTS_BUDGET:
        return parts, shares
    for said in [m for m in shares if 0 < m.value < 1 and not m.percent]:
        pair = next(((part, whole) for part in parts for whole in parts
                     if 0 < part.value < whole.value and f"{part.text}/{whole.text}" in text
                     and share(part.value / whole.value) == share(said.value)), None)
        if pair is not None:
            parts = [m for m in parts if m is not pair[0] and m is not pair[1]]
            shares = [m for m in shares if m is not said]
    return parts, shares


# Words that mean one number and nothing vaguer: weak (never reported alone, since "both" is everywhere), yet a
# count of the other side that they cannot be is a count changed.  Not "couple" (two or three) nor "double".
_DEFINITE_WEAK = frozenset({"both", "twice", "thrice", "twins"})


def _temperature_misconverted(mentions: list[Mention]) -> bool:
    """True when a temperature in Celsius and one in degrees (Fahrenheit) are no conversion of each other.

    A temperature converts by a formula, not by a factor: 32.2 摄氏度 is 90 degrees, not 95.

    >>> from corpus_align.text.numbers import en_numbers, zh_numbers
    >>> _temperature_misconverted(zh_numbers("气温超 32.2 摄氏度") + en_numbers("above 90 degrees"))
    False
    >>> _temperature_misconverted(zh_numbers("气温超 32.2 摄氏度") + en_numbers("above 95 degrees"))
    True
    >>> _temperature_misconverted(zh_numbers("最高气温35度") + en_numbers("a high of 95 °F"))
    False
    """
    celsius = [m.value for m in mentions if m.unit == "celsius"]
    fahrenheit = [m.value for m in mentions if m.unit == "fahrenheit"]
    bare = [m.value for m in mentions if m.unit == "degree"]
    # A bare degree (35度, 95 degrees) is on the scale the other side does not name.
    if celsius:
        fahrenheit = fahrenheit + bare
    elif fahrenheit:
        celsius = bare
    return bool(celsius and fahrenheit) and not any(abs(c * 9 / 5 + 32 - f) <= _fahrenheit_rounding(f)
                                                    for c in celsius for f in fahrenheit)


def _fahrenheit_rounding(fahrenheit: float) -> float:
    """How far a converted temperature may be rounded: to the degree (1.5, with the Celsius side's own rounding),
    or, for an oven (200 °F and above), to the 25 °F steps of its dial (180 摄氏度 is 356 °F, written 350).

    >>> _fahrenheit_rounding(90), _fahrenheit_rounding(350)
    (1.5, 12.5)
    """
    return 12.5 if fahrenheit >= 200 else 1.5


def _hyphened_word(mention: Mention, text: str) -> str | None:
    """The word that ``mention``'s digits are hyphened to in ``text`` (COVID of COVID-19, Chang'e of Chang'e-6), or None.

    >>> from corpus_align.text.numbers import en_numbers
    >>> [_hyphened_word(m, "Chang'e-6 and 3K") for m in en_numbers("Chang'e-6 and 3K")]
    ["Chang'e", None]
    """
    found = re.search(r"([^\W\d_](?:[\w']*[^\W\d_])?)[-−‐]" + re.escape(mention.text) + r"(?!\d)", text)
    return found.group(1) if found else None


def _hyphen_code(mention: Mention, text: str) -> bool:
    """True when ``mention`` is a code whose digits are hyphened to a word in ``text`` (COVID-19, CCTV-2).

    >>> from corpus_align.text.numbers import en_numbers
    >>> [_hyphen_code(m, "COVID-19 and 3K") for m in en_numbers("COVID-19 and 3K")]
    [True, False]
    """
    return mention.code and _hyphened_word(mention, text) is not None


def _named_as_in_the_source(mention: Mention, en: str, zh: str) -> bool:
    """True when the word that ``mention`` is hyphened to spells the pinyin of the Chinese (Shenzhou-17 for 神舟十九号,
    Chang'e-6 for 嫦娥六号), or is one letter (C-72): both sides name one thing by one name, so its number is
    compared like any other.

    >>> from corpus_align.text.numbers import en_numbers
    >>> [_named_as_in_the_source(m, "Shenzhou-17 and COVID-19", "神舟十九号与新冠") for m in en_numbers("Shenzhou-17 and COVID-19")]
    [True, False]
    >>> [_named_as_in_the_source(m, 'engraved "C-72"', "刻着“丙字七十三号”") for m in en_numbers('engraved "C-72"')]
    [True]
    """
    named = _hyphened_word(mention, en)
    # A single letter names no thing: it is a series (C-73 for 丙字七十三号, seat B-12), numbered like any other.
    return named is not None and (len(named) == 1 or spells_pinyin_of(named, zh))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:'[a-z]+)?\b")


_THOUSANDS_IN_K = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)K\b")


def _thousands_in_k(mention: Mention, en: str) -> bool:
    """True when the English writes the Chinese number ``mention`` in thousands with a capital K, which the reader takes
    for a code's letter when nothing says thousands (12.6万个评分 ↔ *126K Ratings*, not 4K or 3K).

    >>> [_thousands_in_k(m, "4.8 · 126K Ratings") for m in zh_numbers("共12.6万个评分")]
    [True]
    """
    if "K" not in en or mention.value < 1000:
        return False
    return any(math.isclose(float(match.group(1)) * 1000, mention.value) for match in _THOUSANDS_IN_K.finditer(en))


# A price said in parts (一角五分: 0.15, 15, 1, 5, 10; *two-forty*: 240, 2.40, 2, 40) has this many readings at least; a
# holiday named by its date (十一: 10, 1) or a multiple said two ways (额外1倍: 1, 2) has fewer, and names no price that
# could have changed.
PRICE_READINGS_MIN = 3


def _no_reading_matched(said: list[Mention], unmatched: list[Mention]) -> list[Mention]:
    """The first reading of each price that one side says in several weak readings (the same text), none of which was
    matched: each as a plain mention, to report.

    >>> en = en_numbers("It charges two-twenty.")
    >>> [(m.text, m.value, m.weak) for m in _no_reading_matched(en, en)]
    [('two-twenty', 220, False)]
    """
    # A number's readings stand next to each other, each with the number's text and a value of its own; the 一 of each
    # 一个 in a row is a number of its own, said once.
    groups: list[list[Mention]] = []
    for mention in said:
        if mention.weak and groups and groups[-1][-1].weak and groups[-1][-1].text == mention.text:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    left = {id(mention) for mention in unmatched}
    return [replace(group[0], weak=False) for group in groups
            if group[0].weak and len({m.value for m in group}) >= PRICE_READINGS_MIN and all(id(mention) in left for mention in group)]


_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{2,4}(?:[ -]\d{2,4}){1,3}(?!\d|[.,]\d)")


def _grouped_digits(lost: list[Mention], extra: list[Mention], en: str) -> tuple[list[Mention], list[Mention]]:
    """``lost`` and ``extra`` without a number of five digits or more that the English writes in groups, as phone and
    account numbers are written (八三三二七六五 ↔ *833 2765*, 2345-6789), and without the groups.

    >>> en = "The number is 833 2765."
    >>> lost, extra = _grouped_digits(zh_numbers("档口电话系八三三二七六五"), en_numbers(en), en)
    >>> lost, [m.text for m in extra]
    ([], [])
    """
    if not lost or not extra or not _DIGIT_GROUPS.search(en):
        return lost, extra
    for group in _DIGIT_GROUPS.finditer(en):
        digits = re.sub(r"[ -]", "", group.group())
        same = [m for m in lost if m.value >= 10_000 and m.value == int(m.value) and str(int(m.value)) == digits]
        if same:
            lost = [m for m in lost if m is not same[0]]
            extra = [m for m in extra if m.text not in group.group()]
    return lost, extra


def _coded_in_english(mention: Mention, en: str) -> bool:
    """True when the Chinese number ``mention``, in digits, is the number of a code the English writes with its
    letters (318国道 ↔ *G318*, 219国道 ↔ *G219*): the English names the thing as its signs do.

    >>> [_coded_in_english(m, "along National Highways G318 and G219.") for m in zh_numbers("沿318国道和219国道")]
    [True, True]
    >>> [(_coded_in_english(m, "along Highway 319"), _coded_in_english(m, "the HX318F405 chip")) for m in zh_numbers("沿318国道")]
    [(False, False)]
    """
    if not mention.digits or mention.text not in en:
        return False
    return re.search(rf"(?<![A-Za-z0-9])[A-Z]{{1,3}}-?{re.escape(mention.text)}(?![A-Za-z\d]|[.,]\d)", en) is not None


def _spelled_in_a_name(mention: Mention, zh: str, en: str) -> bool:
    """True when the English spells a numeral of the Chinese in pinyin, as part of a name with the characters after it
    (三台 ↔ *Santai*, a publisher): a name, no count.

    >>> from corpus_align.text.numbers import zh_numbers
    >>> zh = "新刻天下四民便览三台万用正宗"
    >>> [_spelled_in_a_name(m, zh, en) for m in zh_numbers(zh) for en in ("the Santai Orthodox Source", "Three Terraces")]
    [True, False]
    >>> [_spelled_in_a_name(m, z, "Mount Wutai; Liu Er's hands") for z in ("五台山有五座台顶", "六人手上") for m in zh_numbers(z)][-2:]
    [False, False]
    """
    if mention.digits or not en:
        return False
    names = _CAPITALISED.findall(en)
    numeral = next((i for i, ch in enumerate(mention.text) if ch in ZH_DIGITS), None)
    at = zh.find(mention.text)
    if not names or numeral is None or at < 0:
        return False
    # Every place the Chinese writes it must be inside such a name: the number has no position of its own (the 五 of
    # 五座台顶 is a count beside 五台山 ↔ *Wutai*).
    while at >= 0:
        start, after = at + numeral, at + len(mention.text)
        # The name spells the numeral and what follows it: not the numeral alone (*Liu* for 六, which is 刘's), nor the
        # characters before it (the 丈 of 丈八蛇矛 as *Zhang* Fei) or after it.
        if not any(spells_pinyin_of(name, zh[start : after + 2]) and not spells_pinyin_of(name, zh[start + 1 : after + 2])
                   and not spells_pinyin_of(name, zh[start : start + 1]) for name in names):
            return False
        at = zh.find(mention.text, after)
    return True


def _reportable(mention: Mention) -> bool:
    """A number on one side only is reported when written in digits, not hedged, and not a code (3K)."""
    return mention.digits and not mention.approx and not mention.code


def _signals(mentions: list[Mention], matched: float, *, changed: bool) -> dict[str, float]:
    """What a number finding rests on: a number changed (both sides have one) or dropped, in digits or words, hedged or not."""
    return {"changed": float(changed), "digits": sum(m.digits for m in mentions) / len(mentions),
            "approximate": float(any(m.approx for m in mentions)), "matched": matched}


@register(
    "number-mismatch",
    severity="error",
    family="numbers",
    what="A number, date, percentage or amount on one side that has no equal on the other: "
    "Arabic or full-width digits, Chinese numerals with 万/亿 scales (十多万 ≈ over one hundred thousand), "
    "months and days (3月11日 ↔ March 11), English digits, number words and ordinals (twenty-one, fifteenth). "
    "Approximations widen the match only the way they mean: 五百余 is 500–599, so 'more than three hundred' "
    "does not match it, and 'about three' does not match 五.",
    why="A wrong number is a factual error that readers cannot detect; it is the most damaging kind of "
    "mistranslation in news, legal and business text.",
    example=("他二十一岁那年去了北京。", "He went to Beijing when he was twenty-two."),
    silence="`--ignore number-mismatch`. Numbers written as words on one side only (两个人 → 'the pair') are "
    "never reported, only digits or two different numbers.",
    false_positives="Idiomatic numbers (三心二意, 一五一十) that jieba does not keep as one word; "
    "unit conversions (里 → miles, 斤 → pounds); a number the translator rounds (三十七 → 'nearly forty').",
)
def check_number_mismatch(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        unmatched = unmatched_numbers(view)
        if unmatched is None:
            continue
        lost, extra, matched = unmatched
        if lost and extra:
            yield ctx.finding(
                "number-mismatch", view, number_message([m.text for m in lost], [m.text for m in extra]),
                zh_text=", ".join(m.text for m in lost), en_text=", ".join(m.text for m in extra),
                suggestion=", ".join(_shown(m.value) for m in lost), signals=_signals(lost + extra, matched, changed=True),
            )
        elif lost or extra:
            # Numbers on one side only: reported when one of them is written so that it cannot be a paraphrase.
            shown = [m for m in lost or extra if _reportable(m)]
            if shown:
                texts = ", ".join(m.text for m in shown)
                message = number_message([m.text for m in shown], []) if lost else number_message([], [m.text for m in shown])
                yield ctx.finding(
                    "number-mismatch", view, message,
                    zh_text=texts if lost else "", en_text="" if lost else texts, signals=_signals(shown, matched, changed=False),
                )


def row_en_numbers(view: RowView) -> list[Mention]:
    """The numbers of the row's English (:func:`.en_numbers`), read once for every check that weighs them; not to be
    changed by the caller.

    >>> from corpus_align.model import CheckRow
    >>> [m.value for m in row_en_numbers(RowView(CheckRow(1, "", "", "Two cats and 3 dogs.")))]
    [2, 3]
    """
    return view.memo("numbers.en", lambda: en_numbers(view.row.en))


def unmatched_numbers(view: RowView) -> tuple[list[Mention], list[Mention], float] | None:
    """The row's Chinese numbers with no English equal, its English numbers with no Chinese equal, and the log of one
    plus the number of Chinese numbers matched; ``None`` for a one-sided row, a row without numbers or a unit conversion.

    What ``number-mismatch`` reports, and what ``omission`` takes as evidence of a dropped clause.

    >>> from corpus_align.model import CheckRow
    >>> lost, extra, _ = unmatched_numbers(RowView(CheckRow(1, "", "截至9月30日，总资产为8,765亿元。", "As of September 30.")))
    >>> [m.text for m in lost], extra
    (['8,765亿'], [])
    """
    row = view.row
    if not row.zh_normalized.strip() or not row.en.strip():
        return None
    zh = zh_numbers(row.zh_normalized, _dictionary_words(view))
    en = row_en_numbers(view)
    renumbered = _renumbered_list_item(row.zh_normalized, row.en)
    if not zh and not en and renumbered is None:
        return None
    lost, extra = _converted(*match_numbers(zh, en))  # 一千六百米 ↔ 1.6 kilometres
    lost, extra = _slashed_fractions(lost, extra, row.zh_normalized, row.en)  # 1/4子 ↔ *a quarter of a stone*
    lost, extra = _grouped_digits(lost, extra, row.en)  # 八三三二七六五 ↔ *833 2765*
    ordinal_words = [m for m in extra if m.weak and m.text.lower() in ("first", "second")
                     and not (m.text.lower() == "first" and (_first_only_as_when(row.en) or _ZH_FIRST.search(row.zh_normalized)))]
    definite_words = [m for m in extra if m.weak and m.text.lower() in _DEFINITE_WEAK]
    # Weak readings of one number (*two-forty*: 240, 2.40, 2, 40; 一角五分: 0.15, 15 …) of which none found its equal.
    readings_lost, readings_extra = _no_reading_matched(zh, lost), _no_reading_matched(en, extra)
    # A code hyphened to a word (COVID-19, CCTV-2) names a thing, which the other side often names otherwise
    # (新冠): it is no count that changed into the other side's number.  A code of glued letters (3K, 5G) is kept, and
    # so is one named by the pinyin of the Chinese (Shenzhou-17 for 神舟十九号): both sides name the thing alike.
    lost = [m for m in lost if not m.weak and not _hyphen_code(m, row.zh_normalized)
            and not _spelled_in_a_name(m, row.zh_normalized, row.en) and not _coded_in_english(m, row.en)
            and not _thousands_in_k(m, row.en)]
    extra = [m for m in extra
             if not m.weak and (not _hyphen_code(m, row.en) or _named_as_in_the_source(m, row.en, row.zh_normalized))]
    # A number said twice on one side and once on the other ("隔离 10 天…也必须隔离 10 天" → "as will anyone").
    if not extra:
        lost = [m for m in lost if m.value not in {e.value for e in en}]
    if not lost:
        extra = [m for m in extra if m.value not in {z.value for z in zh}]
    lost = _said_as_next(lost, row.zh_normalized, row.en)
    # Such a number changed when the other side has one left over: *two-twenty* for 两百一 (matched when there, and
    # missed where nothing else could be it).
    if lost and not extra and readings_extra:
        extra = readings_extra
    elif extra and not lost and readings_lost:
        lost = readings_lost
    if not extra and ordinal_words and any(m.text.startswith("第") for m in lost):
        extra = ordinal_words  # 第三 ↔ "the second deadline": an ordinal changed ("second" may be a moment elsewhere)
    elif not extra and definite_words and len(lost) == 1 and not lost[0].approx and 1 < lost[0].value <= 12 \
            and not lost[0].text.startswith("第") and not lost[0].month:
        extra = definite_words  # 三个孩子都来了 ↔ "both children came": a count changed into a word that means two
    if lost and extra and all(m.unit for m in lost + extra) and not {m.unit for m in lost} & {m.unit for m in extra} \
            and not _temperature_misconverted(lost + extra):
        return None  # a unit conversion: 六十公斤 → 130 pounds, 32.2 摄氏度 → 90 degrees
    if extra and not lost and "年" in row.zh_normalized and not any(m.digits and 1000 <= m.value <= 2100 for m in zh):
        # An era year (民国元年, 光绪二十年) converted to the Western calendar (1912); a row the Chinese dates in the
        # Western calendar (2024年11月5日至11月7日) has no era year to convert, and a year it lacks was changed.
        extra = [m for m in extra if not (m.digits and 1000 <= m.value <= 2100)]
    matched = math.log1p(len(zh) - len(lost))  # the row's other numbers agree: it is aligned, and read right
    if renumbered is not None:
        lost, extra = [renumbered[0], *lost], [renumbered[1], *extra]
    return lost, extra, matched


# 首次, 首个, 头一回: the Chinese says *first* without a numeral, so the English *first* changed no ordinal (首次予以警告，
# 第二次起每次扣除 ↔ *a warning for the first occurrence, and RMB 100 for each occurrence thereafter*).
_ZH_FIRST = re.compile(r"首(?:次|个|先|位|届|批|轮|日|场|发|度|季)|头一")
# *First* in these says when or in what order one speaks, not which of several: 刚开始 is *at first*.
_FIRST_AS_WHEN = re.compile(r"(?i)\b(?:at first|first of all|first and foremost|first off|in the first place)\b")
_FIRST = re.compile(r"(?i)\bfirst\b")


def _first_only_as_when(en: str) -> bool:
    """True when every *first* of ``en`` is one of :data:`_FIRST_AS_WHEN` (so it cannot be an ordinal that changed).

    >>> _first_only_as_when("At first you could eat, but by the next year things had gone bad.")
    True
    >>> _first_only_as_when("At first he came in first.")
    False
    """
    return len(_FIRST.findall(en)) == len(_FIRST_AS_WHEN.findall(en))


# 第二天, 第二年: the day or the year after, which English says *the next day*, *the following year*.
_ZH_SECOND_OF_TIME = re.compile(r"第二(?=天|日|年|晚|夜|早|周|星期|个星期|个月)")
_EN_NEXT = re.compile(r"(?i)\b(?:next|following)\b")


def _said_as_next(lost: list[Mention], zh: str, en: str) -> list[Mention]:
    """``lost`` without the 第二 of each 第二天 (第二年, 第二周 ...) that the English says as *next* or *following*.

    >>> [m.text for m in _said_as_next(zh_numbers("第二天清晨，我们先去了显通寺。"), "第二天清晨", "Early the next morning")]
    []
    >>> [m.text for m in _said_as_next(zh_numbers("第二天清晨"), "第二天清晨", "On the third morning")]
    ['第二']
    """
    seconds = len(_ZH_SECOND_OF_TIME.findall(zh)) if "第二" in zh and _EN_NEXT.search(en) else 0
    kept = []
    for mention in lost:
        if seconds and mention.text == "第二":
            seconds -= 1
            continue
        kept.append(mention)
    return kept


def _renumbered_list_item(zh: str, en: str) -> tuple[Mention, Mention] | None:
    """The two numbers of a list item that both sides number, each otherwise (12. ↔ *2.*); None when they agree or
    one side numbers no list.

    A list item numbered on both sides keeps its number: on the development and probe documents, 73 rows number a
    list on both sides, all alike.  Numbered on one side only, it is a heading the translator numbers otherwise or not
    at all (6.片厂 ↔ *The Film Studio*), which the readers leave out.

    >>> [m.text for m in _renumbered_list_item("12. 饮酒后驾驶的，暂扣驾驶证。", "2. Drivers who drink lose the licence.")]
    ['12.', '2.']
    >>> _renumbered_list_item("3、禁止吸烟。", "3) No smoking."), _renumbered_list_item("6.片厂", "The Film Studio")
    (None, None)
    """
    zh_label, en_label = zh_list_number(zh), en_list_number(en)
    if zh_label is None or en_label is None or zh_label.value == en_label.value:
        return None
    return zh_label, en_label


def _dictionary_words(view: RowView) -> list[str]:
    """The row's words for :func:`~corpus_align.text.numbers.zh_numbers`: a word jieba's dictionary lacks, which its
    model guessed, in single characters.

    Only a dictionary word says its numeral is no quantity (三心二意, 统一); a guessed one may glue a numeral to the
    word before it (处七 + 万元 of 处七万元以上罚款, "a fine of 70,000 yuan or more").

    >>> from corpus_align.model import CheckRow
    >>> _dictionary_words(RowView(CheckRow(1, "", "处七万元以上罚款", "")))
    ['处', '七', '万元', '以上', '罚款']
    """
    return [piece for word, tag in view.zh_tags for piece in (word if tag == "oov" else (word,))]


def dropped_numbers(view: RowView) -> list[Mention]:
    """The Chinese numbers written in digits, not hedged, that the English leaves out with no other number in their
    place: a clause dropped with them, or a number left out (``number-mismatch`` reports it as well).

    >>> from corpus_align.model import CheckRow
    >>> [m.text for m in dropped_numbers(RowView(CheckRow(1, "", "它位于距地球约150万公里的L2点。", "It sits at L2.")))]
    []
    >>> [m.text for m in dropped_numbers(RowView(CheckRow(1, "", "市值突破4万亿美元，股价上涨3.2%。", "Shares rose 3.2%.")))]
    ['4万亿']
    """
    unmatched = unmatched_numbers(view)
    if unmatched is None or unmatched[1]:
        return []
    return [m for m in unmatched[0] if _reportable(m)]


def number_message(lost: Sequence[str], extra: Sequence[str]) -> str:
    """The message for numbers of the Chinese (``lost``) and of the English (``extra``) that found no equal.

    >>> number_message(["二十一"], ["twenty-two"])
    'the Chinese has 二十一 but the English has twenty-two'
    >>> number_message(["3", "5"], []), number_message([], ["1990"])
    ('3, 5 in the Chinese are missing from the English', '1990 in the English has no counterpart in the Chinese')
    """
    if lost and extra:
        return f"the Chinese has {', '.join(lost)} but the English has {', '.join(extra)}"
    if lost:
        return f"{', '.join(lost)} in the Chinese {'is' if len(lost) == 1 else 'are'} missing from the English"
    return f"{', '.join(extra)} in the English {'has' if len(extra) == 1 else 'have'} no counterpart in the Chinese"


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
