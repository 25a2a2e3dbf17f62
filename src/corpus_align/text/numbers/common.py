"""What the Chinese and the English number readers share: the word tables, :class:`Mention`, hedges and ranges.

The tables are read once from ``resources/numbers.toml``; the helpers here (hedged ranges, units of measure and
their sizes, clock times, short year ranges, codes hyphened to a word, units over both ends of a range) are
called by both :mod:`.zh` and :mod:`.en`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources

_TABLES = tomllib.loads(resources.files("corpus_align.resources").joinpath("numbers.toml").read_text(encoding="utf-8"))
_ZH_TABLES, _EN_TABLES = _TABLES["zh"], _TABLES["en"]

ZH_DIGITS: dict[str, int] = _ZH_TABLES["digits"]
ZH_UNITS: dict[str, int] = _ZH_TABLES["units"]

# ---------------------------------------------------------------------------------------------------------------
# Numbers as typed mentions (value, range, approximate, digits or words): what the number check compares.

# Digits hyphened to a word name a thing (COVID-19, 铯-137, VP−730): read as a code, matched but never reported alone.
_HYPHENS = "-\u2011\u2212"
# A year range written short (1981-87), "24/7" (always).
_YEAR_RANGE = re.compile(r"(?<![\d.])((?:1[5-9]|20)\d)(\d)[-–](\d{2})(?!\d|\.\d)")
_EN_ALWAYS = re.compile(r"(?<![\d/])24/7(?![\d/])")
# 17:30, and 5.30pm as British English writes it (a dot only before am/pm).
_CLOCK_TIME = re.compile(r"(?<![\d.])(?<!\d:)(\d{1,2})(?::|\.(?=\d{2}\s*[ap]\.?m\b))(\d{2})(?![\d:])", re.IGNORECASE)
_FRACTION_OF_A_SECOND = re.compile(r"\.\d{1,3}(?!\d|[.:]\d)")  # used with .match(text, end of a time)
_UNIT_FAMILIES: tuple[tuple[str, str], ...] = tuple((start, family) for start, family in _TABLES["units"]["families"])
_UNIT_FACTORS: tuple[tuple[str, float], ...] = tuple(sorted(_TABLES["units"]["factors"].items(), key=lambda item: -len(item[0])))


# Thousands set apart by a space, as Hong Kong textbooks and SI typography write them: $50 000, 53 080; at most five
# groups (a run of numbers set apart by spaces, 99 100 101 …, is a list).  (Not a model's number after a word:
# Ultra 7 155H.)
SPACED_THOUSANDS = re.compile(r"(?<![\d.,A-Za-z])(?<!\d )\d{1,3}(?: \d{3}){1,4}(?![\d.,A-Za-z-]| \d)")  # not D3 125 (vitamin D3)


@dataclass(frozen=True)
class Mention:
    """A number found in one side: its value, whether it is approximate, whether written in digits.

    ``low``/``high`` is the range the expression allows (十多 is 10–19, "over three hundred" is
    300–400, 十七八 is 17–18); ``code`` marks digits glued to letters (3K, 5G), which name a
    thing rather than count it.
    """

    value: float
    approx: bool
    digits: bool
    text: str
    low: float = -1.0
    high: float = -1.0
    code: bool = False
    weak: bool = False  # "first", "both", "dozens", 第一: matched when they can be, never reported
    unit: str = ""  # the unit of measure after it, by family (length, weight ...), for conversions
    month: bool = False  # a month by its number: 3月, March
    decade: bool = False  # a decade: 60年代, the 1960s, '60s (value 60 when the century is not said)
    factor: float = 1.0  # the unit's size in its family's base unit (公里 1000 metres): 一千六百米 is 1.6 km
    percent: bool = False  # a percentage (百分之七十, 七成, 70%, 70 percent): the share 0.7 too, as "seven in ten" says it
    clock: bool = False  # an hour of the day (20时, 下午两点, 14:00, 2 p.m.): 2 and 14 are one hour on the 12- and 24-hour clock
    # A year written short: without its century (98年 and 03年: 1998, 2003), or counted in an era (民国112年, 112年度: 2023).
    short_year: bool = False
    era: int = 0  # of such a year, the year before its era's first (民国: 1911, 康熙: 1661); 0 for a year without its century

    @property
    def span(self) -> tuple[float, float]:
        return (self.value, self.value) if self.low < 0 else (self.low, self.high)


def share(value: float) -> float:
    """A share or a fraction to three significant digits, as both sides write it: 1/3 is 0.333, 万分之二 is 0.0002
    (to three decimals it was 0, which every small share equalled).

    >>> share(1 / 3), share(2 / 10_000), share(0.7)
    (0.333, 0.0002, 0.7)
    """
    return float(f"{value:.3g}")


def place_value(value: float) -> float:
    """The place value of a round number's last non-zero digit: 500 → 100, 20 → 10, 7 → 1.

    >>> place_value(500), place_value(20), place_value(7)
    (100, 10, 1)
    """
    value = int(value)
    if value <= 0:
        return 1
    place = 1
    while value % (place * 10) == 0:
        place *= 10
    return place


def hedged(value: float, hedge: str, place: float | None = None) -> tuple[float, float]:
    """The range a hedged number allows, in the direction the hedge means: *more than* a number up to the next
    step of its last place (*more than 300* is 300–399, *more than six* 6–6.999: not eight), *nearly* down to
    seven tenths of it, *about* a fifth either side.

    >>> hedged(300, "above"), hedged(6, "above"), hedged(10, "below"), hedged(10, "about")
    ((300, 399.9), (6, 6.999), (7.0, 10), (8.0, 12.0))
    """
    if not hedge:
        return -1.0, -1.0
    if hedge == "above":
        step = place if place is not None else (place_value(value) if value >= 10 else 1 if value >= 1 else value)
        return value, value + step * 0.999
    if hedge == "below":
        return value * 0.7, value
    return value * 0.8, value * 1.2


# What joins the two ends of a range written with one unit (2-4 公顷, 5 to 10 acres, 三至五公里).
_RANGE_JOINER = re.compile(r"\s*(?:[-–—~～]|至|到|to)\s*")


def units_over_ranges(text: str, found: list[tuple[int, Mention]]) -> list[Mention]:
    """The mentions in order, the first end of a range given the unit written after the second (2-4 公顷: both hectares).

    >>> [(m.text, m.unit) for m in units_over_ranges("2-4 公顷", [(0, Mention(2, False, True, "2")),
    ...                                                  (2, Mention(4, False, True, "4", unit="metric-area"))])]
    [('2', 'metric-area'), ('4', 'metric-area')]
    """
    ordered = sorted(found, key=lambda pair: pair[0])
    mentions = [m for _, m in ordered]
    for i in range(len(ordered) - 2, -1, -1):
        (start, first), (next_start, second) = ordered[i], ordered[i + 1]
        end = start + len(first.text)
        if second.unit and not first.unit and end <= next_start and _RANGE_JOINER.fullmatch(text, end, next_start):
            mentions[i] = replace(first, unit=second.unit, factor=second.factor)  # 25 to 30 kilos: both in kilos
            ordered[i] = (start, mentions[i])
    return mentions


def year_ranges_and_always(text: str) -> list[tuple[tuple[int, int], list[tuple[int, Mention]]]]:
    """Short year ranges (1981-87: 1981 and 1987) and "24/7" (no number), with their spans, for both languages.

    >>> [(span, [m.value for _, m in mentions]) for span, mentions in year_ranges_and_always("1981-87, 24/7")]
    [((0, 7), [1981, 1987]), ((9, 13), [])]
    """
    out = []
    for match in _YEAR_RANGE.finditer(text) if "-" in text or "–" in text else ():
        first = int(match.group(1) + match.group(2))
        second = int(match.group(1)[:2] + match.group(3))
        if second > first:
            out.append((match.span(), [(match.start(), Mention(first, False, True, match.group(1) + match.group(2))),
                                       (match.start(3), Mention(second, False, True, match.group(3)))]))
    out.extend((match.span(), []) for match in _EN_ALWAYS.finditer(text) if "/" in text)
    return sorted(out, key=lambda item: item[0])


# The arguments of a statistic (F(2,117), t(58)): numbers a comma lists, not the thousands of one number.
_STATISTIC_ARGUMENTS = re.compile(r"(?<=[A-Za-z]\()(\d+),(\d+)(?=\s*[),])")


def statistic_arguments(text: str) -> list[tuple[tuple[int, int], list[tuple[int, Mention]]]]:
    """The two numbers of a statistic's argument list written without a space (F(2,117): 2 and 117), with their span.

    >>> [(span, [m.value for _, m in mentions]) for span, mentions in statistic_arguments("F(2,117)=24.6, 2,117 people")]
    [((2, 7), [2, 117])]
    """
    return [(match.span(), [(match.start(1), Mention(int(match.group(1)), False, True, match.group(1))),
                            (match.start(2), Mention(int(match.group(2)), False, True, match.group(2)))])
            for match in _STATISTIC_ARGUMENTS.finditer(text)] if "(" in text else []


def hyphen_named(text: str, start: int) -> bool:
    """True when the digits at ``start`` are hyphened to a word: COVID-19, 铯-137, pre-3.2, VP−730."""
    return start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalpha()


# A band of thousands written with K (月薪40K-60K, 15k~25k, $80K–$120K): both ends glued to K. A lone 4K or 10K names
# a screen or a race, so it stays a code.
_K_BAND = re.compile(r"(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)[Kk]\s*(?:[-–—~～至到]|to)\s*[$£€¥￥]?(\d+(?:\.\d+)?)[Kk](?![A-Za-z])")


def thousands_band(text: str, start: int) -> bool:
    """True when the digits at ``start`` open either end of a band of thousands written with K.

    >>> [thousands_band("月薪40K-60K", i) for i in (2, 6)], thousands_band("4K电视", 0)
    ([True, True], False)
    """
    if "K" not in text and "k" not in text:
        return False
    return any(start in (match.start(1), match.start(2)) for match in _K_BAND.finditer(text))


def clock_times(text: str) -> list[tuple[tuple[int, int], list[tuple[int, Mention]]]]:
    """Clock times (``12:39``) with their span: the hour, and the minutes as a number of their own (12 点 39 分).

    A time with hundredths of a second is a race's time, minutes and seconds (1:07.82 is 1分07.82秒), not a clock's.

    >>> [(span, [m.value for _, m in mentions]) for span, mentions in clock_times("from 09:00 to 17:30")]
    [((5, 10), [9]), ((14, 19), [17, 30])]
    >>> [(span, [(m.value, m.clock) for _, m in mentions]) for span, mentions in clock_times("won in 1:07.82.")]
    [((7, 14), [(1, False), (7.82, False)])]
    """
    times = []
    for match in _CLOCK_TIME.finditer(text):
        fraction = _FRACTION_OF_A_SECOND.match(text, match.end())
        if fraction is not None and match.group().count(":") == 1:
            seconds = match.group(2) + fraction.group()
            times.append(((match.start(), fraction.end()), [
                (match.start(), Mention(int(match.group(1)), False, True, match.group(1))),
                (match.start(2), Mention(float(seconds), False, True, seconds))]))
            continue
        mentions = [(match.start(), Mention(int(match.group(1)), False, True, match.group(), clock=True))]
        if int(match.group(2)):
            mentions.append((match.start(2), Mention(int(match.group(2)), False, True, match.group(2))))
        times.append((match.span(), mentions))
    return times


# Both are asked for every number with a unit, and a document has few units: each unit's answer is kept, not looked
# for again through every unit's prefix.
@functools.lru_cache(maxsize=4096)
def unit_family(unit: str) -> str:
    """The family of ``unit`` (the unit itself when it is in none): ``unit_family("kilometres")`` is ``"metric-length"``."""
    unit = unit.strip(" -").lower()
    return next((family for key, family in _UNIT_FAMILIES if unit.startswith(key)), unit)


@functools.lru_cache(maxsize=4096)
def unit_factor(unit: str) -> float:
    """The size of ``unit`` in its family's base unit: ``unit_factor("kilometres")`` is 1000 (metres)."""
    unit = unit.strip(" -").lower()
    return next((factor for key, factor in _UNIT_FACTORS if unit.startswith(key)), 1.0)


def list_number_mention(enumerator: re.Match | None) -> Mention | None:
    """The number of a list item's label (``3.``, ``3、``, ``3)`` matched at the start of a row), as a mention.

    The readers mask the label (it is no quantity); only a label on both sides is compared, with the other's.

    >>> list_number_mention(re.match(r"\\d+\\.", "12. Drive")).value
    12.0
    """
    if enumerator is None:
        return None
    digits = "".join(c for c in enumerator.group() if c.isdigit())
    return Mention(float(int(digits)), False, True, enumerator.group().strip())
