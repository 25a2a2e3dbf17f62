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

>>> zh_numbers("他二十一岁，3月11日到了十多万人的城市。")
[Mention(value=21, approx=False, digits=False, text='二十一'), Mention(value=3, approx=False, digits=True, text='3月'), Mention(value=11, approx=False, digits=True, text='11'), Mention(value=100000, approx=True, digits=False, text='十多万')]
>>> en_numbers("On March 11 over one hundred thousand people, aged twenty-one.")
[Mention(value=3, approx=False, digits=False, text='March'), Mention(value=11, approx=False, digits=True, text='11'), Mention(value=100000, approx=True, digits=False, text='one hundred thousand'), Mention(value=21, approx=False, digits=False, text='twenty-one')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .context import CheckContext
from .registry import register

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_NUMERAL = "〇零一二两三四五六七八九十百千万亿"
_APPROX_ZH = "多余几来"
# A Chinese number: digits or numerals, an approximation mark, a 万/亿 scale, a percentage.
_ZH_NUMBER = re.compile(
    rf"(百分之)?(第)?((?:\d+(?:\.\d+)?)|[{_NUMERAL}]+)([{_APPROX_ZH}]?)([万亿]?)(%|％)?(.?)"
)
# Numeral runs that are words, not numbers.
_ZH_NOT_NUMBERS = frozenset(
    "十分 万一 千万 万万 一一 三三两两 九九 万分 百般 千百 万千 一二 七八 十足 百百".split()
)
_COUNTERS = set("个只条位年月日号天岁点次回件人里斤两元块分秒尺丈张把间层头匹本句声步家口根封种样名部场碗杯棵颗支座辆架双对套倍成周夜刻行斗升亩米公吨克圈页章集届代辈")

_EN_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "one": 1, "a": 1,
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100, "thousandth": 1000, "first": 1,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Plural scales ("hundreds of", "dozens") are approximate: they match any compatible number.
_EN_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1_000_000, "dozen": 12,
             "couple": 2, "pair": 2, "both": 2, "twice": 2, "double": 2, "twins": 2, "triple": 3, "thrice": 3}
_MONTHS = {m: i + 1 for i, m in enumerate("january february march april may june july august september october november december".split())}
_WORDS = sorted(list(_EN_UNITS) + list(_EN_SCALES), key=len, reverse=True)
_EN_NUMBER = re.compile(
    r"(?i)\b(?:(over|more than|about|almost|nearly|some|around|roughly|less than|under|at least|up to)\s+)?"
    r"(\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?:\s+(?:hundred|thousand|million|billion))?|"
    r"(?:(?:" + "|".join(_WORDS) + r")(?:[- ](?:and[- ])?(?=(?:" + "|".join(_WORDS) + r")\b))?)+)(%| percent| per cent)?\b"
)
_EN_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")


@dataclass(frozen=True)
class Mention:
    """A number found in one side: its value, whether it is approximate, whether written in digits."""

    value: int
    approx: bool
    digits: bool
    text: str


def _numeral_value(text: str) -> int | None:
    if all(ch in _ZH_DIGITS for ch in text):
        if len(text) >= 3:  # a year read digit by digit: 一九八七
            return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
        return _ZH_DIGITS[text[0]] if len(text) == 1 else None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) or 1
            total = (total + section) * _ZH_UNITS[ch]
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def zh_numbers(text: str, words: list[str] | None = None) -> list[Mention]:
    """Numbers in (normalized, Simplified) Chinese text.

    A numeral inside a dictionary word that is not a number (``十分`` "very",
    ``七嘴八舌``) is skipped when ``words`` (the jieba words) are given; a
    lone ``一`` is the article "a" and is skipped too.

    >>> [m.value for m in zh_numbers("百分之五十的人走了两三里，第五天是2021年")]
    [50, 2, 3, 5, 2021]
    """
    spans_in_words: list[tuple[int, int]] = []
    if words:
        position = 0
        for word in words:
            start = text.find(word, position)
            if start < 0:
                continue
            position = start + len(word)
            if len(word) >= 2 and re.search(f"[{_NUMERAL}]", word) and not re.fullmatch(
                rf"[第]?[{_NUMERAL}{_APPROX_ZH}]+[{''.join(_COUNTERS)}]?", word
            ):
                spans_in_words.append((start, position))
    found: list[Mention] = []
    for match in _ZH_NUMBER.finditer(text):
        percent, ordinal, run, approx, scale, percent_sign, after = match.groups()
        start = match.start(3)
        if any(a <= start < b for a, b in spans_in_words):
            continue
        if run[0].isdigit():
            try:
                value = float(run)
            except ValueError:
                continue
            if scale:
                value *= _ZH_UNITS[scale]
            if after == "月" and not approx and not scale and 1 <= value <= 12:
                found.append(Mention(int(value), False, True, run + "月"))
                continue
            found.append(Mention(int(value), bool(approx), True, match.group(0).rstrip(after) if after else match.group(0)))
            continue
        if run in _ZH_NOT_NUMBERS or text[match.start(3) : match.start(3) + 4] in _ZH_NOT_NUMBERS:
            continue
        if len(run) == 2 and all(ch in _ZH_DIGITS for ch in run) and _ZH_DIGITS[run[1]] - _ZH_DIGITS[run[0]] == 1:
            # 两三, 七八: "two or three"
            found += [Mention(_ZH_DIGITS[ch], True, False, run) for ch in run]
            continue
        if len(run) == 1 and not (ordinal or percent or approx or scale) and after not in _COUNTERS:
            continue
        value = _numeral_value(run + (scale or ""))
        if value is None or (value == 1 and not ordinal and not percent):
            continue
        if after == "月" and 1 <= value <= 12 and not approx:
            found.append(Mention(value, False, False, run + "月"))
            continue
        found.append(Mention(value, bool(approx), False, (percent or "") + (ordinal or "") + run + approx + (scale or "")))
    return found


def _en_words_value(phrase: str) -> int | None:
    total, current, seen = 0, 0, False
    for word in re.split(r"[- ]+", phrase.lower()):
        if word in ("", "and"):
            continue
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
            seen = True
        elif word in _EN_SCALES:
            current = (current or 1) * _EN_SCALES[word]
            if _EN_SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
    return total + current if seen else None


def en_numbers(text: str) -> list[Mention]:
    """Numbers in English text: digits, number words, months; "one" and "a" alone are skipped.

    >>> [(m.value, m.approx) for m in en_numbers("3.5 million, the 21st, 50% and hundreds of men")]
    [(3500000, False), (21, False), (50, False), (100, True)]
    """
    found: list[tuple[int, Mention]] = []
    for match in _EN_NUMBER.finditer(text):
        hedge, body, _percent = match.groups()
        if body[0].isdigit():
            parts = body.split()
            digits = re.sub(r"(st|nd|rd|th)$", "", parts[0]).replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                continue
            if len(parts) > 1:
                value *= _EN_SCALES[parts[1].lower()]
            found.append((match.start(2), Mention(int(value), bool(hedge), True, body)))
            continue
        value = _en_words_value(body)
        if value is None or value <= 1:
            continue
        found.append((match.start(2), Mention(value, bool(hedge), False, body)))
    for match in re.finditer(r"\b(" + "|".join(_EN_VAGUE) + r")\b", text, re.I):
        found.append((match.start(), Mention(_EN_VAGUE[match.group(1).lower()], True, False, match.group(1))))
    for match in _EN_MONTH.finditer(text):
        name = match.group(1).lower()
        if name == "may" and not re.match(r"\s+\d", text[match.end() :]):
            continue
        if name in ("march",) and not re.search(r"\d", text[match.end() : match.end() + 6]) and match.start() > 0 and text[match.start() - 1 : match.start()] != " ":
            continue
        found.append((match.start(), Mention(_MONTHS[name], False, False, match.group(1))))
    return [m for _, m in sorted(found, key=lambda pair: pair[0])]


def _compatible(a: Mention, b: Mention) -> bool:
    if a.value == b.value:
        return True
    if a.approx or b.approx:
        low, high = sorted((a.value, b.value))
        return low > 0 and high < low * 10
    return False


def match_numbers(zh: list[Mention], en: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Pair equal (or compatible approximate) numbers; return the unmatched ones of each side.

    >>> match_numbers([Mention(3, False, True, "3")], [Mention(4, False, False, "four")])
    ([Mention(value=3, approx=False, digits=True, text='3')], [Mention(value=4, approx=False, digits=False, text='four')])
    """
    left = list(en)
    unmatched_zh = []
    for mention in zh:  # exact matches first, then approximate ones
        exact = next((m for m in left if m.value == mention.value), None)
        if exact is not None:
            left.remove(exact)
        else:
            unmatched_zh.append(mention)
    still = []
    for mention in unmatched_zh:
        near = next((m for m in left if _compatible(mention, m)), None)
        if near is not None:
            left.remove(near)
        else:
            still.append(mention)
    # An English number repeated ("two ... the two of them") is matched once is enough.
    matched_values = {m.value for m in en if m not in left} | {m.value for m in zh}
    left = [m for m in left if m.value not in matched_values and not m.approx]
    still = [m for m in still if not m.approx or m.digits]
    return still, left


@register(
    "number-mismatch",
    severity="error",
    family="numbers",
    what="A number, date, percentage or amount on one side that has no equal on the other: "
    "Arabic or full-width digits, Chinese numerals with 万/亿 scales (十多万 ≈ over one hundred thousand), "
    "months and days (3月11日 ↔ March 11), English digits and number words (twenty-one).",
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
        row = view.row
        if not row.zh_normalized.strip() or not row.en.strip():
            continue
        zh = zh_numbers(row.zh_normalized, view.zh_words)
        en = en_numbers(row.en)
        if not zh and not en:
            continue
        lost, extra = match_numbers(zh, en)
        if lost and extra:
            yield ctx.finding(
                "number-mismatch", view,
                f"the Chinese has {', '.join(m.text for m in lost)} but the English has {', '.join(m.text for m in extra)}",
                zh_text=", ".join(m.text for m in lost), en_text=", ".join(m.text for m in extra),
                suggestion=", ".join(str(m.value) for m in lost),
            )
        elif lost and any(m.digits for m in lost):
            shown = [m for m in lost if m.digits]
            yield ctx.finding(
                "number-mismatch", view,
                f"{', '.join(m.text for m in shown)} in the Chinese is missing from the English",
                zh_text=", ".join(m.text for m in shown),
            )
        elif extra and any(m.digits for m in extra):
            shown = [m for m in extra if m.digits]
            yield ctx.finding(
                "number-mismatch", view,
                f"{', '.join(m.text for m in shown)} in the English has no counterpart in the Chinese",
                en_text=", ".join(m.text for m in shown),
            )
