"""Ladder files: ``[zh ids]:[en ids]`` per bead, 0-based, as used by Vecalign and Bertalign."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Alignment, Bead


def ladder_line(zh: Sequence[int], en: Sequence[int]) -> str:
    """One bead in ladder notation.

    >>> ladder_line((0, 1), (0,)), ladder_line((), (3,))
    ('[0,1]:[0]', '[]:[3]')
    """
    return f"[{','.join(map(str, zh))}]:[{','.join(map(str, en))}]"


def to_ladder(alignment: Alignment | Iterable[tuple[Sequence[int], Sequence[int]]]) -> str:
    """Render beads as a ladder file.

    >>> from corpus_align import align
    >>> to_ladder(align("你好。", "Hello."))
    '[0]:[0]\\n'
    """
    beads = alignment.beads if isinstance(alignment, Alignment) else alignment
    pairs = [(b.zh, b.en) if isinstance(b, Bead) else b for b in beads]
    return "".join(ladder_line(zh, en) + "\n" for zh, en in pairs)
