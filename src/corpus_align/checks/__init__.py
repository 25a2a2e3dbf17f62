"""Translation QA: checks over aligned rows, each with a stable code.

The public API::

    >>> from corpus_align.checks import rows_from_pairs, check_rows
    >>> rows = rows_from_pairs([("他二十一岁。", "He is twenty-two.")])
    >>> [(f.code, f.severity) for f in check_rows(rows)]
    [('number-mismatch', 'error')]

Every check computes its evidence first (numbers of each side, names, word
coverage) and then decides; :data:`CHECKS` maps each code to its severity,
family and documentation, and :func:`list_checks` lists them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..model import CheckRow, Damage, Finding, GlossaryEntry
from ..normalize import find_english_damage, normalize_zh, resolve_opencc
from . import confidence, consistency, encoding, entities, format, numbers, omission, typos, untranslated  # noqa: F401  (registration)
from . import glossary as _glossary_check  # noqa: F401  (registration; "glossary" is check_rows's keyword)
from . import reading as _reading_check  # noqa: F401  (registration of malformed-row, which the readers find)
from .calibration import calibrate, valid_min_confidence
from .context import CheckContext
from .registry import CHECKS, CheckSpec, resolve_codes

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def check_row(row: int, zh: str, en: str, opencc_config: str | None, *, type: str = "", score: float | None = None) -> CheckRow:
    """One :class:`CheckRow` from a row's text: the Chinese normalized with ``opencc_config``, the damage of both sides.

    >>> check_row(3, "關於", "About", "t2s", type="1-1").zh_normalized
    '关于'
    """
    zh = zh or ""
    en = en or ""
    normalized, zh_damage = normalize_zh(zh, opencc_config) if zh else ("", [])
    return CheckRow(
        row=row, zh=zh, zh_normalized=normalized, en=en, type=type, score=score,
        zh_damage=tuple(zh_damage), en_damage=tuple(find_english_damage(en)),
    )


def rows_from_pairs(pairs: Sequence[tuple[str, str]], *, opencc: str = "auto", start_row: int = 1) -> list[CheckRow]:
    """Turn ``(zh, en)`` pairs (a two-column file) into :class:`CheckRow` objects.

    The OpenCC configuration is decided once for the whole set of pairs (so a
    mostly Traditional file is converted even where one row looks Simplified);
    damage offsets are relative to each row's own text.

    >>> rows_from_pairs([("關(guān)於重慶", "Countries?went")])[0].zh_normalized
    '关于重庆'
    """
    config = resolve_opencc(opencc, "\n".join(zh for zh, _ in pairs))
    return [check_row(start_row + index, zh, en, config) for index, (zh, en) in enumerate(pairs)]


def check_rows(
    rows: Sequence[CheckRow],
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    en_word_rows: Counter | None = None,
    min_confidence: float | None = None,
    calibration: Mapping[str, Mapping[str, float]] | None = None,
) -> list[Finding]:
    """Run the selected checks over the rows of one document; findings sorted by row, then the surest first.

    Each finding gets its calibrated confidence (:mod:`~corpus_align.checks.calibration`).
    Within a row, findings with a confidence come first, highest first; those of codes
    without one follow by severity.

    ``select``/``ignore`` take check codes; an unknown code raises
    :class:`~corpus_align.errors.UsageError` listing the valid ones.
    ``en_word_rows`` are document-wide word counts when ``rows`` are one
    window of a longer document (see :class:`~corpus_align.checks.context.CheckContext`).
    ``min_confidence`` drops the findings whose confidence is below it; those
    of codes without a confidence are kept.  ``calibration`` replaces the shipped
    confidence models (code -> weights, as in ``resources/checks/calibration.json``).

    >>> check_rows([], select=["typo"])
    []
    """
    codes = resolve_codes(select, ignore)
    valid_min_confidence(min_confidence)
    ctx = CheckContext(rows, glossary, en_word_rows=en_word_rows)
    findings: list[Finding] = []
    for code in codes:
        findings.extend(CHECKS[code].func(ctx))
    order = {code: i for i, code in enumerate(CHECKS)}
    calibrated = calibrate(findings, rows, calibration)
    if min_confidence is not None:
        calibrated = [f for f in calibrated if f.confidence is None or f.confidence >= min_confidence]
    return sorted(calibrated, key=lambda f: (f.row, f.confidence is None, -(f.confidence or 0.0),
                                                            _SEVERITY_RANK.get(f.severity, 3), order[f.code]))


def list_checks() -> list[CheckSpec]:
    """Every registered check, in registry order.

    >>> len(list_checks()) == len(CHECKS) and "typo" in [c.code for c in list_checks()]
    True
    """
    return list(CHECKS.values())


__all__ = ["CHECKS", "CheckSpec", "Damage", "check_row", "check_rows", "list_checks", "resolve_codes", "rows_from_pairs"]
