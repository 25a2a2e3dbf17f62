"""The align stage: two segmented documents in, an :class:`~corpus_align.model.Alignment` out.

This module decides *what* to align (paragraph by paragraph when both sides
have the same paragraph structure, otherwise the whole document), checks that
the inputs are what they claim to be, and turns the engine's beads into the
shared data model. The search itself lives in :mod:`corpus_align.aligner`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from .errors import InputError
from .io.glossary import read_glossary
from .io.read import document_of
from .model import Alignment, Bead, Document, GlossaryEntry, Lang, SourceText, UnsureRegion
from .segment import presegmented as split_presegmented
from .segment import segment
from .text.language import LanguageEvidence, language_evidence

# A paragraph pair whose length ratio strays further than this factor from
# the document's ratio means the paragraph structures do not correspond.
PARAGRAPH_RATIO_TOLERANCE = 2.5


def check_languages(zh: Document, en: Document) -> None:
    """Raise :class:`InputError` when the Chinese side is not Chinese or the English side not English.

    The message says how each file was judged: its Han characters and English
    words, markup and code left out (:func:`~corpus_align.text.language.language_evidence`).

    >>> from corpus_align import SourceText
    >>> zh = document_of(SourceText("a.zh.txt", "Hello there.", "utf-8"), "zh")
    >>> en = document_of(SourceText("b.en.txt", "你好。", "utf-8"), "en")
    >>> check_languages(zh, en)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    corpus_align.errors.InputError: a.zh.txt: looks English (0 Han characters, 2 English words) and b.en.txt looks
    Chinese (2 Han characters, 0 English words): the files seem swapped; the Chinese file must be the first argument
    (corpus-align align ZH_FILE EN_FILE)
    """
    zh_evidence, en_evidence = _text_evidence(zh), _text_evidence(en)
    zh_lang, en_lang = zh_evidence.lang, en_evidence.lang
    first = "the Chinese file must be the first argument (corpus-align align ZH_FILE EN_FILE)"
    if zh_lang == "en" and en_lang == "zh":
        raise InputError(
            zh.name,
            f"looks English ({zh_evidence.describe()}) and {en.name} looks Chinese ({en_evidence.describe()}): "
            f"the files seem swapped; {first}",
        )
    if zh_lang == "en":
        both = f", like {en.name}: both inputs are English" if en_lang == "en" else ""
        raise InputError(zh.name, f"looks English ({zh_evidence.describe()}){both}; {first}")
    if en_lang == "zh":
        both = f", like {zh.name}: both inputs are Chinese" if zh_lang == "zh" else ""
        raise InputError(
            en.name,
            f"looks Chinese ({en_evidence.describe()}){both}; the English translation must be the second argument "
            "(corpus-align align ZH_FILE EN_FILE)",
        )


def _text_evidence(document: Document) -> LanguageEvidence:
    """The language evidence of a document's first sentences (or paragraphs, before segmentation)."""
    texts = [s.original for s in document.sentences[:400]] or document.paragraph_texts()[:100]
    return language_evidence("\n".join(texts))


def _paragraph_groups(
    zh: Document, en: Document, zh_ids: list[int], en_ids: list[int]
) -> list[tuple[list[int], list[int]]] | None:
    """Sentence ids per aligned paragraph pair, or ``None`` when the structures differ."""
    zh_paragraphs = _sentences_by_paragraph(zh, zh_ids)
    en_paragraphs = _sentences_by_paragraph(en, en_ids)
    if len(zh_paragraphs) < 2 or len(zh_paragraphs) != len(en_paragraphs):
        return None
    zh_sizes = [sum(len(zh.sentences[i].normalized) for i in ids) for ids in zh_paragraphs]
    en_sizes = [sum(len(en.sentences[i].normalized) for i in ids) for ids in en_paragraphs]
    ratio = sum(en_sizes) / max(1, sum(zh_sizes))
    for zh_size, en_size in zip(zh_sizes, en_sizes, strict=True):
        if min(zh_size, en_size) == 0:
            return None
        paragraph_ratio = en_size / zh_size
        if not ratio / PARAGRAPH_RATIO_TOLERANCE <= paragraph_ratio <= ratio * PARAGRAPH_RATIO_TOLERANCE:
            return None
    return list(zip(zh_paragraphs, en_paragraphs, strict=True))


def _sentences_by_paragraph(document: Document, ids: list[int]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for index in ids:
        groups.setdefault(document.sentences[index].paragraph, []).append(index)
    return [groups[key] for key in sorted(groups)]


_SENTENCE_END = tuple("。！？!?…；;:：.\"'”’」』）)")


def has_leading_title(document: Document) -> bool:
    """True when the document opens with a title: a first line of one sentence without final punctuation.

    A line, not a paragraph, so that ``--presegmented`` (where only a blank
    line ends a paragraph) finds the same titles as the default reading.

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> has_leading_title(segment(document_of(SourceText("a", "Team Visits Sichuan\\nThe team went.\\n", "utf-8"), "en")))
    True
    """
    sentences = document.sentences
    if len(sentences) < 2:
        return False
    first, second = sentences[0], sentences[1]
    if second.paragraph == first.paragraph and "\n" not in document.source.text[first.end:second.start]:
        return False
    text = sentences[0].original.rstrip()
    return bool(text) and not text.endswith(_SENTENCE_END) and len(text) <= 300


def leading_titles(zh: Document, en: Document) -> tuple[bool, bool]:
    """Whether each side opens with a title (:func:`has_leading_title`), when a title on one side only is believable.

    A first line without final punctuation may be a sentence that lost its
    full stop.  On one side only, it is taken for a title the other side
    lacks when its length is far from a translation of the other side's first
    sentence (``params.TITLE_LENGTH_FACTOR``, at the document's own length ratio).

    >>> from corpus_align import SourceText, segment
    >>> from corpus_align.io.read import document_of
    >>> zh = segment(document_of(SourceText("z", "他在会上说，这个计划很好，大家都同意了。\\n我们明天开始。\\n", "utf-8"), "zh"))
    >>> def en(text): return segment(document_of(SourceText("e", text, "utf-8"), "en"))
    >>> leading_titles(zh, en("Plan Approved\\nHe told the meeting that the plan was good and everyone agreed.\\nWe start tomorrow.\\n"))
    (False, True)
    >>> leading_titles(zh, en("He told the meeting the plan was good and all agreed\\nWe start tomorrow.\\n"))
    (False, False)
    """
    from .aligner import params

    zh_title, en_title = has_leading_title(zh), has_leading_title(en)
    if zh_title == en_title:
        return zh_title, en_title
    zh_chars = sum(len(s.normalized) for s in zh.sentences)
    en_chars = sum(len(s.normalized) for s in en.sentences)
    expected_en = len(zh.sentences[0].normalized) * en_chars / max(1, zh_chars)
    ratio = max(1, len(en.sentences[0].normalized)) / max(1.0, expected_en)
    if 1 / params.TITLE_LENGTH_FACTOR <= ratio <= params.TITLE_LENGTH_FACTOR:
        return False, False  # as long as a translation of the other side's first sentence: let the evidence decide
    return zh_title, en_title


def align_documents(
    zh: Document,
    en: Document,
    *,
    max_merge: int = 4,
    glossary: Sequence[GlossaryEntry] = (),
    realign: bool = True,
    by_paragraph: bool = True,
    progress: Callable[[str, float], None] | None = None,
) -> Alignment:
    """Align two segmented documents.

    When both have the same number of paragraphs with matching lengths, each
    paragraph pair is aligned on its own and beads never cross a paragraph
    boundary; otherwise sentences are aligned across the whole document.

    >>> from corpus_align import load_bilingual, segment
    >>> zh, en = load_bilingual("data/samples/000_389ae536b82fb46d.txt")  # doctest: +SKIP
    >>> [b.type for b in align_documents(segment(zh), segment(en)).beads]  # doctest: +SKIP
    ['0-1', '1-1', '1-1', '1-1']
    """
    from .aligner.engine import NOT_A_TRANSLATION_BELOW, RawBead, align_document, evidence_strength
    from .aligner.params import UNPAIRED_PROBABILITY

    settings = (("max_merge", max_merge), ("realign", realign), ("glossary_terms", len(glossary)),
                ("by_paragraph", by_paragraph), ("opencc", zh.opencc))
    warnings: list[str] = []
    if not zh.sentences or not en.sentences:
        if not zh.sentences and not en.sentences:
            raise InputError(f"{zh.name} and {en.name}", "both sides are empty; there is nothing to align")
        empty, other = (zh, en) if not zh.sentences else (en, zh)
        warnings.append(f"{empty.name}: no {_lang_name(empty.lang)} sentences; every {_lang_name(other.lang)} sentence is left unaligned")
        unaligned = tuple(
            Bead(zh=(s.index,), en=(), score=UNPAIRED_PROBABILITY) if other.lang == "zh"
            else Bead(zh=(), en=(s.index,), score=UNPAIRED_PROBABILITY)
            for s in other.sentences
        )
        return Alignment(zh=zh, en=en, beads=unaligned, warnings=tuple(warnings), settings=settings)

    check_languages(zh, en)
    glossary_pairs = [(entry.simplified, entry.target) for entry in glossary]
    zh_ids, en_ids = list(range(len(zh.sentences))), list(range(len(en.sentences)))
    # A title aligns with a title, or with nothing: a headline that only one
    # side has is its own null bead instead of being merged into the first
    # sentence of the other side.
    zh_title, en_title = leading_titles(zh, en)
    groups: list[tuple[list[int], list[int]]] = []
    if zh_title or en_title:
        groups.append(([0] if zh_title else [], [0] if en_title else []))
        zh_ids = zh_ids[1:] if zh_title else zh_ids
        en_ids = en_ids[1:] if en_title else en_ids
    paragraph_groups = _paragraph_groups(zh, en, zh_ids, en_ids) if by_paragraph else None
    groups += paragraph_groups if paragraph_groups is not None else [(zh_ids, en_ids)]
    beads: list[Bead] = []
    raw_beads: list[RawBead] = []
    unsure: list[UnsureRegion] = []
    total = max(1, sum(len(z) + len(e) for z, e in groups))
    done = 0
    for zh_ids, en_ids in groups:
        share = (len(zh_ids) + len(en_ids)) / total
        group_progress = None
        if progress is not None:
            start = done / total

            def group_progress(stage: str, fraction: float, start: float = start, share: float = share) -> None:
                progress(stage, start + share * fraction)

        done += len(zh_ids) + len(en_ids)
        if not zh_ids or not en_ids:
            beads += [Bead((i,), (), UNPAIRED_PROBABILITY) for i in zh_ids] + [Bead((), (j,), UNPAIRED_PROBABILITY) for j in en_ids]
            continue
        result = align_document(
            [zh.sentences[i].normalized for i in zh_ids],
            [en.sentences[i].normalized for i in en_ids],
            max_merge=max_merge,
            glossary=glossary_pairs,
            realign=realign,
            progress=group_progress,
        )
        raw_beads += result.beads
        for span in result.unsure:
            inside = result.beads[span.start : span.stop]
            unsure.append(UnsureRegion(
                first_row=len(beads) + span.start + 1, last_row=len(beads) + span.stop, kind=span.kind,
                zh_sentences=sum(len(b.zh) for b in inside), en_sentences=sum(len(b.en) for b in inside),
            ))
        zh_of, en_of = zh_ids.__getitem__, en_ids.__getitem__
        beads += [
            Bead(zh=tuple(map(zh_of, bead.zh)), en=tuple(map(en_of, bead.en)), score=float(bead.score),
                 raw_score=float(bead.raw_score))
            for bead in result.beads
        ]
    evidence = evidence_strength(raw_beads)
    if evidence < NOT_A_TRANSLATION_BELOW:
        warnings.append(
            f"{zh.name} and {en.name} look unrelated: almost no dictionary or anchor evidence"
            f" (evidence {evidence:.2f}); they are probably not translations of each other"
        )
    else:
        warnings += [region.describe() for region in unsure]
    return Alignment(
        zh=zh, en=en, beads=tuple(beads), warnings=tuple(warnings), settings=settings, evidence=evidence, unsure=tuple(unsure)
    )


def _lang_name(lang: str) -> str:
    return {"zh": "Chinese", "en": "English"}[lang]


def _as_document(text: str | Document, lang: Lang, presegmented: bool, opencc: str) -> Document:
    if isinstance(text, Document):
        return text if text.sentences else segment_for_alignment(text, presegmented, opencc)
    source = SourceText(f"<{lang}>", text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8")
    return segment_for_alignment(document_of(source, lang), presegmented, opencc)


def segment_for_alignment(document: Document, presegmented: bool, opencc: str) -> Document:
    """``document`` cut into sentences (one per line when ``presegmented``); a document without paragraphs as it is."""
    if not document.paragraphs:
        return document
    from ._runtime import cyclic_gc_paused

    split = split_presegmented if presegmented else segment
    with cyclic_gc_paused():
        return split(document, opencc=opencc)


def align(
    zh_text: str | Document,
    en_text: str | Document,
    *,
    presegmented: bool = False,
    opencc: str = "auto",
    max_merge: int = 4,
    glossary: Sequence[GlossaryEntry] = (),
    realign: bool = True,
    by_paragraph: bool = True,
    progress: Callable[[str, float], None] | None = None,
) -> Alignment:
    """Align Chinese and English text (strings or documents) and return the alignment.

    ``progress(stage, fraction)``, if given, is told how far the work has gone.

    >>> result = align(
    ...     "王廣成率隊赴重慶。雙方同意繼續合作。",
    ...     "Wang Guangcheng led a team to Chongqing. Both sides agreed to keep cooperating.",
    ... )
    >>> [(b.zh, b.en) for b in result.beads]
    [((0,), (0,)), ((1,), (1,))]
    """
    zh = _as_document(zh_text, "zh", presegmented, opencc)
    en = _as_document(en_text, "en", presegmented, opencc)
    return align_documents(
        zh, en, max_merge=max_merge, glossary=glossary, realign=realign, by_paragraph=by_paragraph, progress=progress
    )


def align_files(
    zh_path: str | Path,
    en_path: str | Path | None = None,
    *,
    presegmented: bool = False,
    encoding: str | None = None,
    opencc: str = "auto",
    max_merge: int = 4,
    glossary: str | Path | Sequence[GlossaryEntry] | None = None,
    realign: bool = True,
    by_paragraph: bool = True,
    progress: Callable[[str, float], None] | None = None,
) -> Alignment:
    """Read, segment and align two files, or one bilingual file when ``en_path`` is ``None``.

    An empty file on one side gives all 1-0 (or 0-1) beads and a warning.

    >>> result = align_files("data/samples/000_389ae536b82fb46d.txt")  # doctest: +SKIP
    >>> len(result.beads)  # doctest: +SKIP
    4
    """
    from .pipeline import PipelineSettings, read_sources, run_pipeline

    terms = glossary if isinstance(glossary, (tuple, list)) else read_glossary(cast("str | Path | None", glossary))
    zh_source, en_source = read_sources(zh_path, en_path, encoding=encoding)
    settings = PipelineSettings(presegmented=presegmented, opencc=opencc, max_merge=max_merge, glossary=tuple(terms),
                                realign=realign, by_paragraph=by_paragraph, checks=False)
    return run_pipeline(zh_source, en_source, settings, progress=progress).alignment
