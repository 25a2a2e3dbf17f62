"""Array helpers that both the aligner and the checks need (below both, so neither imports the other)."""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray, *, return_inverse: bool = False):
    """``np.unique`` by sorting: NumPy 2's hash-based ``np.unique`` takes seconds on the million-entry integer
    arrays of a long document's pairs or a window's lexicon, a sort some milliseconds.

    >>> sorted_unique(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    >>> [a.tolist() for a in sorted_unique(np.array([3, 1, 3]), return_inverse=True)]
    [[1, 3], [1, 0, 1]]
    """
    if not return_inverse:
        ordered = np.sort(values)
        first = np.ones(len(ordered), dtype=bool)
        first[1:] = ordered[1:] != ordered[:-1]
        return ordered[first]
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse
