"""Whether the checks read two scripts of one document alike (shared by the fixture and probe tests)."""

from __future__ import annotations

from corpus_align.model import CheckRow
from corpus_align.text.patterns import CJK


def read_alike(first: list[CheckRow], second: list[CheckRow]) -> bool:
    """True when the checks read the two versions of a document alike: the same Chinese once normalized, the same
    English, damage and bead types, and no Chinese in the English (which the checks compare with the Chinese as
    written).  Then only the script of the Chinese as written differs, which the checks show but do not weigh."""
    return all((a.zh_normalized, a.en, a.zh_damage, a.type) == (b.zh_normalized, b.en, b.zh_damage, b.type)
               and not CJK.search(a.en) for a, b in zip(first, second, strict=True))
