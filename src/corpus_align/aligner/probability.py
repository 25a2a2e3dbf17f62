"""The probability that a bead is right: the bead's evidence, measured against its own document, through a small logistic model.

The raw bead score (two-way dictionary coverage, :func:`~.scores.similarity`)
means different things in different documents: 0.2 is a good match in free
literary prose and a poor one in software documentation, and a short line
with no dictionary word scores 0 even when it is right.  So each bead's
evidence is first put on this document's own scale, then mapped to a
probability by a logistic model whose coefficients were fitted on the
development sets (:data:`~.params.BEAD_PROBABILITY`, refitted by
``benchmarks/bead_calibration.py --write``).

The inputs (:data:`INPUTS`), for a bead of ``k`` Chinese and ``l`` English sentences:

* ``llr``: the bead's raw score under the document's *aligned* beads (median
  and MAD of its two-sided beads' scores) against under *chance* (random
  sentence pairs of the document), log likelihood ratio of two normals, the
  comparison :mod:`.confidence` makes for unsure stretches.  Small documents
  (a short paragraph aligned on its own) estimate both poorly, so they are
  shrunk towards the development sets' typical values
  (:data:`~.params.TYPICAL_ALIGNED`, :data:`~.params.TYPICAL_CHANCE`) with
  the weight of :data:`~.params.PRIOR_BEADS` beads;
* ``raw``: the raw score itself, and ``aligned_median``: the document's
  median (shrunk as above), so that the model knows how much evidence this
  document's beads usually have;
* ``weakest``: the lowest above-chance covered share, by the bead's other
  side, of one of its sentences (a sentence glued to a bead without support);
* ``margin``: the raw score minus the best score of an edge sentence with
  the sentence just outside the bead on the other side (a bead shifted by
  one line has a neighbour that fits better);
* ``pull``: how much better a sentence just outside the bead is covered by
  the bead's edge sentence than by its own bead's (a 1-2 cut into a 1-1 and
  a stray line);
* ``neighbours``: the mean ``llr`` of the beads before and after (errors
  come in runs);
* ``length``: ``|log(en chars / (c · zh chars))| / σ``, Gale–Church's
  deviation from the document's own ratio ``c``;
* ``mass``: ``log(1 + evidence tokens)`` of the bead (little evidence, a
  noisy score), ``raw_mass``, ``raw`` times ``mass``, and for a two-sided
  bead with nothing in common (raw score under :data:`NOTHING_BELOW`)
  ``nothing`` (1) and ``nothing_mass`` (``mass``): an unrelated pair of long
  sentences is wrong, while a short line with no dictionary word is usually
  a free translation;
* ``many``, ``one_sided``: the bead type (two-sided beads with three or more
  sentences; 1-0 and 0-1), and ``one_sided`` times ``mass`` and ``neighbours``;
* ``unsure``: the bead lies in an unsure stretch (:func:`~.confidence.unsure_spans`).

All are computed after the path is final: the probability never changes the alignment.

>>> probability(np.zeros((1, len(INPUTS))), {"intercept": 0.0}).tolist()
[0.5]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numba
import numpy as np

from . import params
from .confidence import UnsureSpan, _covered, pair_similarity
from .features import DocFeatures, SideFeatures
from .scores import Coverage, _credit, _lookup

INPUTS = (
    "llr", "raw", "raw_mass", "weakest", "margin", "pull", "neighbours", "length", "mass",
    "many", "one_sided", "one_sided_mass", "one_sided_neighbours", "unsure", "aligned_median", "nothing", "nothing_mass",
)
# A two-sided bead scoring under this has nothing in common (input ``nothing``).
NOTHING_BELOW = 0.05
LLR_LIMIT = 10.0
LENGTH_LIMIT = 6.0


def shrunk(values: np.ndarray, typical: tuple[float, float], weight: float) -> tuple[float, float]:
    """Median and MAD-based spread of ``values``, pulled towards ``typical`` as ``weight / (len + weight)``.

    >>> [round(x, 3) for x in shrunk(np.array([0.5] * 90 + [0.3] * 10), (0.3, 0.1), 10)]
    [0.482, 0.01]
    """
    n = len(values)
    if n:
        median = float(np.median(values))
        spread = max(1.4826 * float(np.median(np.abs(values - median))), 1e-3)
    else:
        median, spread = typical
    w = n / (n + weight)
    return w * median + (1 - w) * typical[0], w * spread + (1 - w) * typical[1]


def log_ratio(score: np.ndarray, aligned: tuple[float, float], chance: tuple[float, float]) -> np.ndarray:
    """``log N(score; aligned) − log N(score; chance)``, clipped to ±:data:`LLR_LIMIT`.

    >>> log_ratio(np.array([0.05, 0.2]), (0.5, 0.1), (0.05, 0.03)).round(1).tolist()
    [-10.0, 6.8]
    """
    (mu1, s1), (mu0, s0) = aligned, chance
    value = -0.5 * ((score - mu1) / s1) ** 2 - math.log(s1) + 0.5 * ((score - mu0) / s0) ** 2 + math.log(s0)
    return np.clip(value, -LLR_LIMIT, LLR_LIMIT)


def bead_inputs(
    features: DocFeatures,
    coverage: Coverage,
    path: Sequence[tuple[int, int, int, int]],
    raw: np.ndarray,
    chance: tuple[float, float],
    unsure: Sequence[UnsureSpan],
    length_sigma: float,
) -> np.ndarray:
    """The :data:`INPUTS` of every bead of ``path`` (one row per bead), from its raw scores and the document's evidence."""
    n_beads = len(path)
    out = np.zeros((n_beads, len(INPUTS)))
    if not n_beads:
        return out
    col = {name: index for index, name in enumerate(INPUTS)}
    bounds = np.array(path, dtype=np.int64).reshape(-1, 4)
    i0, i1, j0, j1 = bounds.T
    k, ell = i1 - i0, j1 - j0
    two_sided = (k > 0) & (ell > 0)
    n, m = features.zh.n_sentences, features.en.n_sentences

    aligned = shrunk(raw[two_sided], params.TYPICAL_ALIGNED, params.PRIOR_BEADS)
    pairs = min(n, m)
    w = pairs / (pairs + params.PRIOR_BEADS)
    chance = (w * chance[0] + (1 - w) * params.TYPICAL_CHANCE[0], w * chance[1] + (1 - w) * params.TYPICAL_CHANCE[1])
    llr = log_ratio(raw, aligned, chance)

    # Evidence tokens, not their weights: the weights grow with the document's length (inverse document frequency).
    z_tokens = np.concatenate([[0], np.cumsum(features.zh.n_tokens)])
    e_tokens = np.concatenate([[0], np.cumsum(features.en.n_tokens)])
    mass = ((z_tokens[i1] - z_tokens[i0]) + (e_tokens[j1] - e_tokens[j0])).astype(np.float64)
    weakest = np.zeros(n_beads)
    for kk, ll in {(int(a), int(b)) for a, b in zip(k[two_sided], ell[two_sided], strict=True)}:
        index = np.flatnonzero((k == kk) & (ell == ll))
        weakest[index] = _weakest(features, coverage, i1[index], j1[index], kk, ll)

    # The best fit of an edge sentence with the sentence just outside the bead on the other side.
    alternatives = np.zeros(n_beads)
    for zh_side, en_side, valid in (
        (i0, j0 - 1, j0 >= 1), (i1 - 1, j1, j1 < m), (i0 - 1, j0, i0 >= 1), (i1, j1 - 1, i1 < n),
    ):
        ok = two_sided & valid
        if ok.any():
            alternatives[ok] = np.maximum(alternatives[ok], pair_similarity(features, zh_side[ok], en_side[ok]))

    # How much better a sentence just outside the bead is covered by the bead's edge sentence on the other side
    # than by the sentence at the same place outside the bead (the edge of the bead it was put in).
    pull = np.full(n_beads, -1.0)
    for own, own_ids, into, into_ids, owner_ids, valid in (
        (features.en, j1, features.zh, i1 - 1, i1, j1 < m),
        (features.en, j0 - 1, features.zh, i0, i0 - 1, j0 >= 1),
        (features.zh, i1, features.en, j1 - 1, j1, i1 < n),
        (features.zh, i0 - 1, features.en, j0, j0 - 1, i0 >= 1),
    ):
        rows = np.flatnonzero(two_sided & valid)
        if not len(rows):
            continue
        here = directional(own, into, own_ids[rows], into_ids[rows])
        inside = (owner_ids[rows] >= 0) & (owner_ids[rows] < into.n_sentences)
        there = np.zeros(len(rows))
        there[inside] = directional(own, into, own_ids[rows][inside], owner_ids[rows][inside])
        pull[rows] = np.maximum(pull[rows], here - there)
    pull[~two_sided] = 0.0

    before = np.r_[llr[:1], llr[:-1]]
    after = np.r_[llr[1:], llr[-1:]]
    if n_beads > 1:
        before[0], after[-1] = after[0], before[-1]
    neighbours = (before + after) / 2

    ratio = features.ratio_at(np.minimum(i0, max(n - 1, 0)))
    z_chars = np.concatenate([[0.0], np.cumsum(features.zh.chars)])
    e_chars = np.concatenate([[0.0], np.cumsum(features.en.chars)])
    deviation = np.log((e_chars[j1] - e_chars[j0] + 1.0) / (ratio * (z_chars[i1] - z_chars[i0]) + 1.0))

    in_unsure = np.zeros(n_beads, dtype=bool)
    for span in unsure:
        in_unsure[span.start : span.stop] = True

    one_sided = (~two_sided).astype(np.float64)
    log_mass = np.log1p(mass)
    out[:, col["llr"]] = np.where(two_sided, llr, 0.0)
    out[:, col["raw"]] = np.where(two_sided, raw, 0.0)
    out[:, col["raw_mass"]] = np.where(two_sided, raw * log_mass, 0.0)
    out[:, col["weakest"]] = weakest
    out[:, col["margin"]] = np.where(two_sided, raw - alternatives, 0.0)
    out[:, col["pull"]] = pull
    out[:, col["neighbours"]] = neighbours
    out[:, col["length"]] = np.where(two_sided, np.minimum(np.abs(deviation) / length_sigma, LENGTH_LIMIT), 0.0)
    out[:, col["mass"]] = log_mass
    out[:, col["many"]] = (two_sided & (k + ell >= 3)).astype(np.float64)
    out[:, col["one_sided"]] = one_sided
    out[:, col["one_sided_mass"]] = one_sided * log_mass
    out[:, col["one_sided_neighbours"]] = one_sided * neighbours
    out[:, col["unsure"]] = in_unsure.astype(np.float64)
    out[:, col["aligned_median"]] = aligned[0]
    nothing = (two_sided & (raw < NOTHING_BELOW)).astype(np.float64)
    out[:, col["nothing"]] = nothing
    out[:, col["nothing_mass"]] = nothing * log_mass
    return out


def _weakest(features: DocFeatures, coverage: Coverage, i: np.ndarray, j: np.ndarray, k: int, ell: int) -> np.ndarray:
    """The lowest above-chance covered share, by the bead's other side, of a sentence of the ``k-l`` beads ending at ``(i, j)``.

    Sentences without evidence tokens are left out (1.0 when no sentence has any).
    """
    out = np.ones(len(i))
    for own, counts, lo, ptr, max_other, chance, end, n_own, other_end, n_other in (
        (features.zh, coverage.zh_counts, coverage.zh_lo, coverage.zh_ptr, coverage.max_l,
         None if coverage.chance is None else coverage.chance[0], i, k, j, ell),
        (features.en, coverage.en_counts, coverage.en_lo, coverage.en_ptr, coverage.max_k,
         None if coverage.chance is None else coverage.chance[1], j, ell, i, k),
    ):
        mass = own.token_mass
        for a in range(1, n_own + 1):
            sentence = end - a
            c = _lookup(counts, lo, ptr, max_other, sentence, other_end - n_other, n_other)
            got = c if chance is None else _credit(c, mass[sentence], chance[sentence, n_other - 1])
            share = np.where(mass[sentence] > 0, got / np.maximum(mass[sentence], 1e-9), 1.0)
            out = np.minimum(out, share)
    return out


def directional(own: SideFeatures, other: SideFeatures, own_ids: np.ndarray, other_ids: np.ndarray) -> np.ndarray:
    """Share of the evidence weight of sentence ``own_ids[x]`` of one side covered by sentence ``other_ids[x]`` of the other."""
    weights = (own.weights if own.weights is not None else np.ones(len(own.key_ptr) - 1)).astype(np.float64)
    return _directional(own.tok_ptr, own.key_ptr, own.keys, weights, other.set_ptr, other.set_keys,
                        np.asarray(own_ids, dtype=np.int64), np.asarray(other_ids, dtype=np.int64))


@numba.njit(cache=True, nogil=True)
def _directional(tok_ptr, key_ptr, keys, weights, other_set_ptr, other_set_keys, a, b):  # pragma: no cover - compiled
    out = np.zeros(len(a))
    for x in range(len(a)):
        covered, total = _covered(tok_ptr, key_ptr, keys, weights, a[x], other_set_keys, other_set_ptr[b[x]], other_set_ptr[b[x] + 1])
        if total > 0:
            out[x] = covered / total
    return out


def probability(inputs: np.ndarray, coefficients: Mapping[str, float] | None = None) -> np.ndarray:
    """The logistic model: ``1 / (1 + exp(−(intercept + Σ coefficient · input)))`` per row of ``inputs``.

    ``coefficients`` maps input names (and ``intercept``) to weights; missing
    names weigh 0.  Default: the fitted :data:`~.params.BEAD_PROBABILITY`.
    """
    coefficients = params.BEAD_PROBABILITY if coefficients is None else coefficients
    unknown = set(coefficients) - set(INPUTS) - {"intercept"}
    if unknown:
        raise ValueError(f"unknown bead-probability inputs {sorted(unknown)}; valid: intercept, {', '.join(INPUTS)}")
    weights = np.array([coefficients.get(name, 0.0) for name in INPUTS])
    z = coefficients.get("intercept", 0.0) + inputs @ weights
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))
