"""glossary-mismatch: a glossary term in the Chinese whose required English is absent.

Evidence: for each glossary entry whose Chinese (as written or Simplified)
occurs in the row, whether its English target occurs in the English (whole
words, any case, an -s/-es plural or possessive allowed).  Decision: a term
present with its target absent is a finding, with the target as suggestion.
When the term has no rendering at all, ``entity-missing`` reports it instead
only if the term is a name; ``glossary-mismatch`` fires either way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import GlossaryEntry
from .context import CheckContext
from .registry import register


@functools.lru_cache(maxsize=4096)
def _target_pattern(target: str) -> re.Pattern:
    words = [re.escape(w) for w in target.split()]
    body = r"[\s\-]+".join(words)
    return re.compile(r"(?<![A-Za-z])" + body + r"(?:s|es|'s|’s)?(?![A-Za-z])", re.I)


def glossary_hits(zh: str, zh_normalized: str, en: str, glossary: tuple[GlossaryEntry, ...]) -> list[tuple[GlossaryEntry, bool]]:
    """``(entry, rendered)`` for each glossary entry found in the Chinese.

    >>> g = (GlossaryEntry("對外友協", "对外友协", "Association for Friendship with Foreign Countries"),)
    >>> [ok for _, ok in glossary_hits("對外友協", "对外友协", "the Friendship Association", g)]
    [False]
    """
    hits = []
    for entry in glossary:
        if (entry.source and entry.source in zh) or (entry.simplified and entry.simplified in zh_normalized):
            hits.append((entry, bool(_target_pattern(entry.target).search(en))))
    return hits


@register(
    "glossary-mismatch",
    severity="warning",
    family="glossary",
    what="A term of the user's glossary appears in the Chinese, but its required English rendering does not "
    "appear in the aligned English.",
    why="Organisations, titles and key terms must be rendered the same way throughout a job; the glossary is "
    "the client's instruction.",
    example=("重庆市对外友协副会长", "vice president of the Chongqing Friendship Society"),
    silence="`--ignore glossary-mismatch`, or add the variant the translator used as another glossary entry.",
    false_positives="A term rendered by a pronoun or a short form after its first mention ('the Association').",
)
def check_glossary(ctx: CheckContext) -> Iterator:
    if not ctx.glossary:
        return
    for view in ctx.rows:
        row = view.row
        if not row.en.strip():
            continue
        for entry, rendered in glossary_hits(row.zh, row.zh_normalized, row.en, ctx.glossary):
            if not rendered:
                yield ctx.finding(
                    "glossary-mismatch", view,
                    f"glossary term {entry.source} should be rendered as {entry.target!r}",
                    zh_text=entry.source, suggestion=entry.target,
                )
