"""Numbers in English: digits, number words, ordinals, fractions, shares, dozens, months, clock times and hedges.

:func:`en_numbers` reads the typed mentions (:class:`~.common.Mention`) the number check compares and the
aligner's keys are built from.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .common import (
    _EN_TABLES,
    SPACED_THOUSANDS,
    Mention,
    clock_times,
    hedged,
    hyphen_named,
    list_number_mention,
    share,
    statistic_arguments,
    thousands_band,
    unit_factor,
    unit_family,
    units_over_ranges,
    year_ranges_and_always,
)

# A run of English number words longer than this is not one number (the longest, "one hundred and
# twenty-three million four hundred and fifty-six thousand ...", has about 100 characters).
MAX_EN_NUMBER_CHARS = 200
# Used with .match(text, position): no ^, which would match only at the start of the text.
_EN_MEASURES = re.compile(r"(?i)(?:[- ]|(?=°))(?:" + "|".join(map(re.escape, _EN_TABLES["measures"])) + r")\b")

_MENTION_WORDS: dict[str, int] = _EN_TABLES["words"]
_EN_WEAK = frozenset(_EN_TABLES["weak"])
_EN_SCALES: dict[str, int] = _EN_TABLES["scales"]
# Ordinals of a scale multiply the number before them as the scale does: the six hundredth year is the 600th.
_EN_ORDINAL_SCALES = {"hundredth": 100, "thousandth": 1000}
_EN_VAGUE: dict[str, tuple[int, int]] = {word: (low, high) for word, (low, high) in _EN_TABLES["ranges"].items()}
_EN_FRACTIONS: dict[str, int] = _EN_TABLES["fractions"]
_EN_FRACTION = re.compile(r"(?i)\b(a|one|two|three|four|five|six|seven|eight|nine)[- ]("
                          + "|".join(sorted(_EN_FRACTIONS, key=len, reverse=True)) + r")\b")
_MONTHS = {month: i + 1 for i, month in enumerate(_EN_TABLES["months"])}
_WORDS = sorted(list(_MENTION_WORDS) + list(_EN_SCALES), key=len, reverse=True)
_EN_HEDGES: dict[str, str] = _EN_TABLES["hedges"]
_EN_HEDGE_WORDS = "|".join(map(re.escape, sorted(_EN_HEDGES, key=len, reverse=True)))  # the longest first; approx. has a dot
# The letters a hedge or a number word starts with: the look-ahead on them lets the scan pass over most
# word boundaries at once instead of trying every hedge and number word there (same matches, half the time).
_EN_NUMBER_FIRSTS = "".join(sorted({word[0] for word in list(_EN_HEDGES) + _WORDS}))
_EN_NUMBER = re.compile(
    # Digits hyphened to a word (COVID-19) are read, as codes; number words hyphened to one (Formula-One) are not.
    r"(?i)\b(?:(?<![A-Za-z][-\u2011\u2212])|(?=\d))(?<!\.)(?=[\d" + _EN_NUMBER_FIRSTS + r"])"
    r"(?:(" + _EN_HEDGE_WORDS + r")\s+)?"
    r"((?:\d{1,3}(?:,\d{2})*(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)*(?:st|nd|rd|th|s)?(?:\s*(?:" + "|".join(_EN_SCALES) + r")){0,2}|"
    r"(?:(?:" + "|".join(_WORDS) + r")(?:[- ](?:and[- ])?(?=(?:" + "|".join(_WORDS) + r")\b))?)+)"
    r"(%| percent| per cent)?(?:\b|(?<=\d)(?=[A-Za-z])|(?<=%))([A-Za-z]*)((?:\s+or\s+(?:so|more))?)"
)
_DIGITS_THEN_SCALE = re.compile(r"(\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?)\s*([A-Za-z]+)?")
_CARDINALS = sorted((w for w, v in _MENTION_WORDS.items() if v > 0 and w != "a" and not w.endswith(("st", "nd", "rd", "th"))),
                    key=len, reverse=True)
_CARDINAL_WORDS = r"\d+|" + "|".join(_CARDINALS) + r"|hundred|thousand|million"
_CARDINAL = "(" + _CARDINAL_WORDS + ")"
_CARDINAL_SET = frozenset(_CARDINALS) | {"hundred", "thousand", "million"}
# A price said as it is spoken, whole units then the hundredths: *one yuan seventy* is 1.70, *two dollars fifty* 2.50.
_EN_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_SPOKEN_PRICE = re.compile(
    r"(?i)\b" + _CARDINAL + r" (?:yuan|kuai|dollars?|bucks?|pounds?|euros?) (?:and )?(ten|" + _EN_TENS_WORDS + r")"
    r"(?:[- ](one|two|three|four|five|six|seven|eight|nine))?"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:a|an|each|apiece|per|for|cents?|pence|fen)\b)"
)  # and with its cents: *one dollar and eighty-seven cents* (一块八毛七)
# A price or a time said as it is spoken, without its unit: *two-forty* (240, or 2.40, or 2:40), *two twenty-five*
# (两百二十五).  Each reading is weak: matched where the other side says one, never missed.
_EN_SPOKEN_HUNDREDS = re.compile(
    r"(?i)(?<![\w-])(one|two|three|four|five|six|seven|eight|nine)[- ](ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|" + _EN_TENS_WORDS + r")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?"
    r"(?![\w-])(?!\s+(?:hundred|thousand|million|billion|percent|per cent)\b)"
)
_NUMBER_WORD_BEFORE = re.compile(r"(?i)\b(?:\d+|" + "|".join(_CARDINALS) + r"|hundred|thousand|and)[- ]$")  # twenty two thirty
# A decimal said in words, its decimals digit by digit: *zero point eight* (0.8), *three point one four*, *one point five
# million*, *two point five percent*; not *at one point two men came in*.
_DIGIT_WORDS = {"zero": 0, "oh": 0} | {word: _MENTION_WORDS[word] for word in "one two three four five six seven eight nine".split()}
_EN_SPOKEN_DECIMAL = re.compile(
    r"(?i)(?<!\bat )\b(zero|" + _CARDINAL_WORDS + r")[ -]point((?:[ -](?:" + "|".join(_DIGIT_WORDS) + r"))+)\b"
    r"(?: (thousand|million|billion))?(\s*(?:percent|per cent|%))?")
_EN_PRICE_UNITS = frozenset("yuan kuai dollar dollars buck bucks pound pounds euro euros".split())
_AM_PM = frozenset(("am", "pm", "m"))  # 5.30pm, 5.30 p.m.: the letters after a dotted clock time
# "two dozen" is 24, "a dozen" 12, as loosely as English uses them (±20 %, like "about").
_EN_DOZEN = re.compile(r"(?i)\b(a|" + _CARDINAL + r")[- ]dozen\b(?!s)")
_EN_HEDGE_BEFORE = re.compile(r"(?i)\b(" + _EN_HEDGE_WORDS + r")\s+$")  # .search(text, 0, start)
# "one in 300", "four-in-ten", "2 out of 5": a share (300分之1, 十分之四), read as a fraction; not the
# "6 in 1739468" of "Python 2.6 in 1739468".
_EN_IN_FRACTION = re.compile(r"(?i)\b(?<![\d.,])" + _CARDINAL + r"[- ](?:in|out[- ]of)[- ](?:a[- ])?"
                             r"(\d{1,3}(?:,\d{3})+|" + _CARDINAL_WORDS + r")"
                             r"(?:[- ](hundred|thousand|million))?\b(?![.,]\d)")  # 1 in 10,000, one in ten thousand
# A part of a hundred or a thousand in the singular, where "of" follows (one hundredth of a second: 百分之一秒); without
# it, the one hundredth anniversary is an ordinal.
_EN_SCALE_FRACTION = re.compile(r"(?i)\b(?:a|one)[- ](" + "|".join(_EN_ORDINAL_SCALES) + r")(?=\s+of\b)")
# A whole number and a fraction, as recipes and old measures write them (5 1/2 hours, 1 1/4 lb, 5½): one number.
_VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR_FRACTION = re.compile("[" + "".join(_VULGAR_FRACTIONS) + "]")
_EN_MIXED_NUMBER = re.compile(r"(?<![\d/.,])(?:(\d{1,4})[ \u00a0](\d)/([2-9]|1[0-6])(?![\d/])|(\d{1,4})?([½¼¾⅓⅔⅛⅜⅝⅞]))")
# A part of an hour is its minutes (a quarter of an hour, an hour and a quarter: 一小时十五分钟).
_OF_AN_HOUR = re.compile(r"(?i)\s+of\s+an\s+hour\b")  # used with .match(text, end of the fraction)
_HOURS_AND = re.compile(r"(?i)\bhours?\s+and\s+$")  # used with .search(text, start - 12, start of the fraction)
_FRACTION_FOLLOWS = re.compile(r"\s+of\b|\s*(?:[.,;:!?)\]]|$)")  # used with .match(text, end of "a third")
_EN_VAGUE_WORD = re.compile(r"\b(" + "|".join(_EN_VAGUE) + r")\b", re.I)
# Full names, and the abbreviations news style uses before a day (Jan. 6, Sept. 11, Oct. 13).
_MONTH_ABBREVIATIONS: dict[str, int] = _EN_TABLES["month_abbreviations"]
# A month's first three letters after a day, as British and Hong Kong dates write them (Wed 12 Feb, 3 Dec 2024).
_MONTH_SHORT = {month[:3]: number for month, number in _MONTHS.items()} | {"sept": 9}
_EN_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b"
                       r"|\b(" + "|".join(a.capitalize() for a in _MONTH_ABBREVIATIONS) + r")(?:\.(?= ?\d)|(?= \d{1,2}\b(?![.,:]\d)))"
                       r"|(?:(?<=(?<![\d.,:])\d )|(?<=(?<![\d.,:])\d\d ))(" + "|".join(a.capitalize() for a in _MONTH_SHORT) + r")\b\.?")
# Midnight and noon (12 点), a quarter past or to the hour.
_EN_CLOCK_WORD = re.compile(r"(?i)\b(midnight|noon)\b")
_EN_QUARTER_HOUR = re.compile(r"(?i)\ba quarter (past|to|after)\b")
# The hour after "a quarter to", which the Chinese clock counts from the hour before: a quarter to eight is 七点四十五分.
# Used with .match(text, end of "a quarter to").
_HOUR_AFTER_TO = re.compile(r"(?i)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9]|1[0-2])\b(?![:.]\d)")
# Thousands set apart by a space, as SI style writes them: 2 000, 12 500 000.
_EN_MONEY_SCALES: dict[str, int] = _EN_TABLES["money_scales"]
_CURRENCY = frozenset("$£€¥")
# A currency's code or abbreviation written against its amount (RM286,500, Rs50, RMB3.5bn) is read as a sign of currency,
# not as letters of a code that name a thing (G318, 19S).
_GLUED_CURRENCY = re.compile(r"(?<![A-Za-z])(?:RM|Rs|Rp|MYR|RMB|CNY|USD|HKD|SGD|TWD|NTD|MOP|AUD|CAD|NZD|EUR|GBP|JPY|KRW|"
                             r"INR|THB|VND|IDR|PHP|CHF)(?=\d)")
# List numbering at the start of a row ("7. Camera", "3、"): a label, not a quantity.
# "4. Other joys", "4.Other joys", "2)Tap"; a row that is only "300." is a number.
_EN_ENUMERATOR = re.compile(r"^\s*\d+\s*(?:\.(?![\d.])|\))\s*(?=\S)")
_HAS_DIGIT = re.compile(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]")  # a digit, or a fraction written as one character
_LOWER_WORD = re.compile("[a-z]+")
# Words that can begin or make a number in English ("a" only with another of them: a hundred, a third).
_EN_NUMBER_WORDS_SET = frozenset(_WORDS) - {"a"}
_EN_FRACTION_WORDS = frozenset(_EN_FRACTIONS)
_EN_VAGUE_SET = frozenset(_EN_VAGUE)
# A vague count of a vague scale: tens of thousands, hundreds of millions.
_VAGUE_MULTIPLES = {"tens": (20, 99), "dozens": (24, 99), "hundreds": (200, 999)}
_VAGUE_SCALES = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
_EN_VAGUE_PRODUCT = re.compile(r"(?i)\b(tens|dozens|hundreds) of (thousands|millions|billions)\b")
_MONTH_SET = frozenset(_MONTHS) | frozenset(_MONTH_ABBREVIATIONS) | frozenset(_MONTH_SHORT)
_EN_TRIGGERS = _EN_NUMBER_WORDS_SET | _EN_VAGUE_SET | _EN_FRACTION_WORDS | _MONTH_SET | {"midnight", "noon"}
_EN_MAY_DATE = re.compile(r"\s+\d")  # "May 4", used with .match(text, position)
_PART_OF_MONTH = re.compile(r"(?i)\b(?:mid|early|late)-$")  # mid-March, used with .search(text, 0, position)


# Years counted in decades or centuries (four decades, three centuries): the count in years, as Chinese says it (四十年).
_ORDINAL_END = re.compile(r"(?i)(?:th|first|second|third)$")
_DECADES_OR_CENTURIES = re.compile(r"(?i)\s+(?:(decades?)|centuries)\b")


def _years_per(after: str) -> int:
    """10 when ``after`` (the text after an English number) starts with *decades*, 100 with *centuries*, else 1.

    >>> _years_per(" decades ago"), _years_per(" centuries"), _years_per(" years")
    (10, 100, 1)
    """
    unit = _DECADES_OR_CENTURIES.match(after)
    return 1 if unit is None else 10 if unit.group(1) else 100


# Metric symbols glued to digits (5km, 3kg) are units, not the letters of a code (3K, 5G).
_GLUED_UNITS = frozenset({"km", "kg", "cm", "mm", "mph", "kph"})


# After an English number, what makes it an hour of the day: 2 p.m., 8pm, eight o'clock.
_EN_HOUR_AFTER = re.compile(r"\s*(?:[ap]\.?m\b\.?|o['’]clock\b)", re.IGNORECASE)


def _en_word_groups(phrase: str, between: bool = False) -> list[tuple[int, str]]:
    """The numbers a run of number words spells: "twenty-one" is one, "one and five" and "a five" are not.

    The unit may come before the tens, as older English counts (*four and twenty*, *an hundred and seven and twenty*),
    except ``between`` two numbers (*between seven and twenty*).

    >>> _en_word_groups("two hundred and five"), _en_word_groups("one and five"), _en_word_groups("a five")
    ([(205, 'two hundred and five')], [(1, 'one'), (5, 'five')], [(5, 'five')])
    >>> _en_word_groups("fourscore and six"), _en_word_groups("nine hundred sixty and nine")
    ([(86, 'fourscore and six')], [(969, 'nine hundred sixty and nine')])
    >>> _en_word_groups("hundred and seven and twenty"), _en_word_groups("seven and twenty", between=True)
    ([(127, 'hundred and seven and twenty')], [(7, 'seven'), (20, 'twenty')])
    >>> _en_word_groups("six hundredth"), _en_word_groups("two thousandth"), _en_word_groups("hundredth")
    ([(600, 'six hundredth')], [(2000, 'two thousandth')], [(100, 'hundredth')])
    """
    tokens = [t for t in re.split(r"[- ]+", phrase) if t]
    groups: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        word = token.lower()
        group = groups[-1]
        previous = group[-1].lower() if group else ""
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if word == "and":
            tens_then_unit = (_MENTION_WORDS.get(previous, 0) in range(20, 100, 10)
                              and 1 <= _MENTION_WORDS.get(following, 0) <= 9)
            unit_then_tens = (not between and 1 <= _MENTION_WORDS.get(previous, 0) <= 9
                              and _MENTION_WORDS.get(following, 0) in range(20, 100, 10) and previous not in ("a", "first"))
            # two hundred and five; fourscore and six; nine hundred sixty and nine, seven and twenty (the King James Bible)
            if previous in _EN_SCALES or previous.endswith("score") or tens_then_unit or unit_then_tens:
                group.append(token)
            elif group:
                groups.append([])
            continue
        if word == "a" and following not in _EN_SCALES:
            continue  # the article before a number word ("a five percent")
        if word in _EN_ORDINAL_SCALES and (previous in _MENTION_WORDS or previous in _EN_SCALES) and previous != "a":
            group.append(token)  # six hundredth
            continue
        if word in _MENTION_WORDS and previous in _MENTION_WORDS:
            tens_then_unit = 20 <= _MENTION_WORDS[previous] <= 90 and _MENTION_WORDS[previous] % 10 == 0 and 1 <= _MENTION_WORDS[word] <= 9
            if not tens_then_unit or previous in ("a",):
                groups.append([token])
                continue
        group.append(token)
    out = []
    for group in groups:
        if group and group[-1].lower() == "and":
            group = group[:-1]
        if not group:
            continue
        total, current = 0, 0
        for token in group:
            word = token.lower()
            if word in _EN_ORDINAL_SCALES and current:
                current *= _EN_ORDINAL_SCALES[word]
            elif word in _MENTION_WORDS:
                current += _MENTION_WORDS[word]
            elif word in _EN_SCALES:
                current = (current or 1) * _EN_SCALES[word]
                if _EN_SCALES[word] >= 1000:
                    total, current = total + current, 0
        out.append((total + current, " ".join(group)))
    if len(out) == 1 and len(tokens) == len(groups[0]):
        out = [(out[0][0], phrase)]  # keep the hyphens: twenty-one
    return out


def en_list_number(text: str) -> Mention | None:
    """The number of the list item ``text`` opens with (``2.``, ``2)``), or None.

    >>> en_list_number("2. A driver who drives after drinking...").value, en_list_number("300.")
    (2.0, None)
    """
    return list_number_mention(_EN_ENUMERATOR.match(text))


# A move of Chinese chess in the notation of English commentary: piece, file, direction (+ forward, - back, = across),
# file or distance (C2=5, H8+7, R9-1).
_EN_XIANGQI_MOVE = re.compile(r"\b[KAEBHNRCP][1-9][+=\-.][1-9]\b")


def en_numbers(text: str) -> list[Mention]:
    """Numbers in English text: digits, number words, ordinals, fractions, months; "one" and "a" alone are skipped.

    >>> [(m.value, m.approx) for m in en_numbers("3.5 million, the 21st, 50% and hundreds of men")]
    [(3500000, False), (21, False), (50, False), (200, True)]
    >>> [m.span for m in en_numbers("more than three hundred, about five, the fifteenth")]
    [(300, 399.9), (4.0, 6.0), (15, 15)]
    """
    # Each pattern runs only when the sentence has a digit or a word it needs: most have none.
    has_digit = _HAS_DIGIT.search(text) is not None
    if has_digit:
        text = _GLUED_CURRENCY.sub(lambda code: " " * (len(code.group()) - 1) + "$", text)  # RM286,500 as $286,500
    present = set(_LOWER_WORD.findall(text.lower()))
    if not has_digit and _EN_TRIGGERS.isdisjoint(present):
        return []
    found: list[tuple[int, Mention]] = []
    masked = bytearray(len(text) + 1)  # one flag per character: list numbering, fractions, times

    def mask(start: int, end: int) -> None:
        masked[start:end] = b"\x01" * (end - start)

    enumerator = _EN_ENUMERATOR.match(text)
    if enumerator:
        mask(0, enumerator.end())
    for match in _EN_XIANGQI_MOVE.finditer(text) if has_digit else ():
        mask(*match.span())  # a move of Chinese chess (R9=8, H2+3): the files of a code, as 车9平8 is in the Chinese
    for match in () if _EN_FRACTION_WORDS.isdisjoint(present) else _EN_FRACTION.finditer(text):
        if _EN_QUARTER_HOUR.match(text, match.start()):
            continue  # a quarter past eight: fifteen minutes, read below
        if match.group(1).lower() == "a" and match.group(2).lower() in _MENTION_WORDS and not _FRACTION_FOLLOWS.match(text, match.end()):
            continue  # "a third way" is an ordinal; "a third of them", "by a third." are fractions
        numerator = 1 if match.group(1).lower() in ("a", "one") else _MENTION_WORDS[match.group(1).lower()]
        denominator = _EN_FRACTIONS[match.group(2).lower()]
        # As many parts as make a whole or more count the parts: "two halves" of a match, "four quarters" (两个半场, 四节).
        value = numerator if numerator >= denominator else share(numerator / denominator)
        if value < 1 and denominator == 4 and (_OF_AN_HOUR.match(text, match.end())
                                                or _HOURS_AND.search(text, max(0, match.start() - 12), match.start())):
            value = round(60 * numerator / denominator)  # a quarter of an hour, an hour and a quarter: 十五分钟
        found.append((match.start(), Mention(value, False, False, match.group())))
        mask(*match.span())
    for match in _EN_SCALE_FRACTION.finditer(text) if "of" in present and not _EN_ORDINAL_SCALES.keys().isdisjoint(present) else ():
        found.append((match.start(), Mention(share(1 / _EN_ORDINAL_SCALES[match.group(1).lower()]), False, False, match.group())))
        mask(*match.span())
    for match in _EN_DOZEN.finditer(text) if "dozen" in present else ():
        count = 1 if match.group(1).lower() == "a" else _cardinal_value(match.group(1))
        if count:
            # More than a dozen: 12 to 23, counted in dozens; nearly a dozen: up to 12.
            hedge_before = _EN_HEDGE_BEFORE.search(text, 0, match.start())
            low, high = hedged(count * 12, _EN_HEDGES[hedge_before.group(1).lower()] if hedge_before else "about",
                               place=count * 12)
            found.append((match.start(), Mention(count * 12, True, match.group(1).isdigit(), match.group(), low, high)))
            mask(*match.span())
    for match in _EN_SPOKEN_PRICE.finditer(text) if not _EN_PRICE_UNITS.isdisjoint(present) else ():
        whole = _cardinal_value(match.group(1))
        if whole and whole < 1000 and not masked[match.start()]:
            hundredths = (_cardinal_value(match.group(2)) or 0) + (_cardinal_value(match.group(3) or "") or 0)
            found.append((match.start(), Mention(round(whole + hundredths / 100, 2), False, match.group(1).isdigit(), match.group())))
            mask(*match.span())
    for match in _EN_SPOKEN_HUNDREDS.finditer(text) if not _EN_NUMBER_WORDS_SET.isdisjoint(present) else ():
        if not masked[match.start()] and not _NUMBER_WORD_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            whole, tens = _MENTION_WORDS[match.group(1).lower()], _MENTION_WORDS[match.group(2).lower()]
            tens += _MENTION_WORDS[match.group(3).lower()] if match.group(3) else 0
            found.extend((match.start(), Mention(value, False, False, match.group(), weak=True))
                         for value in (whole * 100 + tens, round(whole + tens / 100, 2), whole, tens))
            mask(*match.span())
    for match in _EN_SPOKEN_DECIMAL.finditer(text) if "point" in present else ():
        whole = 0 if match.group(1).lower() == "zero" else _cardinal_value(match.group(1))
        if whole is not None and not masked[match.start()]:
            decimals = "".join(str(_DIGIT_WORDS[word.lower()]) for word in re.split(r"[ -]", match.group(2).strip(" -")))
            value = float(f"{whole}.{decimals}") * (_EN_SCALES[match.group(3).lower()] if match.group(3) else 1)
            found.append((match.start(), Mention(int(value) if value == int(value) else value, False, False, match.group(),
                                                 percent=bool(match.group(4)))))
            mask(*match.span())
    shares = ("in" in present or "out" in present) and (has_digit or not _CARDINAL_SET.isdisjoint(present))
    for match in _EN_IN_FRACTION.finditer(text) if shares else ():
        part, whole = _cardinal_value(match.group(1)), _cardinal_value(match.group(2).replace(",", ""))
        if whole and match.group(3):
            whole *= _EN_SCALES[match.group(3).lower()]
        if part and whole and part < whole:
            found.append((match.start(), Mention(share(part / whole), False, match.group(1).isdigit(), match.group())))
            mask(*match.span())
    for span, mentions in clock_times(text) if has_digit and (":" in text or not _AM_PM.isdisjoint(present)) else ():
        found.extend(mentions)
        mask(*span)
    for span, mentions in year_ranges_and_always(text) + statistic_arguments(text) if has_digit else ():
        found.extend(mentions)
        mask(*span)
    for match in _EN_CLOCK_WORD.finditer(text) if "midnight" in present or "noon" in present else ():
        found.append((match.start(), Mention(12, True, False, match.group(), weak=True)))
    for match in _EN_QUARTER_HOUR.finditer(text) if "quarter" in present else ():
        found.append((match.start(), Mention(45 if match.group(1).lower() == "to" else 15, True, False, match.group(), weak=True)))
        mask(match.start(), match.end())
        hour = _HOUR_AFTER_TO.match(text, match.end()) if match.group(1).lower() == "to" else None
        if hour is not None:
            said = int(hour.group(1)) if hour.group(1).isdigit() else _MENTION_WORDS[hour.group(1).lower()]
            found.append((hour.start(1), Mention(12 if said == 1 else said - 1, False, hour.group(1).isdigit(), hour.group(1))))
            found.append((hour.start(1), Mention(said, False, hour.group(1).isdigit(), hour.group(1), weak=True)))
            mask(hour.start(1), hour.end(1))
    for match in _EN_MIXED_NUMBER.finditer(text) if has_digit and ("/" in text or _VULGAR_FRACTION.search(text)) else ():
        if not masked[match.start()]:
            wholes = int(match.group(1) or match.group(4) or 0)
            fraction = _VULGAR_FRACTIONS[match.group(5)] if match.group(5) else int(match.group(2)) / int(match.group(3))
            found.append((match.start(), Mention(round(wholes + fraction, 4) if wholes else share(fraction), False, True, match.group())))
            mask(*match.span())
    for match in SPACED_THOUSANDS.finditer(text) if has_digit and " " in text else ():
        if not masked[match.start()]:
            found.append((match.start(), Mention(int(match.group().replace(" ", "")), False, True, match.group())))
            mask(*match.span())
    for match in _EN_NUMBER.finditer(text) if has_digit or not _EN_NUMBER_WORDS_SET.isdisjoint(present) else ():
        if masked[match.start(2)]:
            continue
        hedge, body, percent, glued, or_more = match.groups()
        hedge = _EN_HEDGES[hedge.lower()] if hedge else ("above" if "more" in or_more else "about" if or_more else "")
        if body[0].isdigit():
            split = _DIGITS_THEN_SCALE.fullmatch(body)  # "3 million", "£3million"
            parts = [part for part in split.groups() if part] if split else body.split()
            # The 1960s, '60s, the 1980's.
            decade = bool(re.match(r"\d+0s$", parts[0])) or (len(parts) == 1 and parts[0].isdigit() and parts[0].endswith("0")
                                                            and text.startswith(("'s", "’s"), match.end(2)))
            digits = re.sub(r"(st|nd|rd|th|s)$", "", parts[0]).replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                continue
            glued_unit = ""
            if len(parts) > 1 and not all(scale.lower() in _EN_SCALES for scale in parts[1:]):
                glued = "".join(parts[1:])  # 19S, a route: the ordinal's s in capitals read a letter glued on, which names a thing
            elif len(parts) > 1:
                value *= math.prod(_EN_SCALES[scale.lower()] for scale in parts[1:])  # 3 million; 5 lakh crore (5 × 10^12)
            elif glued.lower() in _EN_MONEY_SCALES and text[max(0, match.start(2) - 1) : match.start(2)] in _CURRENCY:
                value *= _EN_MONEY_SCALES[glued.lower()]  # £10m, $2bn: ten million pounds, not a code
                glued = ""
            elif glued == "k" or glued == "K" and (bool(hedge) or thousands_band(text, match.start(2))):
                # 100k meters, 5k a day, over 5K, 40K-60K: thousands (an unhedged lone capital K names a thing: 4K, a 10K run)
                value *= 1000
                body, glued = body + "k", ""
            elif glued.lower() in _GLUED_UNITS:
                glued_unit, glued = glued, ""  # 5km, 3kg: a length, a weight
            if not math.isfinite(value):
                continue  # hundreds of digits: not a quantity, and no integer value
            value = int(value) if value == int(value) else value
            if decade and 1000 <= value < 2000 and value % 100 == 0:  # the 1800s: the nineteenth century (19世纪)
                found.append((match.start(2), Mention(value // 100 + 1, True, True, body, value, value + 99)))
                continue
            if decade:
                found.append((match.start(2), Mention(value, True, True, body, value, value + 9, decade=True)))
                continue
            value *= _years_per(text[match.end(2) : match.end(2) + 12])  # 6 decades: 60 年
            low, high = hedged(value, hedge)
            unit = _EN_MEASURES.match(text, match.end(2))
            unit_word = unit.group() if unit else glued_unit
            code = bool(glued) or (hyphen_named(text, match.start(2)) and not thousands_band(text, match.start(2)))
            found.append((match.start(2), Mention(value, bool(hedge), True, body, low, high, code=code,
                                                  unit=unit_family(unit_word) if unit_word else "",
                                                  factor=unit_factor(unit_word), percent=bool(percent),
                                                  clock=bool(_EN_HOUR_AFTER.match(text, match.end(2))))))
            continue
        if len(body) > MAX_EN_NUMBER_CHARS:
            continue  # its value would be a product of thousands of scale words
        before = text[max(0, match.start(2) - 9) : match.start(2)].lower()
        after = text[match.end(2) : match.end(2) + 12]
        unit = _EN_MEASURES.match(after)
        for value, words in _en_word_groups(body, between=before.rstrip().endswith("between")):
            if value < 1:
                if words.lower() == "zero":  # zero, (0,0): matched when the other side has a 0, never reported
                    found.append((match.start(2), Mention(0, True, False, words, weak=True)))
                continue
            if value == 1:
                if words.lower() in ("first", "one"):  # matches 第一, 百分之一; never reported alone
                    found.append((match.start(2), Mention(1, True, False, words, weak=True)))
                continue
            if all(word in _EN_SCALES for word in words.lower().split()):  # bare scale words: "a few hundred", "parts
                # per million", "several hundred thousand"
                if before.endswith(("few ", "several ")):
                    found.append((match.start(2), Mention(value * 2, True, False, words, value * 2, value * 9)))
                else:
                    found.append((match.start(2), Mention(value, True, False, words, weak=True)))
                continue
            if not _ORDINAL_END.search(words):  # the eighteenth century is the 18th, not 1,800 years
                value *= _years_per(after)  # four decades: 四十年; three centuries: 三百年
            weak = words.lower() in _EN_WEAK
            low, high = hedged(value, hedge)
            found.append((match.start(2), Mention(value, bool(hedge) or weak, False, words, low, high, weak=weak,
                                                  unit=unit_family(unit.group()) if unit else "",
                                                  factor=unit_factor(unit.group()) if unit else 1.0, percent=bool(percent),
                                                  clock=bool(_EN_HOUR_AFTER.match(after)))))
    for match in () if present.isdisjoint(_VAGUE_SCALES) else _EN_VAGUE_PRODUCT.finditer(text):
        # Tens of thousands is 20,000 to 99,999 (数万), not thousands; hundreds of millions, 200,000,000 and more.
        (low, high), scale = _VAGUE_MULTIPLES[match.group(1).lower()], _VAGUE_SCALES[match.group(2).lower()]
        found.append((match.start(), Mention(low * scale, True, False, match.group(), low * scale, (high + 1) * scale - 1,
                                             weak=True)))
        masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in () if _EN_VAGUE_SET.isdisjoint(present) else _EN_VAGUE_WORD.finditer(text):
        if masked[match.start()]:
            continue  # the dozen of "two dozen", the thousands of "tens of thousands", read above
        low, high = _EN_VAGUE[match.group(1).lower()]
        found.append((match.start(), Mention(low, True, False, match.group(1), low, high, weak=True)))
    for match in () if _MONTH_SET.isdisjoint(present) else _EN_MONTH.finditer(text):
        if match.group(2) or match.group(3):
            number = _MONTH_ABBREVIATIONS[match.group(2).lower()] if match.group(2) else _MONTH_SHORT[match.group(3).lower()]
            found.append((match.start(), Mention(number, False, False, match.group(), month=True)))
            continue
        name = match.group(1).lower()
        # "May" is also a modal verb, capitalised only where a sentence starts: elsewhere it is the month.
        if name == "may" and not _EN_MAY_DATE.match(text, match.end()) and _at_sentence_start(text, match.start()):
            continue
        if (name in ("march",) and not re.search(r"\d", text[match.end() : match.end() + 6])
                and match.start() > 0 and text[match.start() - 1 : match.start()] != " "
                and not _PART_OF_MONTH.search(text, 0, match.start())):
            continue  # 'March!' is an order; mid-March (3月中旬) is the month
        if name == "march" and text.endswith("Long ", max(0, match.start() - 5), match.start()):
            continue  # the Long March (长征), and the rockets named after it (Long March-8, Long March 5)
        found.append((match.start(), Mention(_MONTHS[name], False, False, match.group(1), month=True)))
    return _scores_out_of(text, units_over_ranges(text, _denominators_over_ranges(text, _scales_over_ranges(
        text, _inches_after_feet(text, _years_and_units(text, _and_a_half(text, found)))))))


_OUT_OF_BEFORE = re.compile(r"\d(?:\.\d+)?\s+out\s+of\s+$")  # used with .search(text, start - 20, start)


def _scores_out_of(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions with the scale a score is out of made weak: *4.8 out of 5* for 4.8分, which need not say its 5.

    >>> [(m.value, m.weak) for m in en_numbers("5 stars: rated 4.8 out of 5 by 120 users")]
    [(5, False), (4.8, False), (5, True), (120, False)]
    """
    if "out of" not in text:
        return found
    out, position = [], 0
    for mention in found:  # in the order they are written
        at = text.find(mention.text, position)
        if at >= 0:
            position = at + 1
            if not mention.weak and _OUT_OF_BEFORE.search(text, max(0, at - 20), at):
                mention = replace(mention, weak=True)
        out.append(mention)
    return out


# Older English puts the years between the tens and the units: threescore years and ten (70), ninety years old and nine.
_YEARS_AND = re.compile(r"(?i)\s+years(?:\s+old)?\s+and\s+")
_ENDS_A_COUNT = re.compile(r"\s*(?:[,.;:!?)]|$|years?\b)")  # after the units: not "and ten of his children"


def _years_and_units(text: str, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The mentions with the tens and the units that *years and* parts made one (*threescore years and ten* is 70).

    >>> [(m.text, m.value) for m in en_numbers("threescore years and ten; ninety years old and nine. Fifty years and ten of us")]
    [('threescore years and ten', 70), ('ninety years old and nine', 99), ('Fifty', 50), ('ten', 10)]
    """
    out: list[tuple[int, Mention]] = []
    for start, mention in sorted(found, key=lambda item: item[0]):
        if out:
            before_start, tens = out[-1]
            joined = _YEARS_AND.match(text, before_start + len(tens.text))
            if (joined is not None and joined.end() == start and tens.value >= 20 and tens.value % 10 == 0
                    and 0 < mention.value < 20 and mention.value == int(mention.value)
                    and _ENDS_A_COUNT.match(text, start + len(mention.text))):
                end = start + len(mention.text)
                out[-1] = (before_start, replace(tens, value=tens.value + mention.value, text=text[before_start:end]))
                continue
        out.append((start, mention))
    return out


# A range that says its scale once, after its second end: 3 to 5 million, 2-3 billion, between 100 and 400 billion.
_SCALE_RANGE_JOINER = re.compile(r"(?i)\s*(?:[-–—~]|to|or|and)\s*")
_SCALE_AT_END = re.compile(r"(?i)(?:^|[\d\s])(" + "|".join(_EN_SCALES) + r")$")


def _scales_over_ranges(text: str, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The mentions with the first end of a range given the scale written after the second (*3 to 5 million*: 3 million).

    The first end must be smaller than the second without its scale, or, in a range that runs down (*388 to 383
    million years ago*), less than ten times it; *and* joins a range only after *between*.

    >>> [(m.text, m.value) for m in en_numbers("3 to 5 million; between 100 and 400 billion; 300 and 5 million")]
    [('3', 3000000), ('5 million', 5000000), ('100', 100000000000), ('400 billion', 400000000000), ('300', 300), ('5 million', 5000000)]
    >>> [(m.text, m.value) for m in en_numbers("388 to 383 million years ago; from 1,000 to 5 million")]
    [('388', 388000000), ('383 million', 383000000), ('1,000', 1000), ('5 million', 5000000)]
    """
    out = sorted(found, key=lambda item: item[0])
    for i in range(len(out) - 1):
        (start, first), (next_start, second) = out[i], out[i + 1]
        scale = _SCALE_AT_END.search(second.text)
        end = start + len(first.text)
        joiner = _SCALE_RANGE_JOINER.fullmatch(text, end, next_start) if end <= next_start else None
        if scale is None or joiner is None or _SCALE_AT_END.search(first.text) or first.weak or first.percent:
            continue
        if joiner.group().strip().lower() == "and" and not text[max(0, start - 8) : start].lower().rstrip().endswith("between"):
            continue
        size = _EN_SCALES[scale.group(1).lower()]
        # A range may run down (*388 to 383 million years ago*), within one order of magnitude.
        downwards = joiner.group().strip().lower() not in ("and", "or") and first.value < 10 * second.value / size
        if 0 < first.value < second.value / size or downwards:
            low, high = (first.low * size, first.high * size) if first.low >= 0 else (first.low, first.high)
            out[i] = (start, replace(first, value=first.value * size, low=low, high=high))
    return out


def _denominators_over_ranges(text: str, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The mentions with the first end of a range of fractions given the denominator written after the second
    (*nine or eight tenths*: nine tenths, 0.9; *two or three quarters*).

    >>> [(m.text, m.value) for _, m in _denominators_over_ranges("nine or eight tenths", [(0, Mention(9, False, False, "nine")),
    ...                                                          (8, Mention(0.8, False, False, "eight tenths"))])]
    [('nine', 0.9), ('eight tenths', 0.8)]
    """
    out = sorted(found, key=lambda item: item[0])
    for i in range(len(out) - 1):
        (start, first), (next_start, second) = out[i], out[i + 1]
        denominator = _EN_FRACTIONS.get(second.text.rsplit(" ", 1)[-1].lower()) if " " in second.text else None
        end = start + len(first.text)
        if (denominator and 0 < first.value < denominator and first.value == int(first.value) and not first.digits
                and end <= next_start and _SCALE_RANGE_JOINER.fullmatch(text, end, next_start)):
            out[i] = (start, replace(first, value=share(first.value / denominator)))
    return out


# A height in feet and inches: five foot ten, 6-foot-2, 5 ft 10 (in).
_FEET_THEN = re.compile(r"(?i)[- ](?:foot|feet|ft\.?)[- ]")  # used with .match(text, end of the feet)


def _inches_after_feet(text: str, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The mentions with the inches of a height in feet and inches given the feet's unit (*five foot ten* is one
    length, which a height in metres converts).

    >>> [(m.text, m.unit) for _, m in _inches_after_feet("five foot ten", [(0, Mention(5, False, False, "five",
    ...     unit="imperial-length")), (10, Mention(10, False, False, "ten"))])]
    [('five', 'imperial-length'), ('ten', 'imperial-length')]
    """
    out = sorted(found, key=lambda item: item[0])
    for i in range(len(out) - 1):
        (start, feet), (next_start, inches) = out[i], out[i + 1]
        then = _FEET_THEN.match(text, start + len(feet.text))
        if (feet.unit == "imperial-length" and not inches.unit and 0 <= inches.value < 12 and then is not None
                and then.end() == next_start):
            out[i + 1] = (next_start, replace(inches, unit=feet.unit))
    return out


# What joins a whole number to its half (two-and-a-half-stage), its unit between them as older English writes it (nine
# hours and a half, eleven dollars and a half: 九个半钟头, 十一块半).
_AND_A_HALF = re.compile(r"(?i)(?:\s+(?:hours?|days?|weeks?|months?|years?|minutes?|miles?|yards?|feet|inches|pints?|"
                         r"gallons?|dollars?|pounds?|shillings?|cents?|yuan|kuai|li))?\s+and\s+|-and-")


def _and_a_half(text: str, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The mentions with a whole number and the *a half* that follows it made one (*three and a half* is 3.5).

    >>> [(m.text, m.value, m.unit) for _, m in _and_a_half("two and a half hours", [(0, Mention(2, False, False, "two")),
    ...                                                        (8, Mention(0.5, False, False, "a half"))])]
    [('two and a half', 2.5, 'duration')]
    >>> [m.span for m in en_numbers("about two and a half hours")]
    [(2.0, 3.0)]
    >>> [(m.text, m.value) for m in en_numbers("a two-and-a-half-stage rocket, two and a half thousand years")]
    [('two-and-a-half', 2.5), ('two and a half thousand', 2500.0)]
    """
    out: list[tuple[int, Mention]] = []
    for start, mention in sorted(found, key=lambda item: item[0]):
        if out and mention.text.lower() in ("a half", "a-half") and mention.value == 0.5:
            before_start, before = out[-1]
            # (A mention's start may be that of its token: *two* of *a two-and-a-half-stage* starts at the *a*.)
            said_at = max(before_start, text.rfind(before.text, before_start, start))
            gap = text[said_at + len(before.text) : start]
            if 0 < before.value == int(before.value) and _AND_A_HALF.fullmatch(gap):
                end = start + len(mention.text)
                unit = _EN_MEASURES.match(text, end)
                unit_word = unit.group() if unit else ""
                # A hedge's range moves with the number: about two and a half is 2-3, not the 1.6-2.4 of about two.
                scale = (before.value + 0.5) / before.value
                low, high = (before.low * scale, before.high * scale) if before.low >= 0 else (before.low, before.high)
                out[-1] = (before_start, replace(before, value=before.value + 0.5, low=low, high=high,
                                                 text=text[said_at:end], weak=False,
                                                 approx=before.approx and not before.weak,
                                                 unit=unit_family(unit_word) if unit_word else before.unit,
                                                 factor=unit_factor(unit_word) if unit_word else before.factor))
                continue
        if out and mention.weak and mention.text.lower() in _EN_SCALES and out[-1][1].text.lower().endswith("half"):
            before_start, before = out[-1]
            if text[before_start + len(before.text) : start].strip(" -") == "":
                # Two and a half thousand years (两千五百年): the scale takes the whole number and its half.
                scale = _EN_SCALES[mention.text.lower()]
                out[-1] = (before_start, replace(before, value=before.value * scale, low=before.low * scale if before.low >= 0 else -1.0,
                                                 high=before.high * scale if before.low >= 0 else -1.0,
                                                 text=text[before_start : start + len(mention.text)]))
                continue
        out.append((start, mention))
    return out


def _cardinal_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    word = word.lower()
    return _EN_SCALES.get(word) or _MENTION_WORDS.get(word)


def _at_sentence_start(text: str, position: int) -> bool:
    """True when only spaces, quotes or brackets stand between ``position`` and the start or the last sentence stop.

    >>> _at_sentence_start("May I come? He said so.", 0), _at_sentence_start("He left in May.", 11)
    (True, False)
    """
    before = text[:position].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?…:;"
