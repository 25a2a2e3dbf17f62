"""Sentence segmentation: ``segment(Document) -> Document`` with sentences and damage records."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Damage, Document, Sentence
from ..normalize import find_english_damage, normalize_en, normalize_zh, resolve_opencc
from .en import split_en
from .zh import split_zh


def segment(document: Document, *, opencc: str = "auto") -> Document:
    """Split every paragraph of ``document`` into sentences and normalize each for analysis.

    Chinese sentences get the Simplified, annotation-free, width-folded text as
    ``normalized``; the damage found (pinyin annotations, glued question
    marks, mojibake, U+FFFD) is recorded on the document. ``opencc`` is
    ``auto``, ``t2s``, ``tw2s``, ``hk2s`` or ``none``.

    >>> from corpus_align.io.read import document_of
    >>> from corpus_align.model import SourceText
    >>> doc = segment(document_of(SourceText("a", "關(guān)于合作。很好！", "utf-8")))
    >>> [s.normalized for s in doc.sentences], doc.script
    (['关于合作。', '很好！'], 'traditional')
    """
    text = document.source.text
    if document.lang == "zh":
        whole = "\n".join(document.paragraph_texts())
        config = resolve_opencc(opencc, whole)
        from ..normalize import detect_script

        script = detect_script(whole)
    else:
        config, script = None, None

    sentences: list[Sentence] = []
    damage: list[Damage] = []
    for paragraph in document.paragraphs:
        body = text[paragraph.start : paragraph.end]
        if document.lang == "zh":
            spans = split_zh(body)
        else:
            spans = split_en(body)
            damage += find_english_damage(body, paragraph.start)
        for start, end in spans:
            original = body[start:end]
            absolute = paragraph.start + start
            if document.lang == "zh":
                normalized, annotations = normalize_zh(original, config, offset=absolute)
                damage += annotations
            else:
                normalized = normalize_en(original)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=paragraph.index,
                    start=absolute,
                    end=absolute + len(original),
                    original=original,
                    normalized=normalized,
                    lang=document.lang,
                )
            )
    return document.with_(sentences=tuple(sentences), damage=tuple(damage), script=script, opencc=config)


def _damage_inside(sentences: Sequence[Sentence], damage: list[Damage]) -> list[Damage]:
    """The damage that starts inside a sentence, sentence by sentence (the order of one search per sentence).

    No damage pattern spans a line, so one search over the whole text finds
    what a search per line finds, without a call per line.
    """
    import bisect

    starts = [sentence.start for sentence in sentences]
    located = []
    for found in damage:
        at = bisect.bisect_right(starts, found.start) - 1
        if at >= 0 and found.start < sentences[at].end:
            located.append((at, found))
    located.sort(key=lambda pair: pair[0])
    return [found for _, found in located]


def presegmented(document: Document, *, opencc: str = "auto") -> Document:
    """Treat every non-empty line as one sentence (blank lines separate paragraphs), then normalize.

    This is how corpora and benchmarks are usually supplied.

    >>> from corpus_align.model import SourceText
    >>> from corpus_align.io.read import document_of
    >>> doc = presegmented(document_of(SourceText("a", "A. B.\\nC\\n\\nD", "utf-8"), "en"))
    >>> [(s.original, s.paragraph) for s in doc.sentences]
    [('A. B.', 0), ('C', 0), ('D', 1)]
    """
    import bisect
    import re

    from ..model import Paragraph

    text = document.source.text
    paragraphs: list[Paragraph] = []
    line_spans: list[list[tuple[int, int]]] = []
    covered = sorted((p.start, p.end) for p in document.paragraphs)
    starts = [start for start, _ in covered]

    def inside(position: int) -> bool:
        at = bisect.bisect_right(starts, position) - 1
        return at >= 0 and position < covered[at][1]

    lo = min(s for s, _ in covered) if covered else 0
    hi = max(e for _, e in covered) if covered else 0
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*", text[lo:hi]):
        lines = []
        for line in re.finditer(r"[^\n]+", block.group(0)):
            stripped = line.group(0).strip()
            if stripped:
                start = lo + block.start() + line.start() + line.group(0).index(stripped)
                if inside(start):
                    lines.append((start, start + len(stripped)))
        if lines:
            paragraphs.append(Paragraph(len(paragraphs), lines[0][0], lines[-1][1], document.lang))
            line_spans.append(lines)
    config = script = None
    if document.lang == "zh":
        from ..normalize import detect_script

        whole = "\n".join(text[s:e] for lines in line_spans for s, e in lines)
        config, script = resolve_opencc(opencc, whole), detect_script(whole)
    sentences: list[Sentence] = []
    damage: list[Damage] = []
    for paragraph, lines in zip(paragraphs, line_spans, strict=True):
        for start, end in lines:
            original = text[start:end]
            if document.lang == "zh":
                normalized, annotations = normalize_zh(original, config, offset=start)
                damage += annotations
            else:
                normalized = normalize_en(original)
            sentences.append(Sentence(len(sentences), paragraph.index, start, end, original, normalized, document.lang))
    if document.lang == "en" and sentences:
        damage = _damage_inside(sentences, find_english_damage(text[sentences[0].start : sentences[-1].end], sentences[0].start))
    return document.with_(
        paragraphs=tuple(paragraphs), sentences=tuple(sentences), damage=tuple(damage), script=script, opencc=config
    )


__all__ = ["presegmented", "segment", "split_en", "split_zh"]
