"""Turn an alignment into plain records, the common ground of every writer."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .._lazy import opencc_converter
from ..errors import UsageError
from ..model import Alignment, Document

ZH_SCRIPTS = ("original", "simplified")
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


def sentence_text(document: Document, ids: Sequence[int], *, zh_script: str = "original") -> str:
    """The text of sentences ``ids`` on one line: English joined by a space, Chinese by nothing.

    Line breaks inside a sentence (hard-wrapped input) become a space in
    English and disappear in Chinese. ``zh_script="simplified"`` converts the
    author's Chinese with OpenCC; otherwise it is shown as written.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> doc = segment(document_of(SourceText("a", "關於。\\n合作。", "utf-8"), "zh"))
    >>> sentence_text(doc, [0, 1]), sentence_text(doc, [0, 1], zh_script="simplified")
    ('關於。合作。', '关于。合作。')
    """
    if zh_script not in ZH_SCRIPTS:
        raise UsageError(f"unknown --zh-script {zh_script!r}; choose one of {', '.join(ZH_SCRIPTS)}")
    if document.lang == "zh" and zh_script == "simplified":
        convert = opencc_converter(document.opencc or "t2s").convert
        return "".join(convert(row_text(document, [index]).text) for index in ids)
    return row_text(document, ids).text


def bead_records(
    alignment: Alignment,
    *,
    zh_script: str = "original",
    issues: Mapping[int, Sequence[str]] | None = None,
) -> list[dict]:
    """One record per bead with the TSV columns and ``raw_score``; ``issues`` maps a 1-based row to its finding codes.

    ``score`` is the probability that the bead is right; ``raw_score`` the
    aligner's two-way dictionary coverage behind it (JSONL only, for debugging).

    >>> from corpus_align import align
    >>> bead_records(align("你好。", "Hello."))[0]["type"]
    '1-1'
    """
    issues = issues or {}
    return [
        {
            "row": row,
            "zh": sentence_text(alignment.zh, bead.zh, zh_script=zh_script),
            "en": sentence_text(alignment.en, bead.en),
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
