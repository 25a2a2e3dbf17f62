"""Sentence alignment of a Chinese text with its English translation.

Pipeline (each step is a function of this module, so the benchmark can run
them one by one):

1. :func:`~corpus_align.aligner.features.extract_features` — evidence tokens.
2. :func:`find_band` — coarse path: for each Chinese sentence the English
   sentences sharing most *rare* keys (a sparse 1-1 matrix, never n×m), the
   heaviest monotone chain through them, and a band around that chain whose
   width grows where anchors are far apart.
3. Coverage counts in the band, bead costs (:mod:`.scores`), exact DP (:mod:`.dp`).
4. ``realign``: word pairs that co-occur in confident 1-1 beads of the first
   pass and are not yet known become extra translations; steps 1–3 run again
   with a band around the first path.

>>> beads = align_sentences(["我去了重庆。", "他很高兴。"], ["I went to Chongqing.", "He was very happy."])
>>> [(b.zh, b.en) for b in beads]
[((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .._arrays import sorted_unique
from .._runtime import cyclic_gc_paused
from . import coarse, dp, params
from .confidence import UnsureSpan, chance_similarity, unsure_spans
from .features import DocFeatures, add_translations, extract_features, set_token_weights
from .params import GAP_ROUNDS, REALIGN_MARGIN, UNPAIRED_PROBABILITY
from .probability import bead_inputs, probability
from .scores import CostParams, bead_costs, bead_evidence, bead_types, compute_coverage, edge_support, similarity

# Recommended threshold for :func:`evidence_strength`: the six MAC-Dev chapters
# score 0.32–0.49 with their translation (first pass) and 0.05–0.08 paired with
# another chapter's English.  Below this value, treat the pair as "not a
# translation".  Valid for chapter-length texts; a handful of short sentences
# can reach 0.3 by chance (every CC-CEDICT sense is kept).
NOT_A_TRANSLATION_BELOW = 0.2

# progress(stage, fraction of the whole done): see align_document.
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class RawBead:
    """One bead: contiguous 0-based sentence indices on each side (either may be empty) and its scores.

    ``score`` is the probability that the bead is right (:mod:`.probability`);
    ``raw_score`` the two-way coverage behind it (0..1), which the aligner itself works with.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    raw_score: float = 0.0


@dataclass(frozen=True)
class AlignResult:
    """Beads, the document-level evidence strength (see :func:`evidence_strength`) and the unsure stretches of beads.

    ``inputs`` holds the bead-probability inputs, one row per bead (:data:`.probability.INPUTS`).
    """

    beads: list[RawBead]
    evidence: float
    unsure: tuple[UnsureSpan, ...] = ()
    inputs: np.ndarray | None = None


def find_band(features: DocFeatures) -> tuple[dp.Band, np.ndarray | None]:
    """Return the DP band and the character ratio expected near each Chinese sentence (``None``: the document's own).

    A small document gets the whole grid; a long one a band around the global
    coarse path (:mod:`.coarse`), and the ratio found along that path: a
    document joined from parts translated differently has no one ratio.
    """
    n, m = features.zh.n_sentences, features.en.n_sentences
    if (n + 1) * (m + 1) <= params.FULL_GRID_CELLS:
        return dp.Band.full(n, m), None
    path = coarse.coarse_path(features)
    ratio = coarse.local_length_ratio(path, features.zh.chars, features.en.chars)
    return coarse.sentence_band(path, n, m, params.BAND_MARGIN), ratio


def band_around_beads(beads: Sequence[tuple[int, int, int, int]], n: int, m: int, half_width: float = 8.0) -> dp.Band:
    """Return a band of ``half_width`` columns around a previous path (for the second pass)."""
    xs = np.array([0] + [i1 for _i0, i1, _j0, _j1 in beads], dtype=np.int64)
    ys = np.array([0] + [j1 for _i0, _i1, _j0, j1 in beads], dtype=np.int64)
    return dp.Band.through_nodes(xs, ys, m, margin=half_width)


def _features(zh, en, glossary) -> DocFeatures:
    features = extract_features(zh, en, glossary=glossary)
    set_token_weights(features.zh)
    set_token_weights(features.en)
    return features


def _with_learned(features: DocFeatures, learned: dict[str, set[str]]) -> DocFeatures:
    features = add_translations(features, learned)
    set_token_weights(features.zh)
    return features


def _run(features: DocFeatures, band: dp.Band, types: np.ndarray, params: CostParams, *, gaps: Sequence[Gap] = ()):
    max_k = int(types[:, 0].max())
    max_l = int(types[:, 1].max())
    coverage = compute_coverage(features, band, max_k, max_l)
    cost = bead_costs(features, coverage, band, types, params, gaps=[g.strict for g in gaps])
    path = dp.banded_dp(band, types, cost)
    return path, coverage


@dataclass(frozen=True)
class Gap:
    """A passage one side lacks: the beads ``first .. last - 1`` of a path around it and the sentences they hold.

    ``sentences`` ``(i0, i1, j0, j1)`` is where the DP may search again;
    ``strict``, the sentences of the unsure stretch itself, is where a bead
    must earn its sentences.
    """

    first: int
    last: int
    sentences: tuple[int, int, int, int]
    strict: tuple[int, int, int, int]


def gaps_around(path: Sequence[tuple[int, int, int, int]], spans: Sequence[UnsureSpan], *,
                pad: int = params.GAP_PAD_BEADS, max_cells: int = params.GAP_MAX_CELLS) -> list[Gap]:
    """The one-sided unsure stretches of ``path``, widened so that lines drawn into them can go back (overlaps merged).

    A stretch is widened by ``pad`` beads and by twice the sentences of its
    shorter side on each side: those are the lines the DP may have pulled in
    from beyond its edges to glue to the unmatched passage.  A weak stretch
    within ``pad`` beads of a one-sided one belongs to it.  The widening
    shrinks until the gap's grid has at most ``max_cells`` cells; a gap still
    larger is left out (its stretch stays reported as unsure).

    >>> path = [(i, i + 1, i, i + 1) for i in range(10)] + [(10 + i, 11 + i, 10, 10) for i in range(20)]
    >>> gaps_around(path, [UnsureSpan(10, 30, "one-sided")], pad=2)
    [Gap(first=8, last=30, sentences=(8, 30, 8, 10), strict=(10, 30, 10, 10))]
    """
    def held(first: int, last: int) -> tuple[int, int, int, int]:
        return path[first][0], path[last - 1][1], path[first][2], path[last - 1][3]

    # A weak stretch next to a one-sided one is the same passage: lines glued to it without evidence.
    one_sided = [span for span in spans if span.kind == "one-sided"]
    near = [span for span in spans if span.kind == "one-sided" or any(
        span.stop + pad >= other.start and other.stop + pad >= span.start for other in one_sided)]
    gaps: list[Gap] = []
    for span in near:
        beads = path[span.start : span.stop]
        shorter = min(sum(i1 - i0 for i0, i1, _j0, _j1 in beads), sum(j1 - j0 for _i0, _i1, j0, j1 in beads))
        extra = pad + 2 * shorter
        while True:
            first, last = max(0, span.start - extra), min(len(path), span.stop + extra)
            strict = held(span.start, span.stop)
            if gaps and first <= gaps[-1].last:
                first = gaps[-1].first
                strict = (gaps[-1].strict[0], strict[1], gaps[-1].strict[2], strict[3])
            i0, i1, j0, j1 = held(first, last)
            if (i1 - i0 + 1) * (j1 - j0 + 1) <= max_cells or extra <= pad:
                break
            extra //= 2
        if (i1 - i0 + 1) * (j1 - j0 + 1) > max_cells:
            continue  # too large to search again in full: it stays reported as unsure, as it is
        if gaps and first == gaps[-1].first:
            gaps.pop()
        gaps.append(Gap(first, last, (i0, i1, j0, j1), strict))
    return gaps


def realign_gaps(features: DocFeatures, path, gaps: Sequence[Gap], types: np.ndarray, params: CostParams):
    """Align the beads of each gap again, with unsupported sentences paying the null cost there; the rest of the path is kept.

    Returns ``(path, coverage)``; the coverage holds every bead of the new path.
    A passage one side lacks leaves a surplus of sentences that the cheapest
    path hides by gluing them, in many-to-one beads without evidence, to lines
    drawn in from around the gap.  Inside the gap a bead must earn its
    sentences (:func:`~corpus_align.aligner.scores.unsupported_share`), so the
    passage comes out one-sided and the drawn-in lines return to their
    partners.  Outside the gaps the DP may only retrace the old beads.
    """
    # Node t is where bead t starts (node len(path): the end).  Inside a gap only its corners are kept.
    xs = np.array([0] + [i1 for _i0, i1, _j0, _j1 in path], dtype=np.int64)
    ys = np.array([0] + [j1 for _i0, _i1, _j0, j1 in path], dtype=np.int64)
    keep_nodes = np.ones(len(xs), dtype=bool)
    for gap in gaps:
        keep_nodes[gap.first + 1 : gap.last] = False
    band = dp.Band.through_nodes(xs[keep_nodes], ys[keep_nodes], features.en.n_sentences, margin=0)
    new_path, coverage = _run(features, band, types, params, gaps=gaps)
    out = list(path[: gaps[0].first]) if gaps else list(path)
    for index, gap in enumerate(gaps):
        i0, i1, j0, j1 = gap.sentences
        out.extend(b for b in new_path if b[0] >= i0 and b[1] <= i1 and b[2] >= j0 and b[3] <= j1)
        following = gaps[index + 1].first if index + 1 < len(gaps) else len(path)
        out.extend(path[gap.last : following])
    return out, coverage


def _length_dev(features: DocFeatures, i0: int, i1: int, j0: int, j1: int) -> float:
    """Gale–Church log length ratio ``log(en chars / (c · zh chars))`` of a bead (``c`` = the document's ratio near it)."""
    ratio = float(features.ratio_at(np.array([i0]))[0])
    z = float(features.zh.chars[i0:i1].sum())
    e = float(features.en.chars[j0:j1].sum())
    return math.log((e + 1.0) / (ratio * z + 1.0))


def _split_candidate(features, coverage, bead, params: CostParams):
    """Return ``(side, which)`` of the edge sentence to split off ``bead``, or ``None`` (see :func:`split_unsupported`)."""
    i0, i1, j0, j1 = bead
    k, ell = i1 - i0, j1 - j0
    if k + ell < 3 or k == 0 or ell == 0:
        return None
    by_length = params.split_len_sigmas > 0
    d_before = abs(_length_dev(features, i0, i1, j0, j1)) if by_length else 0.0
    worst = None
    for side, which, share, marginal, n_tok, _content in edge_support(features, coverage, np.array([i1]), np.array([j1]), k, ell):
        share, marginal = float(share[0]), float(marginal[0])
        if n_tok < params.split_min_tokens:
            continue
        key = None
        if by_length and share < params.split_share_tau:
            # Two independent kinds of evidence: little lexical support above
            # chance, and the rest of the bead has a clearly better length ratio.
            if side == "zh":
                rest = (i0 + 1, i1, j0, j1) if which == 0 else (i0, i1 - 1, j0, j1)
            else:
                rest = (i0, i1, j0 + 1, j1) if which == 0 else (i0, i1, j0, j1 - 1)
            gain = d_before - abs(_length_dev(features, *rest))
            if gain >= params.split_len_sigmas * params.length_sigma:
                key = share + marginal
        if key is not None and (worst is None or key < worst[0]):
            worst = (key, side, which)
    return None if worst is None else worst[1:]


def _may_split(features: DocFeatures, coverage, path, params: CostParams) -> set[int]:
    """Indices of the beads with an edge sentence that :func:`_split_candidate` could split off (a superset, screened by type at once)."""
    by_type: dict[tuple[int, int], list[int]] = {}
    for index, (i0, i1, j0, j1) in enumerate(path):
        k, ell = i1 - i0, j1 - j0
        if k and ell and k + ell >= 3:
            by_type.setdefault((k, ell), []).append(index)
    found: set[int] = set()
    for (k, ell), indices in by_type.items():
        ends = np.array([[path[x][1], path[x][3]] for x in indices], dtype=np.int64)
        for _side, _which, share, _marginal, n_tok, _content in edge_support(features, coverage, ends[:, 0], ends[:, 1], k, ell):
            maybe = (n_tok >= params.split_min_tokens) & (share < params.split_share_tau)
            found.update(indices[x] for x in np.flatnonzero(maybe))
    return found


def split_unsupported(features: DocFeatures, coverage, path, params: CostParams):
    """Split off the edge sentences of many-beads that have no support of their own as null beads.

    Candidates are the first and last sentence of a side with two or more
    sentences in a bead (:func:`~corpus_align.aligner.scores.edge_support`).

    A sentence is split off when its chance-corrected covered share is below
    ``split_share_tau`` *and* removing it brings the bead's Gale–Church log
    length ratio closer to the document's by at least ``split_len_sigmas ·
    length_sigma`` (``split_len_sigmas = 0`` turns the pass off).  When a
    translation leaves a sentence out, the DP usually glues the orphan to a
    neighbour and that bead is about twice too long on one side; in a true
    free-translation merge, removing a sentence makes the ratio worse.

    Sentences need at least ``split_min_tokens`` evidence tokens to be judged.
    The rest of a split bead is examined again, until nothing changes.
    """
    if params.split_len_sigmas <= 0:
        return path
    screened = _may_split(features, coverage, path, params)
    out = []
    for index, bead in enumerate(path):
        if index not in screened:
            out.append(bead)
            continue
        stack = [bead]
        while stack:
            i0, i1, j0, j1 = stack.pop()
            found = _split_candidate(features, coverage, (i0, i1, j0, j1), params)
            if found is None:
                out.append((i0, i1, j0, j1))
                continue
            side, which = found
            if side == "zh":
                null, rest = ((i0, i0 + 1, j0, j0), (i0 + 1, i1, j0, j1)) if which == 0 else ((i1 - 1, i1, j1, j1), (i0, i1 - 1, j0, j1))
            else:
                null, rest = ((i0, i0, j0, j0 + 1), (i0, i1, j0 + 1, j1)) if which == 0 else ((i1, i1, j1 - 1, j1), (i0, i1, j0, j1 - 1))
            # Re-examine the rest (it may have another unsupported edge); keep order.
            if which == 0:
                out.append(null)
                stack.append(rest)
            else:
                stack.append(null)
                stack.append(rest)
    return out


def _bead_scores(features: DocFeatures, coverage, path) -> np.ndarray:
    scores = np.zeros(len(path))
    by_type: dict[tuple[int, int], list[int]] = {}
    for index, (i0, i1, j0, j1) in enumerate(path):
        by_type.setdefault((i1 - i0, j1 - j0), []).append(index)
    for (k, ell), indices in by_type.items():
        if k == 0 or ell == 0:
            continue
        ends = np.array([[path[x][1], path[x][3]] for x in indices], dtype=np.int64)
        ev = bead_evidence(features, coverage, ends[:, 0], ends[:, 1], k, ell)
        scores[indices] = similarity(ev)
    return scores


def confident_one_to_one(path, scores: np.ndarray, *, max_beads: int = params.LEARN_MAX_BEADS,
                         stretch: int = params.LEARN_STRETCH_BEADS) -> np.ndarray:
    """Indices into ``path`` of the 1-1 beads that score in the upper half of their own stretch of the document.

    The 1-1 beads are cut into stretches of ``stretch`` consecutive beads and
    each stretch gives the same share of its beads, its best: half, or less
    when that would pass ``max_beads``.  A long document joined from parts of
    unlike evidence (a novel's chapters beside a manual) then learns from
    every part; one threshold over the whole would keep only the manual.

    >>> path = [(i, i + 1, i, i + 1) for i in range(4)] + [(4, 6, 4, 5)]
    >>> confident_one_to_one(path, np.array([0.9, 0.1, 0.5, 0.3, 1.0])).tolist()
    [0, 2]
    """
    ones = np.array([x for x, (i0, i1, j0, j1) in enumerate(path) if i1 - i0 == 1 and j1 - j0 == 1], dtype=np.int64)
    if not len(ones):
        return ones
    share = min(0.5, max_beads / len(ones))
    n_stretches = max(1, round(len(ones) / stretch))
    chosen = []
    for part in np.array_split(ones, n_stretches):
        values = scores[part]
        # The upper half by the median (ties kept, as a threshold would) or, capped, the best ``share`` of it.
        threshold = np.median(values) if share >= 0.5 else np.sort(values)[-max(1, round(share * len(part)))]
        chosen.append(part[values >= threshold])
    return np.concatenate(chosen)


def learn_pairs(
    features: DocFeatures, path, scores: np.ndarray, *, min_count: int = 2, min_dice: float = 0.5, max_beads: int = params.LEARN_MAX_BEADS
) -> dict[str, set[str]]:
    """Learn document-specific ``zh word → English stems`` pairs from confident 1-1 beads.

    The beads are :func:`confident_one_to_one`.  A pair is kept when it co-occurs in at least ``min_count`` such beads and
    its Dice coefficient over them is at least ``min_dice`` (Hunalign's
    realign idea, with Dice instead of its dictionary-building heuristics).
    """
    confident = confident_one_to_one(path, scores, max_beads=max_beads)
    if not len(confident):
        return {}
    zh_index: dict[str, int] = {}
    en_index: dict[str, int] = {}
    zh_rows, en_rows = [], []
    for i0, _i1, j0, _j1 in (path[x] for x in confident.tolist()):
        zh_rows.append(np.fromiter({zh_index.setdefault(w, len(zh_index)) for w in features.zh.words[i0]}, dtype=np.int64))
        en_rows.append(np.fromiter({en_index.setdefault(w, len(en_index)) for w in features.en.words[j0]}, dtype=np.int64))
    if not zh_index or not en_index:
        return {}
    n_en = len(en_index)
    zh_freq = np.bincount(np.concatenate(zh_rows), minlength=len(zh_index))
    en_freq = np.bincount(np.concatenate(en_rows), minlength=n_en)
    # Every (zh word, en word) pair of a bead, counted over beads, as one integer code each.
    codes = np.concatenate([np.add.outer(z * n_en, e).ravel() for z, e in zip(zh_rows, en_rows, strict=True)])
    pairs, inverse = sorted_unique(codes, return_inverse=True)
    counts = np.bincount(inverse, minlength=len(pairs))
    z, e = pairs // n_en, pairs % n_en
    dice = 2.0 * counts / (zh_freq[z] + en_freq[e])
    keep = (counts >= min_count) & (dice >= min_dice)
    zh_words = list(zh_index)
    en_words = list(en_index)
    learned: dict[str, set[str]] = {}
    for zi, ei in zip(z[keep].tolist(), e[keep].tolist(), strict=True):
        learned.setdefault(zh_words[zi], set()).add(en_words[ei])
    return learned


def align_document(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    max_merge: int = 4,
    glossary: Sequence[tuple[str, str]] = (),
    realign: bool = True,
    params: CostParams | None = None,
    progress: Progress | None = None,
) -> AlignResult:
    """Align two sentence lists and report how strong the lexical evidence was.

    ``progress(stage, fraction)`` is called as the work goes on (``fraction``
    of the whole, 0..1), for a progress bar on long documents.

    >>> result = align_document(["你好。"], ["Hello."])
    >>> [(b.zh, b.en) for b in result.beads]
    [((0,), (0,))]
    """
    with cyclic_gc_paused():
        return _align_document(zh, en, max_merge=max_merge, glossary=glossary, realign=realign, params=params,
                               progress=progress)


def _align_document(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    max_merge: int,
    glossary: Sequence[tuple[str, str]],
    realign: bool,
    params: CostParams | None,
    progress: Progress | None,
) -> AlignResult:
    report = progress or (lambda stage, fraction: None)
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        beads = [RawBead((i,), (), UNPAIRED_PROBABILITY) for i in range(n)] + [RawBead((), (j,), UNPAIRED_PROBABILITY) for j in range(m)]
        return AlignResult(beads, 0.0)
    params = params or CostParams.default()
    types = bead_types(max_merge)
    report("reading words, names and numbers", 0.0)
    features = _features(zh, en, glossary)
    report("finding the path through the document", 0.4)
    band, features.length_ratio = find_band(features)
    report("aligning sentences", 0.45)
    path, coverage = _run(features, band, types, params)
    scores = _bead_scores(features, coverage, path)
    report("aligning again with learnt word pairs", 0.7)
    if realign:
        learned = learn_pairs(features, path, scores)
        if learned:
            features = _with_learned(features, learned)
            band = band_around_beads(path, n, m, REALIGN_MARGIN)
            path, coverage = _run(features, band, types, params)
    report("scoring", 0.95)
    path = split_unsupported(features, coverage, path, params)
    scores = _bead_scores(features, coverage, path)
    chance = chance_similarity(features)
    seen: set[tuple[int, int, int, int]] = set()
    for _round in range(GAP_ROUNDS):
        # A gap realigned may show more of the passage as one-sided: look again until nothing new is found.
        gaps = [gap for gap in gaps_around(path, _unsure(path, scores, chance)) if gap.strict not in seen]
        if not gaps:
            break
        seen.update(gap.strict for gap in gaps)
        path, coverage = realign_gaps(features, path, gaps, types, params)
        scores = _bead_scores(features, coverage, path)
    raw = np.clip(scores, 0.0, 1.0)
    unsure = _unsure(path, raw, chance)
    # The probability is computed from the final path and never feeds back into it.
    inputs = bead_inputs(features, coverage, path, raw, chance, unsure, params.length_sigma)
    beads = [
        RawBead(tuple(range(i0, i1)), tuple(range(j0, j1)), float(p), float(s))
        for (i0, i1, j0, j1), p, s in zip(path, probability(inputs), raw, strict=True)
    ]
    report("done", 1.0)
    return AlignResult(beads, evidence_strength(beads), tuple(unsure), inputs)


def _unsure(path, scores: np.ndarray, chance: tuple[float, float]) -> list[UnsureSpan]:
    two_sided = np.array([i1 > i0 and j1 > j0 for i0, i1, j0, j1 in path], dtype=bool)
    return unsure_spans(scores, two_sided, chance=chance)


def align_sentences(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    max_merge: int = 4,
    glossary: Sequence[tuple[str, str]] = (),
    realign: bool = True,
) -> list[RawBead]:
    """Align Chinese sentences with English sentences; return monotone beads covering every sentence once.

    >>> [(b.zh, b.en) for b in align_sentences([], ["Hi."])]
    [((), (0,))]
    """
    return align_document(zh, en, max_merge=max_merge, glossary=glossary, realign=realign).beads


def evidence_strength(beads: Sequence[RawBead]) -> float:
    """Mean raw score (two-way lexical coverage) of the 1-1 beads; 0.0 when there are none.

    Compare with :data:`NOT_A_TRANSLATION_BELOW`: a lower value means the two
    documents are evidently not translations of each other.

    >>> evidence_strength([RawBead((0,), (0,), 0.9, 0.5), RawBead((1,), (), 0.2, 0.0)])
    0.5
    """
    values = [b.raw_score for b in beads if len(b.zh) == 1 and len(b.en) == 1]
    return float(np.mean(values)) if values else 0.0
