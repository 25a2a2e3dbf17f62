"""glossary-mismatch: a glossary term in the Chinese whose required English is absent.

Evidence: for each glossary entry whose Chinese (as written or Simplified)
occurs in the row, whether its English target occurs in the English (whole
words, any case, an -s/-es plural or possessive allowed).  Decision: a term
present with its target absent is a finding, with the target as suggestion.
It is the only finding for that term: ``entity-missing`` leaves glossary terms
(and names inside them) to this check, so a missing term is reported once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import CheckRow, GlossaryEntry
from .context import CheckContext, zh_original_span
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
                shown = _as_written(row, entry)
                yield ctx.finding(
                    "glossary-mismatch", view,
                    f"the glossary term {shown} should be rendered as {entry.target!r}",
                    zh_text=shown, suggestion=entry.target,
                )


def _as_written(row: CheckRow, entry: GlossaryEntry) -> str:
    """The glossary term as the row writes it: the glossary's form, or the row's own script of it.

    >>> from corpus_align.model import CheckRow
    >>> _as_written(CheckRow(1, "市對外友協", "市对外友协", ""), GlossaryEntry("对外友协", "对外友协", "Friendship Association"))
    '對外友協'
    """
    if entry.source and entry.source in row.zh:
        return entry.source
    start = row.zh_normalized.find(entry.simplified)
    return zh_original_span(row, start, start + len(entry.simplified)) if start >= 0 else entry.source

