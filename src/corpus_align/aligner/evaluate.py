"""Score an alignment against a gold ladder (the Vecalign/Bertalign metric).

* strict precision: test beads found exactly in the gold / all test beads;
* strict recall: gold beads with both sides non-empty found exactly in the
  test / all such gold beads;
* lax: a bead counts when some bead of the other alignment overlaps it on
  both sides (so a lax match can never involve an empty side).

Several documents are pooled by summing counts (:func:`pool`), which is how
the published MAC-Dev numbers are computed.

>>> gold = read_ladder("[0]:[0]\\n[1,2]:[1]\\n[]:[2]")
>>> test = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
>>> s = score(gold, test)
>>> s["strict_p"], s["strict_r"], s["lax_r"]
(0.3333333333333333, 0.5, 1.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]")
COUNT_KEYS = ("n_test", "strict_tp_p", "lax_tp_p", "n_gold", "strict_tp_r", "lax_tp_r")


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.replace(" ", "").split(",") if x)


def read_ladder(text: str) -> list[Bead]:
    """Parse a ladder file (``[zh ids]:[en ids]`` per line, 0-based) into beads.

    Blank lines are skipped; anything after the second bracket (a score) is ignored.

    >>> read_ladder("[0,1]:[0]\\n[]:[1]\\n")
    [((0, 1), (0,)), ((), (1,))]
    """
    beads: list[Bead] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise ValueError(f"line {number}: expected '[zh ids]:[en ids]', got {line.strip()!r}")
        beads.append((_ids(match.group(1)), _ids(match.group(2))))
    return beads


def _matches(reference: Sequence[Bead], candidates: Sequence[Bead]) -> tuple[int, int]:
    """Return (exact, overlapping) counts of candidate beads with respect to reference beads."""
    exact_set = {(tuple(z), tuple(e)) for z, e in reference}
    zh_owner: dict[int, list[int]] = {}
    for index, (z, _e) in enumerate(reference):
        for x in z:
            zh_owner.setdefault(x, []).append(index)
    ref_en = [set(e) for _z, e in reference]
    exact = lax = 0
    for z, e in candidates:
        if (tuple(z), tuple(e)) in exact_set and z and e:
            exact += 1
            lax += 1
            continue
        if (tuple(z), tuple(e)) in exact_set:  # an identical null bead counts as strict and lax, as in Vecalign
            exact += 1
            lax += 1
            continue
        en = set(e)
        if en and any(ref_en[index] & en for x in z for index in zh_owner.get(x, ())):
            lax += 1
    return exact, lax


def counts(gold: Sequence[Bead], test: Sequence[Bead]) -> dict[str, int]:
    """Return the raw counts behind :func:`score` (sum them to pool documents).

    >>> counts([((0,), (0,))], [((0,), (0,))])["strict_tp_r"]
    1
    """
    gold_both = [(z, e) for z, e in gold if z and e]
    p_exact, p_lax = _matches(gold, test)
    r_exact, r_lax = _matches(test, gold_both)
    return {
        "n_test": len(test),
        "strict_tp_p": p_exact,
        "lax_tp_p": p_lax,
        "n_gold": len(gold_both),
        "strict_tp_r": r_exact,
        "lax_tp_r": r_lax,
    }


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _div(2 * p * r, p + r)


def from_counts(c: dict[str, int]) -> dict[str, float]:
    """Turn counts into precision, recall and F1 (strict and lax); the counts are kept in the result.

    >>> from_counts({"n_test": 2, "strict_tp_p": 1, "lax_tp_p": 2, "n_gold": 2, "strict_tp_r": 1, "lax_tp_r": 2})["strict_f1"]
    0.5
    """
    result: dict[str, float] = dict(c)
    for kind in ("strict", "lax"):
        p = _div(c[f"{kind}_tp_p"], c["n_test"])
        r = _div(c[f"{kind}_tp_r"], c["n_gold"])
        result[f"{kind}_p"], result[f"{kind}_r"], result[f"{kind}_f1"] = p, r, _f1(p, r)
    return result


def score(gold: Sequence[Bead], test: Sequence[Bead]) -> dict[str, float]:
    """Score one test alignment against the gold: ``strict_p/r/f1``, ``lax_p/r/f1`` and the counts.

    >>> score([((0,), (0,)), ((1,), (1, 2))], [((0,), (0,)), ((1,), (1,)), ((), (2,))])["strict_f1"]
    0.4
    """
    return from_counts(counts(gold, test))


def pool(scores: Iterable[dict[str, float]]) -> dict[str, float]:
    """Pool several documents' scores by summing their counts, then recompute P/R/F1.

    >>> a = score([((0,), (0,))], [((0,), (0,))])
    >>> b = score([((0,), (0,))], [((0,), ()), ((), (0,))])
    >>> pool([a, b])["strict_r"]
    0.5
    """
    total = {key: 0 for key in COUNT_KEYS}
    for s in scores:
        for key in COUNT_KEYS:
            total[key] += int(s[key])
    return from_counts(total)
