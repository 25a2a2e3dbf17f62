"""Combine the evidence into one cost per candidate bead.

Parts of the cost of a bead with ``k`` Chinese and ``l`` English sentences:

* **lexical**: two-way coverage.  ``cz`` = share of the Chinese tokens with a
  translation (CC-CEDICT, pinyin, numbers, glossary ...) in the English span,
  ``ce`` = share of the English content tokens found among the translations of
  the Chinese span.  The cost is ``w_lex * (1 - (cz + ce) / 2) * (k + l) / 2``:
  scaled by the bead size so that a path's lexical cost does not depend on
  how it groups sentences, only on how much it covers.
* **length**: Gale–Church in log space, once per bead, small weight:
  ``w_len * d² / (2 σ²)`` with ``d = log(en chars / (c · zh chars))``, ``c`` the
  document's own character ratio near the bead (:meth:`DocFeatures.ratio_at`)
  and ``σ`` estimated from gold data.
* **prior**: ``-log P(type)`` from bead-type counts, so 1-2 … 1-4 beads (Chinese
  sentences are coarser) are cheap and 2-2/2-3 merges are not.
* **null** beads (1-0, 0-1) cost ``null_cost``: a sentence that no
  neighbour covers better comes out alone.
* **unsupported** sentences, only inside a *gap* (a passage one side lacks,
  see :func:`~corpus_align.aligner.engine.realign_gaps`): a sentence of a
  two-sided bead whose tokens are covered no better than chance pays what it
  would pay alone, ``null_cost`` (less for partial support, see
  :func:`unsupported_share`).  Elsewhere the
  DP may glue a sentence without support to a neighbour (free translation
  does that); inside a gap, gluing would only hide the missing passage.

The bead-type counts and the length spread are estimated from gold ladders
(``resources/align_params.json``, see its ``_source``); the tuned weights live in
:mod:`corpus_align.aligner.params`.

>>> params = CostParams.default()
>>> params.prior(1, 1) < params.prior(1, 2) < params.prior(2, 2)
True
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import TypeVar

import numba
import numpy as np

from . import params
from .dp import Band
from .features import DocFeatures
from .params import GAP_SUPPORTED_SHARE

T = TypeVar("T")


@dataclass(frozen=True)
class CostParams:
    """Weights of the bead cost (see the module docstring)."""

    type_counts: dict[tuple[int, int], float] = field(default_factory=dict)
    length_sigma: float = 0.31
    # The tuned defaults and where they were chosen: aligner/params.py.
    w_lex: float = params.LEXICAL_WEIGHT
    w_len: float = params.LENGTH_WEIGHT
    null_cost: float = params.NULL_COST
    prior_scale: float = params.PRIOR_SCALE
    split_min_tokens: int = params.SPLIT_MIN_TOKENS
    split_len_sigmas: float = params.SPLIT_LEN_SIGMAS
    split_share_tau: float = params.SPLIT_SHARE_TAU

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> CostParams:
        """Load the packaged estimates.

        >>> CostParams.default().length_sigma
        0.31
        """
        data = json.loads(resources.files("corpus_align.resources").joinpath("align_params.json").read_text("utf-8"))
        counts: dict[tuple[int, int], float] = {}
        for key, value in data["bead_type_counts"].items():
            k, ell = key.split("-")  # "zh-en" sentence counts: "1-2"
            counts[int(k), int(ell)] = float(value)
        return CostParams(type_counts=counts, length_sigma=float(data["length_sigma"]))

    def with_(self, **changes) -> CostParams:
        """Return a copy with some fields changed."""
        return replace(self, **changes)

    def prior(self, k: int, ell: int) -> float:
        """Return ``-log P(k-l)`` with add-one smoothing of the counts.

        >>> 0.4 < CostParams.default().prior(1, 1) < 0.6
        True
        """
        total = sum(self.type_counts.values()) + len(self.type_counts) + 1
        return float(-np.log((self.type_counts.get((k, ell), 0.0) + 1.0) / total)) * self.prior_scale


def bead_types(max_merge: int = 4) -> np.ndarray:
    """Return the allowed ``(k, l)`` bead types: 1-0, 0-1 and all ``k, l >= 1`` with ``k + l <= max_merge + 1``.

    >>> bead_types(2).tolist()
    [[1, 0], [0, 1], [1, 1], [1, 2], [2, 1]]
    """
    types = [(1, 0), (0, 1)]
    for size in range(2, max_merge + 2):
        for k in range(1, size):
            types.append((k, size - k))
    return np.array(types, dtype=np.int64)


@dataclass
class Coverage:
    """Coverage counts in a band (see :func:`corpus_align.aligner.coverage_index.span_cover_counts`)."""

    zh_counts: np.ndarray  # flat [(zh_ptr[s] + en start offset) * max_l + en length - 1]
    zh_lo: np.ndarray
    zh_ptr: np.ndarray
    en_counts: np.ndarray  # flat [(en_ptr[e] + zh start offset) * max_k + zh length - 1]
    en_lo: np.ndarray
    en_ptr: np.ndarray
    max_k: int
    max_l: int
    chance: tuple[np.ndarray, np.ndarray] | None = None  # (zh [n, max_l], en [m, max_k]) chance coverage, see chance_coverage


def coverage_windows(band: Band, max_k: int, max_l: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the span-start windows each sentence needs: ``(zh_lo, zh_width, en_lo, en_width)``."""
    n, m = band.n, band.m
    s = np.arange(n)
    zh_lo = np.clip(band.lo[s + 1] - max_l, 0, max(m - 1, 0))
    zh_hi = np.clip(band.hi[np.minimum(n, s + max_k)] - 1, 0, max(m - 1, 0))
    e = np.arange(m)
    first = np.searchsorted(band.hi, e + 1, side="left")
    last = np.searchsorted(band.lo, np.minimum(m, e + max_l), side="right") - 1
    en_lo = np.clip(first - max_k, 0, max(n - 1, 0))
    en_hi = np.clip(last - 1, 0, max(n - 1, 0))
    return zh_lo, np.maximum(zh_hi - zh_lo + 1, 0), en_lo, np.maximum(en_hi - en_lo + 1, 0)


def compute_coverage(features: DocFeatures, band: Band, max_k: int, max_l: int) -> Coverage:
    """Count two-way coverage for every sentence and candidate span in the band."""
    from .coverage_index import inverted_index, span_cover_counts

    n_keys = len(features.vocab) + 1
    zh_lo, zh_w, en_lo, en_w = coverage_windows(band, max_k, max_l)

    def covered(own, other, n_other, lo, w, max_len):
        ptr, post = inverted_index(other, n_keys)
        return span_cover_counts(own.tok_ptr, own.key_ptr, own.keys, _weights(own), ptr, post, n_other, lo, w, max_len)

    (zh_counts, zh_rows), (en_counts, en_rows) = in_parallel(
        lambda: covered(features.zh, features.en, band.m, zh_lo, zh_w, max_l),
        lambda: covered(features.en, features.zh, band.n, en_lo, en_w, max_k),
    )
    chance = (chance_coverage(features.zh, features.en, n_keys, max_l), chance_coverage(features.en, features.zh, n_keys, max_k))
    return Coverage(zh_counts, zh_lo, zh_rows, en_counts, en_lo, en_rows, max_k, max_l, chance)


def _weights(side) -> np.ndarray:
    if side.weights is None:
        return np.ones(len(side.key_ptr) - 1, dtype=np.float32)
    return side.weights.astype(np.float32)


def _span_sum(prefix: np.ndarray, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    return prefix[stop] - prefix[start]


def _lookup(counts, lo, row_ptr, max_len, sentence, start, length) -> np.ndarray:
    offset = start - lo[sentence]
    ok = (offset >= 0) & (offset < row_ptr[sentence + 1] - row_ptr[sentence])
    out = np.zeros(len(sentence), dtype=np.float64)
    out[ok] = counts[(row_ptr[sentence[ok]] + offset[ok]) * max_len + length - 1]
    return out


@dataclass
class BeadEvidence:
    """Per-node evidence of one bead type (used for costs and for bead confidence).

    ``z_cred``/``e_cred``: the covered weight *above chance* (see :func:`chance_coverage`),
    summed over the bead's sentences; equal to ``z_cov``/``e_cov`` when no chance table is given.
    """

    z_cov: np.ndarray
    z_tot: np.ndarray
    e_cov: np.ndarray
    e_tot: np.ndarray
    z_chars: np.ndarray
    e_chars: np.ndarray
    z_cred: np.ndarray | None = None
    e_cred: np.ndarray | None = None
    unsupported: np.ndarray | None = None  # sum over the bead's sentences of unsupported_share (when asked for)


@numba.njit(cache=True, nogil=True)
def _token_sums(key_ptr, keys, per_key):  # pragma: no cover - compiled
    """Per token, the sum of ``per_key`` over its keys (no temporary per key occurrence: there are millions)."""
    out = np.zeros(len(key_ptr) - 1)
    for t in range(len(key_ptr) - 1):
        total = 0.0
        for q in range(key_ptr[t], key_ptr[t + 1]):
            total += per_key[keys[q]]
        out[t] = total
    return out


def chance_coverage(own, other, n_keys: int, max_len: int) -> np.ndarray:
    """Expected covered weight of each sentence of ``own`` by a span of ``1..max_len`` *random* sentences of ``other``.

    A token with keys ``K`` is covered by one random sentence with probability
    ``p = 1 − Π_{k∈K} (1 − df(k)/N)`` (``df`` over the other side's key sets,
    keys taken as independent), by ``l`` sentences with ``1 − (1 − p)^l``.
    Returns ``out[s, l-1]``.  With every CC-CEDICT sense kept, a long Chinese
    sentence is 10–20 % covered by an unrelated English sentence; this is
    the share that is no evidence of a match.

    >>> from corpus_align.aligner.features import extract_features
    >>> f = extract_features(["猫。", "狗。"], ["A cat.", "A dog."])
    >>> chance_coverage(f.zh, f.en, len(f.vocab) + 1, 2).round(2).tolist()
    [[0.5, 0.75], [0.5, 0.75]]
    """
    n_other = max(other.n_sentences, 1)
    df = np.bincount(other.set_keys, minlength=n_keys).astype(np.float64)
    log_miss = np.log(np.clip(1.0 - df / n_other, 1e-12, 1.0))
    tok_log_miss = _token_sums(own.key_ptr, own.keys, log_miss)
    weights = _weights(own).astype(np.float64)
    out = np.zeros((own.n_sentences, max_len))
    for ell in range(1, max_len + 1):
        hit = weights * (1.0 - np.exp(ell * tok_log_miss))
        c = np.concatenate([[0.0], np.cumsum(hit)])
        out[:, ell - 1] = c[own.tok_ptr[1:]] - c[own.tok_ptr[:-1]]
    return out


def _credit(cov: np.ndarray, mass: np.ndarray, chance: np.ndarray) -> np.ndarray:
    """Covered weight above chance, rescaled so that full coverage keeps full credit.

    ``mass · max(0, (cov − chance) / (mass − chance))``.
    """
    room = np.maximum(mass - chance, 1e-9)
    return np.where(mass > 0, mass * np.clip((cov - chance) / room, 0.0, 1.0), 0.0)


def bead_evidence(features: DocFeatures, coverage: Coverage, i: np.ndarray, j: np.ndarray, k: int, ell: int, *,
                  unsupported: bool = False) -> BeadEvidence:
    """Coverage and length of the ``k-l`` beads ending at nodes ``(i, j)`` (arrays; all must be valid).

    ``unsupported``: also sum the sentences' :func:`unsupported_share` (only a gap's costs need it).
    """
    z_tok = np.concatenate([[0], np.cumsum(features.zh.token_mass)])
    e_tok = np.concatenate([[0], np.cumsum(features.en.token_mass)])
    z_chr = np.concatenate([[0], np.cumsum(features.zh.chars)])
    e_chr = np.concatenate([[0], np.cumsum(features.en.chars)])
    chance = coverage.chance
    unsupported_sum = np.zeros(len(i)) if chance is not None and unsupported else None
    z_cov, z_cred = _side_coverage(coverage.zh_counts, coverage.zh_lo, coverage.zh_ptr, coverage.max_l, features.zh.token_mass,
                                   None if chance is None else chance[0], i, k, j, ell, unsupported_sum)
    e_cov, e_cred = _side_coverage(coverage.en_counts, coverage.en_lo, coverage.en_ptr, coverage.max_k, features.en.token_mass,
                                   None if chance is None else chance[1], j, ell, i, k, unsupported_sum)
    return BeadEvidence(
        z_cov=z_cov,
        z_tot=_span_sum(z_tok, i - k, i),
        e_cov=e_cov,
        e_tot=_span_sum(e_tok, j - ell, j),
        z_chars=_span_sum(z_chr, i - k, i),
        e_chars=_span_sum(e_chr, j - ell, j),
        z_cred=z_cred,
        e_cred=e_cred,
        unsupported=unsupported_sum,
    )


def _side_coverage(counts, lo, ptr, max_other: int, mass: np.ndarray, chance: np.ndarray | None, own_end: np.ndarray,
                   own_n: int, other_end: np.ndarray, other_n: int, unsupported_sum: np.ndarray | None):
    """Covered weight of one side's ``own_n`` sentences ending at ``own_end`` by the other side's ``other_n`` ending at
    ``other_end``, and its credit above chance (``None`` without ``chance``); adds each sentence's
    :func:`unsupported_share` to ``unsupported_sum`` when it is given."""
    cov = np.zeros(len(own_end))
    credit_sum = np.zeros(len(own_end)) if chance is not None else None
    if not other_n:
        return cov, credit_sum
    for a in range(1, own_n + 1):
        c = _lookup(counts, lo, ptr, max_other, own_end - a, other_end - other_n, other_n)
        cov += c
        if chance is not None and credit_sum is not None:
            credit = _credit(c, mass[own_end - a], chance[own_end - a, other_n - 1])
            credit_sum += credit
            if unsupported_sum is not None:
                unsupported_sum += unsupported_share(credit, mass[own_end - a])
    return cov, credit_sum


def unsupported_share(credit: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """How far each sentence of a bead is from having support of its own, 0..1.

    1 for a sentence whose tokens are covered no better than chance (or that
    has no tokens at all), falling linearly to 0 as its above-chance covered
    share reaches :data:`~.params.GAP_SUPPORTED_SHARE`.  Short lines count in
    full: a null bead costs the same whatever its length, so a lighter penalty
    would let the DP hide unmatched lines by gluing them to short ones.

    >>> unsupported_share(np.array([0.0, 2.5, 5.0, 0.0]), np.array([10.0, 10.0, 10.0, 0.0])).round(2).tolist()
    [1.0, 0.5, 0.0, 1.0]
    """
    share = np.where(mass > 0, credit / np.maximum(mass, 1e-9), 0.0)
    return np.clip(1.0 - share / GAP_SUPPORTED_SHARE, 0.0, 1.0)


def similarity(ev: BeadEvidence) -> np.ndarray:
    """Two-way coverage ``(cz + ce) / 2`` in 0..1 (one side without tokens: the other side's share).

    >>> ev = BeadEvidence(*(np.array([x]) for x in (2.0, 4.0, 3.0, 3.0, 10.0, 30.0)))
    >>> similarity(ev).tolist()
    [0.75]
    """
    cz = np.where(ev.z_tot > 0, ev.z_cov / np.maximum(ev.z_tot, 1), np.nan)
    ce = np.where(ev.e_tot > 0, ev.e_cov / np.maximum(ev.e_tot, 1), np.nan)
    both = np.where(np.isnan(cz), ce, np.where(np.isnan(ce), cz, (cz + ce) / 2))
    return np.nan_to_num(both, nan=0.0)


def bead_costs(
    features: DocFeatures,
    coverage: Coverage,
    band: Band,
    types: np.ndarray,
    params: CostParams,
    *,
    gaps: Sequence[tuple[int, int, int, int]] = (),
    chunk: int = 100_000,
) -> np.ndarray:
    """Return ``cost[node, t]`` for every band node and bead type (``inf`` where the bead does not fit).

    ``gaps`` are sentence rectangles ``(i0, i1, j0, j1)`` in which a bead's
    unsupported sentences pay the null cost (see the module docstring); a bead
    counts as inside when it holds a sentence of one, on either side.
    Nodes are processed in chunks so that the temporaries stay small.
    """
    cost = np.full((band.n_nodes, len(types)), np.inf, dtype=np.float32)
    rows_all, cols_all = band.node_grid()
    in_parallel(*(
        functools.partial(_bead_costs_chunk, features, coverage, band, types, params,
                          rows_all[start : start + chunk], cols_all[start : start + chunk], cost[start : start + chunk], gaps)
        for start in range(0, band.n_nodes, chunk)
    ))
    return cost


def in_parallel(*tasks: Callable[[], T]) -> list[T]:
    """Run the callables on two threads and return their results in order.

    The work here is NumPy on large arrays and numba kernels compiled with
    ``nogil``, which release the GIL: two threads use both cores of a small
    machine without copying the arrays to another process.

    >>> in_parallel(lambda: 1, lambda: 2)
    [1, 2]
    """
    if len(tasks) < 2:
        return [task() for task in tasks]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(len(tasks), PARALLEL_THREADS)) as pool:
        return list(pool.map(lambda task: task(), tasks))


# Threads for :func:`in_parallel`: the two cores of the machine the speed target is set on.
PARALLEL_THREADS = 2


def mean_sentence_weight(mass: np.ndarray, window: int | None = None) -> np.ndarray:
    """The mean evidence weight of the sentences around each sentence (``window`` of them; all in a shorter side).

    The lexical cost counts uncovered weight in units of a mean sentence.  In a
    long document joined from unlike parts (short lines of a manual, long ones
    of a novel), the unit is the part's own, so each part is costed as it
    would be alone.

    >>> mean_sentence_weight(np.array([1.0, 1.0, 4.0, 4.0]), window=2).tolist()
    [1.0, 1.0, 2.5, 4.0]
    >>> mean_sentence_weight(np.array([1.0, 3.0]), window=4).tolist()
    [2.0, 2.0]
    """
    window = params.MEAN_WEIGHT_WINDOW_SENTENCES if window is None else window
    n = len(mass)
    if n <= window:
        return np.full(n, max(float(mass.mean()) if n else 0.0, 1e-3))
    cum = np.concatenate([[0.0], np.cumsum(mass)])
    start = np.clip(np.arange(n) - window // 2, 0, n - window)
    return np.maximum((cum[start + window] - cum[start]) / window, 1e-3)


def _in_gaps(gaps, i0, i1, j0, j1) -> np.ndarray:
    """Beads that hold a sentence of a gap's stretch, on either side (the stretch may have none on one side)."""
    inside = np.zeros(len(i0), dtype=bool)
    for g0, g1, h0, h1 in gaps:
        inside |= ((i0 < g1) & (i1 > g0)) | ((j0 < h1) & (j1 > h0))
    return inside


def _bead_costs_chunk(features, coverage, band, types, params, rows, cols, cost, gaps=()) -> None:
    two_sigma2 = 2 * params.length_sigma**2
    z_mass = features.zh.token_mass
    e_mass = features.en.token_mass
    mean_z = mean_sentence_weight(z_mass)
    mean_e = mean_sentence_weight(e_mass)
    for t, (k, ell) in enumerate(types.tolist()):
        pi = rows - k
        pj = cols - ell
        ok = (pi >= 0) & (pj >= 0)
        ok[ok] &= (pj[ok] >= band.lo[pi[ok]]) & (pj[ok] <= band.hi[pi[ok]])
        idx = np.nonzero(ok)[0]
        if k == 0 or ell == 0:
            # A sentence alone has no coverage at all: the lexical cost of one
            # uncovered sentence, plus the null prior.
            i_, j_ = rows[idx], cols[idx]
            tok = z_mass[i_ - 1] / mean_z[i_ - 1] if k else e_mass[j_ - 1] / mean_e[j_ - 1]
            cost[idx, t] = params.w_lex * 0.5 * tok + params.null_cost
            continue
        ev = bead_evidence(features, coverage, rows[idx], cols[idx], k, ell, unsupported=bool(gaps))
        ratio = features.ratio_at(rows[idx] - k)
        d = np.log((ev.e_chars + 1.0) / (ratio * ev.z_chars + 1.0))
        # Uncovered weight (above chance, when the chance table is there) in units of a mean sentence: counted
        # once whatever the grouping, which beat a per-bead coverage ratio by 0.01-0.02 F1.
        z_credit = ev.z_cred if ev.z_cred is not None else ev.z_cov
        e_credit = ev.e_cred if ev.e_cred is not None else ev.e_cov
        lex = 0.5 * ((ev.z_tot - z_credit) / mean_z[rows[idx] - k] + (ev.e_tot - e_credit) / mean_e[cols[idx] - ell])
        cost[idx, t] = (
            params.w_lex * lex
            + params.w_len * d * d / two_sigma2
            + params.prior(k, ell)
        )
        if gaps and ev.unsupported is not None:
            i1, j1 = rows[idx], cols[idx]
            inside = _in_gaps(gaps, i1 - k, i1, j1 - ell, j1)
            cost[idx[inside], t] += params.null_cost * ev.unsupported[inside]


def edge_support(features: DocFeatures, coverage: Coverage, i: np.ndarray, j: np.ndarray, k: int, ell: int):
    """Own support of the edge sentences of the ``k-l`` beads ending at ``(i, j)``.

    Yields ``(side, which, support, n_tokens, content)`` for each edge sentence of a
    side with at least two sentences (``which`` = 0 first, 1 last).  ``support``
    is the sentence's *own* two-way coverage ``½(a + g)``: ``a`` = share of its
    token weight covered by the other side of the bead above chance (see
    :func:`chance_coverage`), ``g`` = the weight of the other side's tokens that
    it covers and the rest of its side does not (its marginal contribution),
    relative to its own weight (both in units of the mean sentence weight of
    their side), at most 1.  ``content`` = its weight / mean sentence weight.
    A sentence that only shares chance words with the bead (its counterpart
    was deleted), or only repeats what its neighbour already covers (a
    title), has support near 0.
    """
    z_mass, e_mass = features.zh.token_mass, features.en.token_mass
    mean_z, mean_e = mean_sentence_weight(z_mass), mean_sentence_weight(e_mass)
    for side, n_own, n_oth in (("en", ell, k), ("zh", k, ell)):
        if n_own < 2:
            continue
        if side == "en":
            own_mass, mean_own, mean_oth, n_tok = e_mass, mean_e, mean_z, features.en.n_tokens
            own_c = (coverage.en_counts, coverage.en_lo, coverage.en_ptr, coverage.max_k)
            oth_c = (coverage.zh_counts, coverage.zh_lo, coverage.zh_ptr, coverage.max_l)
            own_end, oth_end = j, i
            chance = coverage.chance[1] if coverage.chance is not None else None
        else:
            own_mass, mean_own, mean_oth, n_tok = z_mass, mean_z, mean_e, features.zh.n_tokens
            own_c = (coverage.zh_counts, coverage.zh_lo, coverage.zh_ptr, coverage.max_l)
            oth_c = (coverage.en_counts, coverage.en_lo, coverage.en_ptr, coverage.max_k)
            own_end, oth_end = i, j
            chance = coverage.chance[0] if coverage.chance is not None else None
        start = own_end - n_own
        for which in (0, 1):
            x = start if which == 0 else own_end - 1
            mass = own_mass[x]
            covered = _lookup(*own_c, x, oth_end - n_oth, n_oth)
            if chance is not None:
                covered = _credit(covered, mass, chance[x, n_oth - 1])
            gain = np.zeros(len(i))
            rest_start = start + 1 if which == 0 else start
            for b in range(1, n_oth + 1):
                y = oth_end - b
                gain += _lookup(*oth_c, y, start, n_own) - _lookup(*oth_c, y, rest_start, n_own - 1)
            avg_own, avg_oth = mean_own[x], mean_oth[oth_end - n_oth]
            content = mass / avg_own
            safe = np.maximum(mass, 1e-9)
            share = np.where(mass > 0, covered / safe, 0.0)
            marginal = np.where(mass > 0, (gain / avg_oth) * avg_own / safe, 0.0)
            yield side, which, share, np.clip(marginal, 0.0, 1.0), n_tok[x], content
