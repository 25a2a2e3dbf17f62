"""Turn an alignment into plain records, the common ground of every writer."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Alignment, Damage, Document
from ..normalize import apply_text_mode, check_text_mode

COLUMNS = ("row", "zh", "en", "type", "score", "zh_ids", "en_ids", "issues")


_LINE_BREAK = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class RowText:
    """The text of some sentences on one line, and where each offset of the source text landed in it.

    ``runs`` holds ``(source start, row start, length)`` for every stretch
    copied unchanged; the line breaks between them (hard-wrapped input) and
    the joins between sentences are the row's only other characters.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> doc = segment(document_of(SourceText("a", "He went\\nhome. She\\nstayed.\\n\\nBye.\\nNow.", "utf-8"), "en"))
    >>> row = row_text(doc, [0, 1])
    >>> row.text, row.text[row.position(14):row.position(17)]
    ('He went home. She stayed.', 'She')
    """

    text: str
    runs: tuple[tuple[int, int, int], ...]

    def position(self, source_offset: int) -> int:
        """Where ``source_offset`` (an offset into the document's source text) is in :attr:`text`."""
        k = bisect.bisect_right(self.runs, (source_offset, len(self.text) + 1, 0)) - 1
        if k < 0:
            return 0
        source_start, row_start, length = self.runs[k]
        return row_start + min(source_offset - source_start, length)


def row_text(document: Document, ids: Sequence[int]) -> RowText:
    """The author's text of sentences ``ids`` on one line (see :func:`sentence_text`) with its map back to the source."""
    joiner = "" if document.lang == "zh" else " "
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    for index in ids:
        sentence = document.sentences[index]
        if pieces:
            pieces.append(joiner)
            length += len(joiner)
        cursor = 0
        for brk in [*_LINE_BREAK.finditer(sentence.original), None]:
            stop = brk.start() if brk else len(sentence.original)
            run = sentence.original[cursor:stop].replace("\t", " ")
            runs.append((sentence.start + cursor, length, len(run)))
            pieces.append(run)
            length += len(run)
            if brk:
                pieces.append(joiner)
                length += len(joiner)
                cursor = brk.end()
    return RowText("".join(pieces), tuple(runs))


def shown_sentences(document: Document, *, text: str = "original") -> tuple[str, ...]:
    """Every sentence of ``document`` on one line, as ``text`` (``original``, ``repaired``, ``simplified``) shows it.

    Line breaks inside a sentence (hard-wrapped input) become a space in
    English and disappear in Chinese. ``repaired`` undoes the damage that
    segmentation recorded on the document (pinyin annotations, ``?`` glued
    between words, mojibake: see :func:`~corpus_align.normalize.apply_text_mode`),
    so the text shown and the findings' evidence come from one search;
    ``simplified`` also converts Chinese with the document's OpenCC
    configuration. One pass over the document: writers call it once, not once a row.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> doc = segment(document_of(SourceText("a", "關(guān)于。\\n合作。", "utf-8"), "zh"))
    >>> [shown_sentences(doc, text=mode) for mode in ("original", "repaired", "simplified")]
    [('關(guān)于。', '合作。'), ('關于。', '合作。'), ('关于。', '合作。')]
    """
    check_text_mode(text)
    if text == "original":
        return tuple(row_text(document, [index]).text for index in range(len(document.sentences)))
    damage = _damage_by_sentence(document)
    shown = []
    for index in range(len(document.sentences)):
        row = row_text(document, [index])
        # Recorded offsets point into the source; the row is the sentence on one line.
        in_row = [replace(d, start=row.position(d.start), end=row.position(d.end)) for d in damage.get(index, ())]
        shown.append(apply_text_mode(row.text, document.lang, text, damage=in_row, opencc=document.opencc))
    return tuple(shown)


def _damage_by_sentence(document: Document) -> dict[int, list[Damage]]:
    """The document's damage grouped by the sentence it starts in."""
    starts = [sentence.start for sentence in document.sentences]
    found: dict[int, list[Damage]] = {}
    for damage in document.damage:
        at = bisect.bisect_right(starts, damage.start) - 1
        if at >= 0 and damage.start < document.sentences[at].end:
            found.setdefault(at, []).append(damage)
    return found


def join_sentences(document: Document, shown: Sequence[str], ids: Sequence[int]) -> str:
    """The shown sentences ``ids`` on one line: English joined by a space, Chinese by nothing.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> doc = segment(document_of(SourceText("a", "He came. She left.", "utf-8"), "en"))
    >>> join_sentences(doc, shown_sentences(doc), [0, 1])
    'He came. She left.'
    """
    joiner = "" if document.lang == "zh" else " "
    return joiner.join(shown[index] for index in ids)


def sentence_text(document: Document, ids: Sequence[int], *, text: str = "original") -> str:
    """The text of sentences ``ids`` on one line, as ``text`` shows it (see :func:`shown_sentences`).

    For many rows of one document, call :func:`shown_sentences` once and
    :func:`join_sentences` per row instead.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> doc = segment(document_of(SourceText("a", "關於。\\n合作。", "utf-8"), "zh"))
    >>> sentence_text(doc, [0, 1]), sentence_text(doc, [0, 1], text="simplified")
    ('關於。合作。', '关于。合作。')
    """
    check_text_mode(text)
    if text == "original":
        return row_text(document, ids).text
    return join_sentences(document, shown_sentences(document, text=text), ids)


def bead_records(
    alignment: Alignment,
    *,
    text: str = "original",
    issues: Mapping[int, Sequence[str]] | None = None,
) -> list[dict]:
    """One record per bead with the TSV columns and ``raw_score``; ``issues`` maps a 1-based row to its finding codes.

    ``score`` is the probability that the bead is right; ``raw_score`` the
    aligner's two-way dictionary coverage behind it (JSONL only, for debugging).

    ``text`` is how the ``zh`` and ``en`` columns show the text (see :func:`shown_sentences`).

    >>> from corpus_align import align
    >>> bead_records(align("你好。", "Hello."))[0]["type"]
    '1-1'
    """
    issues = issues or {}
    zh, en = shown_sentences(alignment.zh, text=text), shown_sentences(alignment.en, text=text)
    return [
        {
            "row": row,
            "zh": join_sentences(alignment.zh, zh, bead.zh),
            "en": join_sentences(alignment.en, en, bead.en),
            "type": bead.type,
            "score": round(bead.score, 3),
            "zh_ids": list(bead.zh),
            "en_ids": list(bead.en),
            "issues": list(issues.get(row, ())),
            "raw_score": None if bead.raw_score is None else round(bead.raw_score, 3),
        }
        for row, bead in alignment.rows()
    ]


def metadata(alignment: Alignment) -> dict:
    """Version, settings, counts and warnings of an alignment, for JSONL and reports.

    >>> from corpus_align import align
    >>> metadata(align("你好。", "Hello."))["beads"]
    1
    """
    from .. import __version__

    return {
        "tool": "corpus-align",
        "version": __version__,
        "zh": alignment.zh.name,
        "en": alignment.en.name,
        "zh_sentences": len(alignment.zh.sentences),
        "en_sentences": len(alignment.en.sentences),
        "beads": len(alignment.beads),
        "evidence": round(alignment.evidence, 3),
        "settings": dict(alignment.settings),
        "warnings": list(alignment.warnings),
        "unsure": [
            {
                "first_row": r.first_row,
                "last_row": r.last_row,
                "kind": r.kind,
                "zh_sentences": r.zh_sentences,
                "en_sentences": r.en_sentences,
            }
            for r in alignment.unsure
        ],
    }
