"""Anchors: evidence that survives translation without a dictionary.

Each function returns *keys* (plain strings) found in one sentence; a key found
on both sides of a candidate bead is evidence for it.  Keys share one name space
with the English stems of :mod:`corpus_align.aligner.lexicon`, so the scorer
treats an anchor like any other word.

* numbers and dates: Arabic and Chinese numerals, ``3月11日`` ↔ ``March 11``,
  ``2021年`` ↔ ``2021`` (``#11``, ``#2021``, ``month:3``);
* names: a Chinese word's pinyin against capitalised English words
  (``王广成`` ↔ ``Wang Guangcheng``, ``重庆`` ↔ ``Chongqing``), exactly or,
  document-wide, fuzzily (:func:`fuzzy_name_map`);
* glossary term pairs supplied by the caller (``gloss:K``);
* strong punctuation: question and exclamation marks, quotation marks.

>>> zh_number_keys("3月11日")
['month:3', '#11']
>>> en_number_keys("On March 11 they left.")
['month:3', '#11']
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence

from .._lazy import toneless_pinyin
from .lexicon import english_stem

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


@functools.lru_cache(maxsize=100_000)
def zh_name_keys(word: str) -> tuple[str, ...]:
    """Return stemmed pinyin keys under which a Chinese word could appear as an English name.

    The whole word's pinyin always; for three-character words also the
    surname and the given name apart (``王广成`` → Wang, Guangcheng).

    >>> zh_name_keys("王广成")
    ('wangguangcheng', 'wang', 'guangcheng')
    >>> zh_name_keys("重庆")
    ('chongq',)
    """
    if len(word) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return ()
    syllables = toneless_pinyin(word)
    keys = [english_stem("".join(syllables))]
    if len(syllables) == 3:
        keys += [english_stem(syllables[0]), english_stem(syllables[1] + syllables[2])]
    return tuple(dict.fromkeys(keys))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*")


def en_name_keys(text: str) -> list[str]:
    """Return extra keys for capitalised English words: hyphen-free forms and joined neighbours.

    ``Wang Guangcheng`` also yields ``wangguangcheng`` (matching the pinyin of
    the whole Chinese name); ``Xi-feng`` yields ``xifeng``.

    >>> en_name_keys("Wang Guangcheng met Xi-feng.")
    ['wangguangcheng', 'xifeng']
    """
    keys: list[str] = []
    previous_end, previous = -2, ""
    for match in _CAPITALISED.finditer(text):
        plain = re.sub(r"['’-]", "", match.group()).lower()
        if plain != match.group().lower():
            keys.append(english_stem(plain))
        if match.start() == previous_end + 1 and text[previous_end] == " ":
            keys.append(english_stem(previous + plain))
        previous_end, previous = match.end(), plain
    return keys


def fuzzy_name_map(zh_keys: Iterable[str], en_keys: Iterable[str], *, cutoff: float = 86.0) -> dict[str, str]:
    """Map English name keys to the closest Chinese pinyin key when they are spelled alike but not equal.

    Translators drop or change letters (``Qiao Feng`` / ``qiaofeng``, old
    spellings); an edit-distance ratio above ``cutoff`` (0–100) with a length
    of at least five letters is taken as the same name.  Only keys with the
    same first letter and a length that can reach ``cutoff`` are compared, so
    the work grows with the number of keys, not with its square.

    >>> fuzzy_name_map(["chenqingyang"], ["chenqinyang", "window"])
    {'chenqinyang': 'chenqingyang'}
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    chosen = {k for k in zh_keys if len(k) >= 5}
    by_start: dict[tuple[str, int], list[str]] = {}
    for key in sorted(chosen):
        by_start.setdefault((key[0], len(key)), []).append(key)
    # ratio = 2·matches / (len(a) + len(b)) <= 2·min / (sum): lengths further apart cannot reach the cutoff.
    share = cutoff / (200.0 - cutoff)
    # English keys of the same first letter and length share their candidates: one matrix of ratios each.
    groups: dict[tuple[str, int], list[str]] = {}
    for key in sorted(set(en_keys)):
        if len(key) >= 5 and key not in chosen:
            groups.setdefault((key[0], len(key)), []).append(key)
    mapping: dict[str, str] = {}
    for (first, length), keys in groups.items():
        shortest, longest = math.ceil(length * share), math.floor(length / share)
        choices = [c for size in range(shortest, longest + 1) for c in by_start.get((first, size), ())]
        if not choices:
            continue
        scores = process.cdist(keys, choices, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float64)
        best = scores.argmax(axis=1)  # the first of the best, as process.extractOne chooses
        for key, column, score in zip(keys, best.tolist(), scores[np.arange(len(keys)), best].tolist(), strict=True):
            if score >= cutoff:
                mapping[key] = choices[column]
    return mapping


def punctuation_keys(text: str) -> list[str]:
    """Return keys for strong punctuation: ``?``, ``!`` and quotation marks (either language).

    >>> punctuation_keys("“你去吗？”"), punctuation_keys('"Are you going?"')
    (['?', 'quote'], ['?', 'quote'])
    """
    keys = []
    if "?" in text or "？" in text:
        keys.append("?")
    if "!" in text or "！" in text:
        keys.append("!")
    if any(ch in text for ch in "\"“”「」『』"):
        keys.append("quote")
    return keys


def glossary_keys(text: str, terms: Sequence[str], *, english: bool) -> list[str]:
    """Return ``gloss:K`` for each glossary term K found in the text (English: whole words, any case).

    >>> glossary_keys("He read the Analects.", ["analects"], english=True)
    ['gloss:0']
    >>> glossary_keys("他读《论语》。", ["论语"], english=False)
    ['gloss:0']
    """
    keys = []
    lowered = text.lower() if english else text
    for index, term in enumerate(terms):
        if not term:
            continue
        if english:
            if re.search(r"(?<![a-z])" + re.escape(term.lower()) + r"(?![a-z])", lowered):
                keys.append(f"gloss:{index}")
        elif term in lowered:
            keys.append(f"gloss:{index}")
    return keys
