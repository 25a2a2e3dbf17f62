"""The search: a band of allowed nodes and an exact bead DP inside it.

This module knows nothing about languages.  It sees a band (:class:`Band`)
and a cost table with one column per bead type (:func:`banded_dp`); the
coarse path (:mod:`.coarse`) uses the same DP on a grid of blocks.  The DP grid nodes are ``(i, j)`` = "the first
``i`` source and ``j`` target sentences are aligned"; a bead of type ``(k, l)``
ending at ``(i, j)`` covers source ``i-k .. i-1`` and target ``j-l .. j-1``.

The hot loops are compiled with numba (``cache=True``, so the compilation is
paid once per installation): time and memory are linear in the number of band
nodes, i.e. in document length times band width.

>>> import numpy as np
>>> band = Band.around_path(np.array([0.0, 1.0, 2.0]), 2, half_width=np.full(3, 1.0))
>>> types = np.array([[1, 1], [1, 0], [0, 1]])
>>> cost = np.ones((band.n_nodes, 3), dtype=np.float32)
>>> banded_dp(band, types, cost)
[(0, 1, 0, 1), (1, 2, 1, 2)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np


@dataclass(frozen=True)
class Band:
    """Allowed DP nodes: row ``i`` (0..n) may use columns ``lo[i]..hi[i]``; node ids are ``ptr[i] + j - lo[i]``."""

    n: int
    m: int
    lo: np.ndarray
    hi: np.ndarray
    ptr: np.ndarray

    @property
    def n_nodes(self) -> int:
        return int(self.ptr[-1])

    @staticmethod
    def from_bounds(n: int, m: int, lo: np.ndarray, hi: np.ndarray) -> Band:
        """Make a valid band from rough bounds: monotone, clipped, connected, containing both corners.

        >>> Band.from_bounds(2, 2, np.array([0, 5, 5]), np.array([0, 0, 2])).lo.tolist()
        [0, 2, 2]
        """
        lo = np.clip(np.floor(lo), 0, m).astype(np.int64)
        hi = np.clip(np.ceil(hi), 0, m).astype(np.int64)
        lo[0], hi[-1] = 0, m
        lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing, never above a later row's start
        hi = np.maximum.accumulate(hi)
        hi = np.maximum(hi, lo)
        # Every row must reach the next row's start, or the DP could not pass.
        hi[:-1] = np.maximum(hi[:-1], lo[1:])
        ptr = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(hi - lo + 1, out=ptr[1:])
        return Band(n=n, m=m, lo=lo, hi=hi, ptr=ptr)

    @staticmethod
    def around_path(center: np.ndarray, m: int, *, half_width: np.ndarray) -> Band:
        """Band of ``center[i] ± half_width[i]`` columns for each row ``i`` (``len(center) = n + 1``).

        >>> Band.around_path(np.array([0.0, 2.0]), 2, half_width=np.array([1.0, 1.0])).hi.tolist()
        [1, 2]
        """
        return Band.from_bounds(len(center) - 1, m, center - half_width, center + half_width)

    @staticmethod
    def through_nodes(xs: np.ndarray, ys: np.ndarray, m: int, *, margin: float) -> Band:
        """The band that holds a monotone path through nodes ``(xs, ys)`` (from ``(0, 0)`` to ``(n, m)``), widened by ``margin`` columns.

        Between two nodes the path may take any route inside their rectangle.

        >>> band = Band.through_nodes(np.array([0, 2, 4]), np.array([0, 1, 4]), 4, margin=0)
        >>> band.lo.tolist(), band.hi.tolist()
        ([0, 0, 1, 1, 4], [0, 1, 1, 4, 4])
        """
        n = int(xs[-1])
        rows = np.arange(n + 1)
        first = np.minimum(np.searchsorted(xs, rows, side="left"), len(xs) - 1)
        lo = ys[np.where(xs[first] > rows, np.maximum(first - 1, 0), first)]
        last = np.maximum(np.searchsorted(xs, rows, side="right") - 1, 0)
        hi = ys[np.where(xs[last] < rows, np.minimum(last + 1, len(xs) - 1), last)]
        return Band.from_bounds(n, m, lo - margin, hi + margin)

    @staticmethod
    def full(n: int, m: int) -> Band:
        """The whole ``(n+1) × (m+1)`` grid (small documents only).

        >>> Band.full(2, 3).n_nodes
        12
        """
        return Band.from_bounds(n, m, np.zeros(n + 1), np.full(n + 1, m))

    def node_grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(i, j)`` of every node, in node-id order."""
        widths = self.hi - self.lo + 1
        rows = np.repeat(np.arange(self.n + 1, dtype=np.int64), widths)
        cols = np.arange(self.n_nodes, dtype=np.int64) - np.repeat(self.ptr[:-1], widths) + np.repeat(self.lo, widths)
        return rows, cols


@numba.njit(cache=True, nogil=True)
def _dp(n, lo, hi, ptr, types, cost):  # pragma: no cover - compiled
    inf = np.inf
    n_nodes = ptr[-1]
    total = np.full(n_nodes, inf, dtype=np.float64)
    back = np.full(n_nodes, -1, dtype=np.int8)
    total[0] = 0.0
    n_types = types.shape[0]
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            node = ptr[i] + j - lo[i]
            if i == 0 and j == 0:
                continue
            best = inf
            arg = -1
            for t in range(n_types):
                k = types[t, 0]
                ell = types[t, 1]
                pi = i - k
                pj = j - ell
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                c = cost[node, t]
                if c == inf:
                    continue
                value = total[ptr[pi] + pj - lo[pi]] + c
                if value < best:
                    best = value
                    arg = t
            total[node] = best
            back[node] = arg
    return total, back


def banded_dp(band: Band, types: np.ndarray, cost: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Return the cheapest monotone path as beads ``(i0, i1, j0, j1)`` (half-open ranges).

    ``cost[node, t]`` is the cost of a bead of type ``types[t] = (k, l)`` ending
    at ``node`` (``inf`` forbids it).
    """
    types = np.ascontiguousarray(types, dtype=np.int64)
    total, back = _dp(band.n, band.lo, band.hi, band.ptr, types, np.ascontiguousarray(cost))
    i, j = band.n, band.m
    if not np.isfinite(total[band.ptr[i] + j - band.lo[i]]):
        raise RuntimeError("no path through the alignment band; the band is disconnected")
    beads = []
    while i > 0 or j > 0:
        t = back[band.ptr[i] + j - band.lo[i]]
        k, ell = int(types[t, 0]), int(types[t, 1])
        beads.append((i - k, i, j - ell, j))
        i, j = i - k, j - ell
    return beads[::-1]
