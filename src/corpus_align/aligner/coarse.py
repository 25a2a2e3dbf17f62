"""The coarse path: where each stretch of one document lies in the other, found over the whole document.

The exact bead DP (:mod:`.dp`) only searches a band, so the band must contain
the true path everywhere.  The band comes from a path that is *global* at
every scale, the recursive downsampling of Vecalign (Thompson & Koehn 2019),
with lexical evidence instead of sentence embeddings:

1. **Sketches.**  Every evidence key gets a weight for its rarity *in this
   document* (the smaller of its idf among Chinese and among English sentence
   key sets; a key absent from one side weighs nothing), and a sentence's
   weighted keys are added into a short dense vector by feature hashing with
   random signs (a count sketch), so dot products of sketches estimate the dot
   products of the sparse key vectors.
2. **Blocks.**  Both sides are cut into the same number ``G`` of blocks of
   consecutive sentences, so the expected path is the diagonal of a ``G × G``
   grid.  A block's sketch is the sum of its sentences'; the blocks of one
   level are the halves of the blocks of the level above.
3. **Gains from the document itself.**  The similarity of two blocks (cosine
   of their sketches) is turned into a z-score against this document's own
   chance distribution: the median and MAD of random block pairs of the same
   level.  No threshold picked on a benchmark decides what counts as a match.
4. **Global path.**  At the coarsest level (``G`` at most
   :data:`~.params.COARSEST_BLOCKS`) every block pair is scored and the best
   monotone path is found exactly: a diagonal step earns its z-score, a
   step that skips a block of one side costs :data:`~.params.SKIP_COST`.
   Nothing local can capture it: a repeated passage or a boilerplate line
   matches many places but only the true path is consistent everywhere, and
   a chapter with no counterpart is skipped.
5. **Refinement.**  Each finer level doubles ``G`` and searches only within
   :data:`~.params.REFINE_WINDOW` blocks of the path above, down to blocks of
   about :data:`~.params.FINEST_BLOCK` sentences, so time and memory are
   linear in the document length.

The result is the finest path with the z-score of each of its steps, from
which :func:`sentence_band` makes the DP band and the engine reads where the
evidence drops.

>>> from corpus_align.aligner.features import extract_features
>>> zh = ["我去了重庆。", "他很高兴。", "天下雨了。", "我们回家吧。"] * 3
>>> en = ["I went to Chongqing.", "He was very happy.", "It rained.", "Let us go home."] * 3
>>> path = coarse_path(extract_features(zh, en), finest_block=2)
>>> path.nodes[0].tolist(), path.nodes[-1].tolist()
([0, 0], [6, 6])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np

from . import dp, params
from .features import DocFeatures, SideFeatures

# Bead types of the block-level DP: a diagonal step, a block of one side skipped.
_STEPS = np.array([[1, 1], [1, 0], [0, 1]], dtype=np.int64)


@dataclass(frozen=True)
class CoarsePath:
    """The finest level's path.

    ``nodes[p] = (a, b)``: after step ``p`` the first ``a`` Chinese and ``b``
    English blocks are aligned (``nodes[0] = (0, 0)``).  ``zh_bounds`` and
    ``en_bounds`` give each block's first sentence (``G + 1`` values).
    ``gains[p]`` is the z-score of the block pair of step ``p`` (from
    ``nodes[p]`` to ``nodes[p + 1]``) when it is diagonal, ``nan`` when it
    skips a block.
    """

    nodes: np.ndarray
    gains: np.ndarray
    zh_bounds: np.ndarray
    en_bounds: np.ndarray

    def sentence_nodes(self) -> tuple[np.ndarray, np.ndarray]:
        """The path's nodes in sentences: ``(zh sentence, en sentence)`` per node."""
        return self.zh_bounds[self.nodes[:, 0]], self.en_bounds[self.nodes[:, 1]]


def key_weights(features: DocFeatures) -> np.ndarray:
    """Rarity of each key in this document: ``min(idf among zh sentences, idf among en sentences)``, 0 if absent from a side.

    >>> from corpus_align.aligner.features import extract_features
    >>> f = extract_features(["猫。", "狗。"], ["A cat.", "A dog."])
    >>> w = key_weights(f)
    >>> bool(w[f.vocab["cat"]] > 0), float(w[f.vocab["mao"]]) if "mao" in f.vocab else 0.0
    (True, 0.0)
    """
    n_keys = len(features.vocab) + 1
    zh_df = np.bincount(features.zh.set_keys, minlength=n_keys).astype(np.float64)
    en_df = np.bincount(features.en.set_keys, minlength=n_keys).astype(np.float64)
    n, m = features.zh.n_sentences, features.en.n_sentences
    with np.errstate(divide="ignore"):
        idf = np.minimum(np.log((n + 1.0) / zh_df), np.log((m + 1.0) / en_df))
    return np.where((zh_df > 0) & (en_df > 0), np.maximum(idf, 0.0), 0.0)


def _hash_columns(n_keys: int, dim: int, seed: int = 0x9E3779B1) -> tuple[np.ndarray, np.ndarray]:
    """Bucket and sign of every key id (a fixed multiplicative hash, so results never depend on a random state)."""
    ids = np.arange(n_keys, dtype=np.uint64)
    mixed = (ids * np.uint64(seed) + np.uint64(0x7F4A7C15)) & np.uint64(0xFFFFFFFF)
    mixed ^= mixed >> np.uint64(15)
    mixed = (mixed * np.uint64(0x2C1B3C6D)) & np.uint64(0xFFFFFFFF)
    mixed ^= mixed >> np.uint64(12)
    columns = (mixed % np.uint64(dim)).astype(np.int64)
    signs = np.where((mixed >> np.uint64(31)) & np.uint64(1), 1.0, -1.0)
    return columns, signs


@numba.njit(cache=True, nogil=True)
def _block_sketches(tok_ptr, key_ptr, keys, signed_weight, columns, block_of, n_blocks, dim):  # pragma: no cover - compiled
    out = np.zeros((n_blocks, dim), dtype=np.float32)
    for s in range(len(tok_ptr) - 1):
        b = block_of[s]
        for t in range(tok_ptr[s], tok_ptr[s + 1]):
            k0 = key_ptr[t]
            k1 = key_ptr[t + 1]
            if k1 == k0:
                continue
            # A word with many dictionary senses spreads its evidence over them.
            share = 1.0 / np.sqrt(k1 - k0)
            for q in range(k0, k1):
                k = keys[q]
                w = signed_weight[k]
                if w != 0.0:
                    out[b, columns[k]] += w * share
    return out


def block_bounds(n: int, n_blocks: int) -> np.ndarray:
    """First sentence of each of ``n_blocks`` near-equal blocks of ``n`` sentences, and ``n`` at the end.

    Halving nests: the bounds of ``G`` blocks are every other bound of ``2G`` blocks.

    >>> block_bounds(10, 4).tolist(), block_bounds(10, 8)[::2].tolist()
    ([0, 2, 5, 7, 10], [0, 2, 5, 7, 10])
    """
    return (np.arange(n_blocks + 1, dtype=np.int64) * n) // n_blocks


def levels(n: int, m: int, *, finest_block: int, coarsest_blocks: int) -> list[int]:
    """Block counts from the coarsest level to the finest, each double the one before.

    >>> levels(40_000, 30_000, finest_block=4, coarsest_blocks=1024)
    [625, 1250, 2500, 5000, 10000]
    >>> levels(30, 20, finest_block=4, coarsest_blocks=1024)
    [8]
    """
    finest = max(1, math.ceil(max(n, m) / finest_block))
    depth = max(0, math.ceil(math.log2(finest / coarsest_blocks))) if finest > coarsest_blocks else 0
    coarsest = math.ceil(finest / 2**depth)
    return [coarsest * 2**level for level in range(depth + 1)]


def _side_sketches(side: SideFeatures, signed_weight, columns, n_blocks: int, dim: int) -> np.ndarray:
    bounds = block_bounds(side.n_sentences, n_blocks)
    block_of = np.repeat(np.arange(n_blocks, dtype=np.int64), np.diff(bounds))
    return _block_sketches(side.tok_ptr, side.key_ptr, side.keys, signed_weight, columns, block_of, n_blocks, dim)


def pair_cosines(zh_unit: np.ndarray, en_unit: np.ndarray, a: np.ndarray, b: np.ndarray, *, chunk: int = 32_768) -> np.ndarray:
    """Cosines of block pairs ``(a[x], b[x])`` of unit vectors, a chunk at a time so the gathered rows stay small.

    >>> unit = np.eye(3, dtype=np.float32)
    >>> pair_cosines(unit, unit, np.array([0, 1]), np.array([0, 2])).tolist()
    [1.0, 0.0]
    """
    out = np.empty(len(a), dtype=np.float64)
    for start in range(0, len(a), chunk):
        stop = start + chunk
        out[start:stop] = np.einsum("ij,ij->i", zh_unit[a[start:stop]], en_unit[b[start:stop]])
    return out


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def chance_scale(zh_unit: np.ndarray, en_unit: np.ndarray, *, samples: int, seed: int = 0) -> tuple[float, float]:
    """Median and MAD-based spread of the cosine of random block pairs: this document's chance level.

    Robust statistics, so the true pairs among the samples (one in ``G``, or
    more in a document that repeats itself) do not move them.
    """
    g_zh, g_en = len(zh_unit), len(en_unit)
    rng = np.random.default_rng(seed)
    a = rng.integers(0, g_zh, samples)
    b = rng.integers(0, g_en, samples)
    cosines = pair_cosines(zh_unit, en_unit, a, b)
    median = float(np.median(cosines))
    spread = 1.4826 * float(np.median(np.abs(cosines - median)))
    return median, max(spread, 1e-3)


def _level_path(zh_unit: np.ndarray, en_unit: np.ndarray, band: dp.Band, median: float, spread: float, skip_cost: float):
    rows, cols = band.node_grid()
    cost = np.full((band.n_nodes, 3), np.float32(skip_cost), dtype=np.float32)
    diagonal = (rows > 0) & (cols > 0)
    z = np.full(band.n_nodes, np.nan)
    a, b = rows[diagonal] - 1, cols[diagonal] - 1
    whole_grid = band.n_nodes == (band.n + 1) * (band.m + 1)
    # The whole grid: one matrix product; a narrower band: only its pairs.
    cosines = (zh_unit @ en_unit.T)[a, b] if whole_grid else pair_cosines(zh_unit, en_unit, a, b)
    z[diagonal] = (cosines - median) / spread
    cost[:, 0] = np.where(diagonal, -z, np.inf)
    cost[rows == 0, 1] = np.inf
    cost[cols == 0, 2] = np.inf
    beads = dp.banded_dp(band, _STEPS, cost)
    nodes = np.array([[0, 0]] + [[i1, j1] for _i0, i1, _j0, j1 in beads], dtype=np.int64)
    node_id = band.ptr[nodes[1:, 0]] + nodes[1:, 1] - band.lo[nodes[1:, 0]]
    is_diagonal = (np.diff(nodes[:, 0]) == 1) & (np.diff(nodes[:, 1]) == 1)
    gains = np.where(is_diagonal, z[node_id], np.nan)
    return nodes, gains


def coarse_path(
    features: DocFeatures,
    *,
    finest_block: int = params.FINEST_BLOCK,
    coarsest_blocks: int = params.COARSEST_BLOCKS,
    window: int = params.REFINE_WINDOW,
    dim: int = params.SKETCH_DIM,
    skip_cost: float = params.SKIP_COST,
) -> CoarsePath:
    """Find the global path at the coarsest level and refine it level by level (see the module docstring)."""
    n, m = features.zh.n_sentences, features.en.n_sentences
    counts = levels(n, m, finest_block=finest_block, coarsest_blocks=coarsest_blocks)
    weights = key_weights(features)
    columns, signs = _hash_columns(len(weights), dim)
    signed = (weights * signs).astype(np.float64)
    finest = counts[-1]
    zh_blocks = _side_sketches(features.zh, signed, columns, finest, dim)
    en_blocks = _side_sketches(features.en, signed, columns, finest, dim)
    pyramid = [(zh_blocks, en_blocks)]
    for _ in counts[:-1]:
        zh_blocks = zh_blocks[0::2] + zh_blocks[1::2]
        en_blocks = en_blocks[0::2] + en_blocks[1::2]
        pyramid.append((zh_blocks, en_blocks))
    pyramid.reverse()

    nodes = gains = None
    for level, (g, (zh_level, en_level)) in enumerate(zip(counts, pyramid, strict=True)):
        zh_unit, en_unit = _unit(zh_level), _unit(en_level)
        median, spread = chance_scale(zh_unit, en_unit, samples=min(g * g, params.CHANCE_SAMPLES), seed=level)
        band = dp.Band.full(g, g) if nodes is None else dp.Band.through_nodes(2 * nodes[:, 0], 2 * nodes[:, 1], g, margin=window)
        nodes, gains = _level_path(zh_unit, en_unit, band, median, spread, skip_cost)
    assert nodes is not None and gains is not None  # levels() gives at least one level
    return CoarsePath(nodes=nodes, gains=gains, zh_bounds=block_bounds(n, finest), en_bounds=block_bounds(m, finest))


def sentence_band(path: CoarsePath, n: int, m: int, margin: float) -> dp.Band:
    """The sentence-level DP band: the blocks the path passes through, widened by ``margin`` sentences."""
    xs, ys = path.sentence_nodes()
    return dp.Band.through_nodes(xs, ys, m, margin=margin)


def local_length_ratio(
    path: CoarsePath, zh_chars: np.ndarray, en_chars: np.ndarray, *, blocks: int = params.RATIO_WINDOW_BLOCKS
) -> np.ndarray:
    """English/Chinese character ratio near each Chinese sentence, over the path's diagonal steps within ``blocks`` steps.

    Skipped blocks (a passage one side lacks) do not count, so a gap does not distort the ratio around it.

    >>> p = CoarsePath(np.array([[0, 0], [1, 1], [2, 2]]), np.array([5.0, 5.0]), np.array([0, 2, 4]), np.array([0, 2, 4]))
    >>> local_length_ratio(p, np.array([1.0, 1, 1, 1]), np.array([3.0, 3, 1, 1]), blocks=0).tolist()
    [3.0, 3.0, 1.0, 1.0]
    """
    xs, ys = path.sentence_nodes()
    zh_cum = np.concatenate([[0.0], np.cumsum(zh_chars)])
    en_cum = np.concatenate([[0.0], np.cumsum(en_chars)])
    diagonal = ~np.isnan(path.gains)
    step_zh = np.where(diagonal, zh_cum[xs[1:]] - zh_cum[xs[:-1]], 0.0)
    step_en = np.where(diagonal, en_cum[ys[1:]] - en_cum[ys[:-1]], 0.0)
    cum_zh = np.concatenate([[0.0], np.cumsum(step_zh)])
    cum_en = np.concatenate([[0.0], np.cumsum(step_en)])
    steps = len(step_zh)
    lo = np.clip(np.arange(steps) - blocks, 0, steps)
    hi = np.clip(np.arange(steps) + blocks + 1, 0, steps)
    window_zh = cum_zh[hi] - cum_zh[lo]
    window_en = cum_en[hi] - cum_en[lo]
    overall = en_cum[-1] / zh_cum[-1] if zh_cum[-1] else 1.0
    ratio = np.where(window_zh > 0, window_en / np.maximum(window_zh, 1e-9), overall)
    ratio = np.where(ratio > 0, ratio, overall)
    # Each Chinese sentence takes the ratio of the step whose rows hold it.
    step_of = np.clip(np.searchsorted(xs[1:], np.arange(len(zh_chars)), side="right"), 0, steps - 1)
    return ratio[step_of]
