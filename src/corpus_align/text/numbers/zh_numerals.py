"""Chinese numerals as values: ordinary (二十三), digit by digit (一九八七), financial (叁拾万), and years in an era.

The arithmetic of :mod:`.zh`'s reader, apart from where in a sentence a number stands.
"""

from __future__ import annotations

import re

from .common import _ZH_TABLES, ZH_DIGITS, ZH_UNITS, Mention

COUNTERS = frozenset(_ZH_TABLES["counters"].strip())
# Financial numerals (大写数字), written on cheques, invoices and contracts so that no stroke can be added to them:
# 叁拾万 is 300,000, 玖仟捌佰柒拾陆元伍角 9,876.5.  A run of them holds a financial digit and is two characters long,
# or one before a counter (贰份): alone, 陆 is a surname or land (大陆) and 拾 picks up (收拾).
# (Traditional 參 becomes 参 in Simplified, which is 叁 here: 参拾 is 30, while 参加 is no run.)
FINANCIAL_DIGITS = "壹贰叁参肆伍陆柒捌玖"
# Financial digits that are also ordinary characters (land, a surname; ranks; take part): alone, never a number.
_ALSO_WORDS = frozenset("陆伍参")
_AS_NUMERALS = str.maketrans(FINANCIAL_DIGITS + "拾佰仟", "一二三三四五六七八九十百千")
ZH_FINANCIAL = re.compile(rf"(?<![{FINANCIAL_DIGITS}拾佰仟零万亿])([{FINANCIAL_DIGITS}拾][{FINANCIAL_DIGITS}拾佰仟零万亿]*)"
                          rf"(?:([元圆])(?:零?([{FINANCIAL_DIGITS}])角)?(?:零?([{FINANCIAL_DIGITS}])分)?)?")

# A year counted in an era: 民国112年, 康熙二十年, 光绪元年; three digits with no era named are the Republic of China's
# years, as Taiwan writes them (112年度).  No era has lasted 200 years.
_ERA_LONGEST = 200
ZH_ERAS: dict[str, int] = dict(_ZH_TABLES["eras"])
_ERA_BEFORE = re.compile("(" + "|".join(ZH_ERAS) + ") ?$")  # used with .search(text, 0, start of the number)
ZH_ERA_FIRST_YEAR = re.compile("(" + "|".join(ZH_ERAS) + ")元年")
_ROC_FIRST_YEAR = ZH_ERAS["民国"]


_CLIPPED_UNITS = frozenset("百千万亿")


def chinese_numeral_value(text: str) -> int | None:
    """Return the value of a Chinese numeral (``二十三`` → 23, ``一九八七`` → 1987), or None.

    >>> chinese_numeral_value("两千零五"), chinese_numeral_value("一九八七"), chinese_numeral_value("十")
    (2005, 1987, 10)
    >>> chinese_numeral_value("三亿五千万"), chinese_numeral_value("一万亿"), chinese_numeral_value("一亿零五万")
    (350000000, 1000000000000, 100050000)
    >>> chinese_numeral_value("八万五"), chinese_numeral_value("两百五"), chinese_numeral_value("三百零五")
    (85000, 250, 305)
    """
    if not text:
        return None
    if all(ch in ZH_DIGITS for ch in text):  # digit by digit, as in years
        return int("".join(str(ZH_DIGITS[ch]) for ch in text)) if len(text) > 1 else ZH_DIGITS[text]
    # 亿 closes everything before it (一万亿 is 10^12); 万 closes only what follows the last 亿
    # (三亿五千万 is 350,000,000, not (3·10^8 + 5,000)·10^4).
    yi, wan, section, digit = 0, 0, 0, None
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch == "亿":
            yi = (yi + (wan + section + (digit or 0) or 1)) * ZH_UNITS[ch]
            wan, section, digit = 0, 0, None
        elif ch == "万":
            wan = (wan + (section + (digit or 0) or 1)) * ZH_UNITS[ch]
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * ZH_UNITS[ch]
            digit = None
    if digit and text[-2] in _CLIPPED_UNITS:
        # A last digit right after a unit counts the next unit down, as prices and rents are said: 八万五 is 85,000,
        # 三千五 3,500, 两百五 250, 三亿五 350,000,000 (三百零五 is 305: 零 says a place is empty).
        digit *= ZH_UNITS[text[-2]] // 10
    return yi + wan + section + (digit or 0)


def numeral_value(text: str) -> int | None:
    """Value of a Chinese numeral; two bare digits (二三, 七八) are a range, not a number, so ``None``.

    >>> numeral_value("二十三"), numeral_value("一九八七"), numeral_value("七八")
    (23, 1987, None)
    """
    if len(text) == 2 and all(ch in ZH_DIGITS for ch in text):
        return None
    return chinese_numeral_value(text)


def financial(text: str, match: re.Match) -> Mention | None:
    """The amount a run of financial numerals (:data:`ZH_FINANCIAL`) writes, with its 角 and 分; None when the run is
    a lone character that is no number there.

    >>> from corpus_align.text.numbers import zh_numbers
    >>> [(m.text, m.value) for m in zh_numbers("人民币叁拾万元整，玖仟捌佰柒拾陆元伍角，一式贰份。他登陆大陆，收拾一下。陆家嘴")]
    [('叁拾万', 300000), ('玖仟捌佰柒拾陆元伍角', 9876.5), ('贰', 2)]
    """
    run, yuan, jiao, fen = match.groups()
    if not set(run) & set(FINANCIAL_DIGITS):
        return None  # 拾 alone or with ordinary units: 收拾
    if len(run) == 1 and not yuan and (text[match.end() : match.end() + 1] not in COUNTERS or run in _ALSO_WORDS):
        return None  # 陆 of 大陆 and 陆家嘴, 伍 of 伍子胥 and 队伍里
    value: float | None = chinese_numeral_value(run.translate(_AS_NUMERALS))
    if value is None:
        return None
    cents = (ZH_DIGITS[jiao.translate(_AS_NUMERALS)] * 10 if jiao else 0) + (ZH_DIGITS[fen.translate(_AS_NUMERALS)] if fen else 0)
    shown = match.group() if cents else run
    if cents:
        value = round(value + cents / 100, 2)
    return Mention(int(value) if value == int(value) else value, False, False, shown)


def era_year_base(text: str, start: int) -> int:
    """The year before the first of the era named just before ``start`` in ``text`` (民国: 1911), or 0.

    >>> era_year_base("民国四十几年", 2), era_year_base("康熙二十年", 2), era_year_base("四十几年", 0)
    (1911, 1661, 0)
    """
    era = _ERA_BEFORE.search(text, 0, start)
    return ZH_ERAS[era.group(1)] - 1 if era is not None else 0


def read_short_year(text: str, start: int, run: str, value: float, plain_year: bool) -> tuple[bool, int]:
    """Whether the number ``run`` at ``start`` (``plain_year``: exact, before 年) writes a year short, and the year
    before its era's first (0 for a year without its century): see :attr:`.common.Mention.era`.

    >>> from corpus_align.text.numbers import zh_numbers
    >>> [(m.text, m.short_year, m.era) for m in zh_numbers("98年，九八年，112年度，康熙二十年，民国50年，3年，2003年")]
    [('98', True, 0), ('九八', True, 0), ('112', True, 1911), ('二十', True, 1661), ('50', True, 1911), ('3', False, 0), ('2003', False, 0)]
    """
    if not plain_year or value != int(value) or not 1 <= value <= _ERA_LONGEST:
        return False, 0
    era = era_year_base(text, start)
    if era:
        return True, era
    if len(run) == 3 and run.isdigit():
        return True, _ROC_FIRST_YEAR - 1
    return len(run) == 2 and (run.isdigit() or all(ch in ZH_DIGITS for ch in run)), 0
