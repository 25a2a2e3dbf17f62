"""Turn an alignment into plain records, the common ground of every writer."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .._lazy import opencc_converter
from ..errors import UsageError
from ..model import Alignment, Document

ZH_SCRIPTS = ("original", "simplified")
COLUMNS = ("row", "zh", "en", "type", "score", "zh_ids", "en_ids", "issues")


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
    joiner = "" if document.lang == "zh" else " "
    pieces = []
    for index in ids:
        text = document.sentences[index].original
        text = re.sub(r"\s*\n\s*", joiner, text).replace("\t", " ")
        if document.lang == "zh" and zh_script == "simplified":
            text = opencc_converter(document.opencc or "t2s").convert(text)
        pieces.append(text)
    return joiner.join(pieces)


def bead_records(
    alignment: Alignment,
    *,
    zh_script: str = "original",
    issues: Mapping[int, Sequence[str]] | None = None,
) -> list[dict]:
    """One record per bead with the TSV columns; ``issues`` maps a 1-based row to its finding codes.

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
            {"first_row": r.first_row, "last_row": r.last_row, "kind": r.kind, "zh_sentences": r.zh_sentences, "en_sentences": r.en_sentences}
            for r in alignment.unsure
        ],
    }
