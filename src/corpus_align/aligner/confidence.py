"""Where the alignment is unsure: stretches whose evidence is no better than chance, and passages with no counterpart.

A path always exists, whatever the input; what matters to a reviewer is
whether the evidence behind each stretch of it is real.  Both yardsticks come
from the document itself:

* **chance**: the two-way coverage (the bead score) of *random* sentence pairs
  of this document, its median and MAD-based spread;
* **aligned**: the scores of this alignment's own beads, median and spread.

Over a window of :data:`~.params.CONFIDENCE_WINDOW` beads around each bead,
the mean score of the beads with both sides is compared with the two: the
bead is *weak* when that mean is more likely under the chance distribution
than under the aligned one (normal approximations of the window mean).  A
run of at least :data:`~.params.MIN_UNSURE_BEADS` weak beads is an unsure
stretch; a run of that many one-sided beads is a passage that one side does
not have (a missing chapter, an untranslated page).

>>> spans = unsure_spans(np.r_[np.full(20, 0.5), np.full(10, 0.05), np.full(20, 0.5)], np.ones(50, bool), chance=(0.05, 0.03))
>>> [(s.start, s.stop, s.kind) for s in spans]
[(20, 30, 'weak')]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np

from . import params
from .coverage_index import first_at_least
from .features import DocFeatures, SideFeatures


@dataclass(frozen=True)
class UnsureSpan:
    """Beads ``start .. stop - 1`` of one alignment: ``kind`` is ``weak`` (evidence at chance level) or ``one-sided``."""

    start: int
    stop: int
    kind: str


@numba.njit(cache=True, nogil=True)
def _covered(tok_ptr, key_ptr, keys, weights, s, other_set_keys, lo, hi):  # pragma: no cover - compiled
    covered = 0.0
    total = 0.0
    for t in range(tok_ptr[s], tok_ptr[s + 1]):
        total += weights[t]
        for q in range(key_ptr[t], key_ptr[t + 1]):
            p = first_at_least(other_set_keys, lo, hi, keys[q])
            if p < hi and other_set_keys[p] == keys[q]:
                covered += weights[t]
                break
    return covered, total


@numba.njit(cache=True, nogil=True)
def _pair_similarity(  # pragma: no cover - compiled
    zh_tok, zh_kptr, zh_keys, zh_w, zh_sptr, zh_skeys,
    en_tok, en_kptr, en_keys, en_w, en_sptr, en_skeys,
    a, b,
):
    out = np.zeros(len(a))
    for x in range(len(a)):
        i = a[x]
        j = b[x]
        zc, zt = _covered(zh_tok, zh_kptr, zh_keys, zh_w, i, en_skeys, en_sptr[j], en_sptr[j + 1])
        ec, et = _covered(en_tok, en_kptr, en_keys, en_w, j, zh_skeys, zh_sptr[i], zh_sptr[i + 1])
        if zt > 0 and et > 0:
            out[x] = 0.5 * (zc / zt + ec / et)
        elif zt > 0:
            out[x] = zc / zt
        elif et > 0:
            out[x] = ec / et
    return out


def pair_similarity(features: DocFeatures, zh_ids: np.ndarray, en_ids: np.ndarray) -> np.ndarray:
    """Two-way coverage (the 1-1 bead score) of the sentence pairs ``(zh_ids[x], en_ids[x])``.

    >>> from corpus_align.aligner.features import extract_features, set_token_weights
    >>> f = extract_features(["我去了重庆。", "他很高兴。"], ["I went to Chongqing.", "He was very happy."])
    >>> set_token_weights(f.zh); set_token_weights(f.en)
    >>> pair_similarity(f, np.array([0, 0]), np.array([0, 1])).round(2).tolist()
    [0.88, 0.0]
    """
    zh, en = features.zh, features.en

    def arrays(side: SideFeatures) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        weights = side.weights if side.weights is not None else np.ones(len(side.key_ptr) - 1)
        return side.tok_ptr, side.key_ptr, side.keys, weights.astype(np.float64), side.set_ptr, side.set_keys

    return _pair_similarity(*arrays(zh), *arrays(en), np.asarray(zh_ids, dtype=np.int64), np.asarray(en_ids, dtype=np.int64))


def chance_similarity(features: DocFeatures, *, samples: int = params.CHANCE_PAIRS, seed: int = 0) -> tuple[float, float]:
    """Mean and spread of the score of random sentence pairs of this document (robust: median and MAD)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, features.zh.n_sentences, samples)
    b = rng.integers(0, features.en.n_sentences, samples)
    values = pair_similarity(features, a, b)
    median = float(np.median(values))
    spread = 1.4826 * float(np.median(np.abs(values - median)))
    # Many random pairs share nothing at all (MAD 0): fall back on the standard deviation.
    return median, max(spread, float(values.std()), 1e-3)


def _runs(flags: np.ndarray, min_length: int) -> list[tuple[int, int]]:
    padded = np.concatenate([[False], flags, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(s), int(e)) for s, e in zip(edges[0::2], edges[1::2], strict=True) if e - s >= min_length]


def unsure_spans(
    scores: np.ndarray,
    two_sided: np.ndarray,
    *,
    chance: tuple[float, float],
    window: int = params.CONFIDENCE_WINDOW,
    min_beads: int = params.MIN_UNSURE_BEADS,
) -> list[UnsureSpan]:
    """Unsure stretches of an alignment from its bead scores (see the module docstring).

    ``two_sided[b]`` is false for 1-0 and 0-1 beads; ``chance`` is
    ``(mean, spread)`` of random pairs' scores.
    """
    n = len(scores)
    one_sided = ~two_sided
    weak = np.zeros(n, dtype=bool)
    aligned = scores[two_sided]
    if len(aligned) >= 2 * min_beads:
        mu1 = float(np.median(aligned))
        sigma1 = max(1.4826 * float(np.median(np.abs(aligned - mu1))), 1e-3)
        mu0, sigma0 = chance
        # When mu1 <= mu0 the whole document is unrelated: reported as such elsewhere, not by stretch.
        if mu1 > mu0:
            weak = _weak_beads(scores, two_sided, mu0, sigma0, mu1, sigma1, window)
    flagged = _close_gaps(one_sided | weak, window // 2)
    spans = []
    for start, stop in _runs(flagged, min_beads):
        # The window spreads a weak stretch by up to half a window: trim to beads that are chance-like themselves.
        while start < stop and two_sided[start] and not weak_alone(scores[start], chance, mu1, sigma1):
            start += 1
        while stop > start and two_sided[stop - 1] and not weak_alone(scores[stop - 1], chance, mu1, sigma1):
            stop -= 1
        if stop - start < min_beads:
            continue
        kind = "one-sided" if one_sided[start:stop].mean() >= 0.5 else "weak"
        spans.append(UnsureSpan(start, stop, kind))
    return spans


def _close_gaps(flags: np.ndarray, gap: int) -> np.ndarray:
    """Also flag runs of at most ``gap`` unflagged beads between two flagged ones (one stretch, not several).

    >>> _close_gaps(np.array([1, 0, 0, 1, 0, 0, 0, 1], bool), 2).astype(int).tolist()
    [1, 1, 1, 1, 0, 0, 0, 1]
    """
    out = flags.copy()
    for start, stop in _runs(~flags, 1):
        if start > 0 and stop < len(flags) and stop - start <= gap:
            out[start:stop] = True
    return out


def weak_alone(score: float, chance: tuple[float, float], mu1: float, sigma1: float) -> bool:
    """True when one bead's score is likelier under chance than under the document's aligned beads.

    >>> weak_alone(0.05, (0.05, 0.03), 0.5, 0.1), weak_alone(0.45, (0.05, 0.03), 0.5, 0.1)
    (True, False)
    """
    mu0, sigma0 = chance
    return -0.5 * ((score - mu0) / sigma0) ** 2 - math.log(sigma0) > -0.5 * ((score - mu1) / sigma1) ** 2 - math.log(sigma1)


def _weak_beads(scores, two_sided, mu0, sigma0, mu1, sigma1, window) -> np.ndarray:
    """Beads whose window mean (over two-sided beads) is likelier under chance than under the aligned beads."""
    n = len(scores)
    values = np.where(two_sided, scores, 0.0)
    cum_v = np.concatenate([[0.0], np.cumsum(values)])
    cum_n = np.concatenate([[0], np.cumsum(two_sided.astype(np.int64))])
    half = window // 2
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    count = cum_n[hi] - cum_n[lo]
    k = np.maximum(count, 1)
    mean = (cum_v[hi] - cum_v[lo]) / k
    # log N(mean; mu, sigma²/k) under both hypotheses.
    log_chance = -0.5 * k * ((mean - mu0) / sigma0) ** 2 - math.log(sigma0)
    log_aligned = -0.5 * k * ((mean - mu1) / sigma1) ** 2 - math.log(sigma1)
    return two_sided & (count > 0) & (log_chance > log_aligned) & (mean < mu1)
