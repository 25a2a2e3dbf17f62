"""Count, for every sentence and every candidate span of the other side inside a band, how many of the
sentence's evidence tokens the span covers (see :mod:`~corpus_align.aligner.features` for the tokens).

Coverage of a whole bead is then a sum of these counts, because each token belongs to exactly one
sentence.  :func:`span_cover_counts` is compiled with numba: it walks an :func:`inverted_index`
restricted to the band, so its cost is linear in the document length times the band width.
"""

from __future__ import annotations

import numba
import numpy as np

from .features import SideFeatures


def inverted_index(side: SideFeatures, n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(ptr, sentences)``: for key ``k``, the sorted sentences whose key set holds it.

    >>> from corpus_align.aligner.features import extract_features
    >>> ptr, post = inverted_index(extract_features(["猫。"], ["A cat.", "The cat."]).en, 5)
    >>> post.tolist()  # doctest: +SKIP
    [0, 1]
    """
    lengths = np.diff(side.set_ptr)
    sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    order = np.lexsort((sentence_of, side.set_keys))
    counts = np.bincount(side.set_keys, minlength=n_keys)
    ptr = np.zeros(n_keys + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return ptr, sentence_of[order]


@numba.njit(cache=True)
def first_at_least(sorted_values, start, stop, value):  # pragma: no cover - compiled
    """Index of the first element >= ``value`` in ``sorted_values[start:stop]`` (binary search), ``stop`` if none."""
    while start < stop:
        middle = (start + stop) // 2
        if sorted_values[middle] < value:
            start = middle + 1
        else:
            stop = middle
    return start


@numba.njit(cache=True, nogil=True)
def span_cover_counts(tok_ptr, key_ptr, keys, weights, post_ptr, post, n_target, win_lo, win_w, max_len):  # pragma: no cover - compiled
    """out[(row_ptr[s] + o) * max_len + l-1] = weight of the tokens of s covered by targets win_lo[s]+o .. +l-1.

    Ragged storage (``row_ptr`` = running sum of ``win_w``) keeps memory
    proportional to the band's area even where a few rows are wide.
    """
    n = len(tok_ptr) - 1
    width = 1
    row_ptr = np.zeros(n + 1, dtype=np.int64)
    for s in range(n):
        if win_w[s] > width:
            width = win_w[s]
        row_ptr[s + 1] = row_ptr[s] + max(win_w[s], 0)
    out = np.zeros(row_ptr[n] * max_len, dtype=np.float32)
    span = width + max_len
    hit = np.zeros(span, dtype=np.bool_)
    nearest = np.empty(span + 1, dtype=np.int64)
    for s in range(n):
        lo = win_lo[s]
        w = win_w[s]
        if w <= 0:
            continue
        top = min(lo + w + max_len - 1, n_target)  # exclusive end of target sentences in reach
        for t in range(tok_ptr[s], tok_ptr[s + 1]):
            for p in range(top - lo):
                hit[p] = False
            any_hit = False
            for q in range(key_ptr[t], key_ptr[t + 1]):
                k = keys[q]
                a = first_at_least(post, post_ptr[k], post_ptr[k + 1], lo)
                while a < post_ptr[k + 1] and post[a] < top:
                    hit[post[a] - lo] = True
                    any_hit = True
                    a += 1
            if not any_hit:
                continue
            reach = top - lo
            nearest[reach] = 1 << 30
            for p in range(reach - 1, -1, -1):
                nearest[p] = p if hit[p] else nearest[p + 1]
            for o in range(min(w, reach)):
                d = nearest[o] - o
                if d < max_len:
                    base = (row_ptr[s] + o) * max_len
                    for ell in range(d, max_len):
                        out[base + ell] += weights[t]
    return out, row_ptr
