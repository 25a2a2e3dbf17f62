"""Numbers in Chinese and English as comparable keys: ``3``, ``2021``, ``m3`` (March), ``11``.

Chinese digits and numerals (二十一, 两千零五, 第三) and Arabic digits; English
digits, number words (twenty-one, two thousand) and month names. The aligner
anchors beads on them; the checks compare them.

>>> zh_number_keys("3月11日"), en_number_keys("On March 11 they left.")
(['month:3', '#11'], ['month:3', '#11'])
"""

from __future__ import annotations

import re

ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL_RUN = re.compile(r"(第?)([〇零一二两三四五六七八九十百千万亿]+)(.?)")
_ARABIC = re.compile(r"\d+(?:[.,]\d+)*")
# Numeral runs that are words, not numbers ("very", "in case", "by all means" ...).
_NOT_NUMBERS = frozenset("十分 万一 千万 万万 一一 一二 三三两两 七八 九九 一千 百万".split())
# A single numeral character counts only before one of these (measure words, time units).
_COUNTERS = set(
    "个只条位年月日号天岁点次回件人里斤两元块分秒尺丈张把间层头匹本句声步家口根封种样名部场"
    "碗杯棵颗支座辆架双对套倍成周夜刻碗句行斗升亩"
)

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "twice": 2, "dozen": 12, "pair": 2, "couple": 2, "half": 0,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_NUMBER_WORDS = frozenset(_EN_UNITS) | frozenset(_EN_SCALES)
# The lookahead on first letters lets the regex engine skip most positions:
# three times faster than the bare alternation on a 24,000-sentence book.
# Whole words only: "tended" is not ten, nor "eighties" eight.
_EN_NUMBER_WORDS = re.compile(
    "(?=[" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + r"])\b(?:(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b(?:[- ](?:and[- ])?)?)+",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile("[a-z]+")
_MONTH_NAMES = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")


def chinese_numeral_value(text: str) -> int | None:
    """Return the value of a Chinese numeral (``二十三`` → 23, ``一九八七`` → 1987), or None.

    >>> chinese_numeral_value("两千零五"), chinese_numeral_value("一九八七"), chinese_numeral_value("十")
    (2005, 1987, 10)
    """
    if not text:
        return None
    if all(ch in ZH_DIGITS for ch in text):  # digit by digit, as in years
        return int("".join(str(ZH_DIGITS[ch]) for ch in text)) if len(text) > 1 else ZH_DIGITS[text]
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) or 1
            total = (total + section) * ZH_UNITS[ch]
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * ZH_UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def zh_number_keys(text: str) -> list[str]:
    """Return number and month keys found in Chinese text.

    ``一`` on its own is ignored (it is mostly the article "a"), as are numeral
    words such as ``十分`` ("very").

    >>> zh_number_keys("2021年他们三个人走了二十里路，第五天到了。")
    ['#2021', '#3', '#20', '#5']
    """
    keys: list[tuple[int, str]] = []
    for match in _ARABIC.finditer(text):
        digits = match.group().replace(",", "")
        after = text[match.end() : match.end() + 1]
        try:
            value = int(float(digits))
        except ValueError:
            continue
        keys.append((match.start(), f"month:{value}" if after == "月" and 1 <= value <= 12 else f"#{value}"))
    for match in _ZH_NUMERAL_RUN.finditer(text):
        ordinal, run, after = match.groups()
        if run in _NOT_NUMBERS or run + after in _NOT_NUMBERS or (run == "一" and not ordinal):
            continue
        if len(run) == 1 and not ordinal and after not in _COUNTERS:
            continue
        number = chinese_numeral_value(run)
        if number is None or number == 1 and not ordinal:
            continue
        keys.append((match.start(2), f"month:{number}" if after == "月" and 1 <= number <= 12 else f"#{number}"))
    return [key for _, key in sorted(keys)]


def _english_number(phrase: str) -> int | None:
    total, current = 0, 0
    seen = False
    for word in re.split(r"[- ]+", phrase.lower()):
        if word in ("", "and"):
            continue
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
            seen = True
        elif word in _EN_SCALES:
            scale = _EN_SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            seen = True
    return total + current if seen else None


def en_number_keys(text: str) -> list[str]:
    """Return number and month keys found in English text.

    >>> en_number_keys("Twenty-three men left in 1987, three hundred stayed till May 4.")
    ['#23', '#1987', '#300', 'month:5', '#4']
    """
    keys: list[tuple[int, str]] = []
    for match in _ARABIC.finditer(text):
        try:
            value = int(float(match.group().replace(",", "")))
        except ValueError:
            continue
        keys.append((match.start(), f"#{value}"))
    # Most sentences have no number word nor month: one set test spares them the regexes.
    words = set(_LOWER_WORD.findall(text.lower()))
    for match in () if _NUMBER_WORDS.isdisjoint(words) else _EN_NUMBER_WORDS.finditer(text):
        number = _english_number(match.group())
        if number not in (None, 0, 1):
            keys.append((match.start(), f"#{number}"))
    for match in () if words.isdisjoint(_MONTHS) else _MONTH_NAMES.finditer(text):
        name = match.group(1).lower()
        # "May" is also a modal verb: count it only next to a number.
        if name == "may" and not re.match(r"\s+\d", text[match.end() :]):
            continue
        keys.append((match.start(), f"month:{_MONTHS[name]}"))
    return [key for _, key in sorted(keys)]
