"""The stages chained: read → split languages → segment → align → check.

:func:`run_pipeline` is the one function from texts to an alignment and its
findings; ``align``, ``batch`` (local, process pool, Dask) and the API's
:func:`~corpus_align.alignment.align_files` all call it.  The reading helpers
here (:func:`load_documents`, :func:`segment_file`, :func:`split_file`) are
what ``split`` and ``segment`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .errors import InputError, UsageError
from .io.atomic import write_text_atomic
from .io.read import document_of, read_text, split_languages
from .model import Document, Lang, SourceText
from .segment import presegmented, segment

if TYPE_CHECKING:
    from .model import Alignment, Finding, GlossaryEntry

LANG_CHOICES = ("auto", "zh", "en")


@dataclass(frozen=True)
class PipelineSettings:
    """Everything besides the texts that decides an alignment and its findings.

    ``checks`` runs the QA checks (``select``/``ignore``: codes to run or
    skip; ``min_confidence``: keep the findings at least that sure; ``baseline``: the accepted findings as
    sorted ``(fingerprint, reason)`` pairs, None for no baseline); the rest are
    :func:`~corpus_align.alignment.align_documents`'s settings, and ``presegmented``/``opencc`` those of segmentation.
    """

    presegmented: bool = False
    opencc: str = "auto"
    max_merge: int = 4
    glossary: tuple[GlossaryEntry, ...] = ()
    realign: bool = True
    by_paragraph: bool = True
    checks: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    min_confidence: float | None = None
    baseline: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class PipelineResult:
    """An alignment and the findings of its checks (none when the checks were off)."""

    alignment: Alignment
    findings: tuple[Finding, ...]


def documents_to_align(zh: SourceText, en: SourceText | None = None) -> tuple[Document, Document]:
    """The Chinese and English documents of two texts, or of one bilingual text when ``en`` is None.

    Each of two texts is one document whatever its script (an empty one has no
    paragraphs); a bilingual text must hold both languages.

    >>> zh, en = documents_to_align(SourceText("a", "你好。\\nHello.", "utf-8"))
    >>> zh.paragraph_texts(), en.paragraph_texts()
    (['你好。'], ['Hello.'])
    """
    if en is not None:
        return document_of(zh, "zh"), document_of(en, "en")
    parts = split_languages(zh)
    if len(parts) != 2:
        only = "Chinese" if "zh" in parts else "English"
        other = "English" if only == "Chinese" else "Chinese"
        raise InputError(zh.name, f"holds only {only} text; give the {other} file too (corpus-align align ZH_FILE EN_FILE)"
                                  " or a bilingual file")
    return parts["zh"], parts["en"]


def read_sources(zh_path: str | Path, en_path: str | Path | None = None, *, encoding: str | None = None
                 ) -> tuple[SourceText, SourceText | None]:
    """Read the texts to align: two files (either may be empty), or one bilingual file when ``en_path`` is None.

    >>> zh, en = read_sources("data/samples/000_389ae536b82fb46d.txt")  # doctest: +SKIP
    >>> en is None  # doctest: +SKIP
    True
    """
    if en_path is None:
        return read_text(zh_path, encoding), None
    return read_text(zh_path, encoding, allow_empty=True), read_text(en_path, encoding, allow_empty=True)


def run_pipeline(
    zh: SourceText,
    en: SourceText | None = None,
    settings: PipelineSettings | None = None,
    *,
    progress: Callable[[str, float], None] | None = None,
) -> PipelineResult:
    """Segment, align and check two texts (or one bilingual text); the one chain every caller uses.

    ``settings`` default to :class:`PipelineSettings`'s defaults.

    ``progress(stage, fraction)``, if given, is told how far the work has gone.

    >>> result = run_pipeline(SourceText("a", "他二十一岁。\\nHe is twenty-two.", "utf-8"))
    >>> [b.type for b in result.alignment.beads], [f.code for f in result.findings]
    (['1-1'], ['number-mismatch'])
    """
    from .alignment import align_documents, segment_for_alignment

    settings = settings or PipelineSettings()
    if settings.checks:
        from .checks import resolve_codes
        from .checks.calibration import valid_min_confidence

        resolve_codes(settings.select, settings.ignore)  # an unknown code is an error before the work, not after it
        valid_min_confidence(settings.min_confidence)
    zh_doc, en_doc = documents_to_align(zh, en)
    zh_doc = segment_for_alignment(zh_doc, settings.presegmented, settings.opencc)
    en_doc = segment_for_alignment(en_doc, settings.presegmented, settings.opencc)
    share = 0.8 if settings.checks else 1.0  # of the progress bar, for the alignment
    alignment = align_documents(
        zh_doc, en_doc, max_merge=settings.max_merge, glossary=settings.glossary, realign=settings.realign,
        by_paragraph=settings.by_paragraph,
        progress=(lambda stage, fraction: progress(stage, share * fraction)) if progress else None,
    )
    if not settings.checks:
        return PipelineResult(alignment, ())
    from .qa import check_alignment

    if progress:
        progress("checking", share)
    review = None
    if settings.baseline is not None:
        from .baseline import BaselineReview

        review = BaselineReview(dict(settings.baseline))
    findings = check_alignment(alignment, glossary=settings.glossary, select=settings.select, ignore=settings.ignore,
                               min_confidence=settings.min_confidence, baseline=review)
    return PipelineResult(alignment, tuple(findings))


def load_documents(
    source: SourceText | str | Path, *, lang: str = "auto", encoding: str | None = None
) -> list[Document]:
    """The documents in ``source``: one for a monolingual file, Chinese then English for a bilingual one.

    ``lang`` forces one language (``zh`` or ``en``); for a bilingual file it
    picks that language's paragraphs.

    >>> from corpus_align.model import SourceText
    >>> [d.lang for d in load_documents(SourceText("a", "你好。\\nHello.", "utf-8"))]
    ['zh', 'en']
    """
    if lang not in LANG_CHOICES:
        raise UsageError(f"unknown language {lang!r}; choose one of {', '.join(LANG_CHOICES)}")
    if not isinstance(source, SourceText):
        source = read_text(source, encoding)
    parts = split_languages(source)
    if lang == "auto":
        return [parts[key] for key in ("zh", "en") if key in parts]
    chosen = cast(Lang, lang)  # "zh" or "en": checked against LANG_CHOICES above
    if len(parts) == 2:
        return [parts[chosen]]
    return [document_of(source, chosen)]


def load_bilingual(
    source: SourceText | str | Path, *, encoding: str | None = None
) -> tuple[Document, Document]:
    """Split one bilingual file into its Chinese and English documents.

    Raises :class:`InputError` when the file holds only one language.

    >>> from corpus_align.model import SourceText
    >>> zh, en = load_bilingual(SourceText("a", "你好。\\nHello.", "utf-8"))
    >>> zh.paragraph_texts(), en.paragraph_texts()
    (['你好。'], ['Hello.'])
    """
    if not isinstance(source, SourceText):
        source = read_text(source, encoding)
    return documents_to_align(source)


def segment_file(
    path: str | Path,
    *,
    lang: str = "auto",
    encoding: str | None = None,
    opencc: str = "auto",
    presegmented_input: bool = False,
) -> list[Document]:
    """Read ``path`` and return its segmented document(s), Chinese first for a bilingual file.

    >>> docs = segment_file("data/samples/000_389ae536b82fb46d.txt")  # doctest: +SKIP
    >>> [len(d.sentences) for d in docs]  # doctest: +SKIP
    [3, 4]
    """
    split = presegmented if presegmented_input else segment
    return [split(document, opencc=opencc) for document in load_documents(path, lang=lang, encoding=encoding)]


def split_file(
    path: str | Path, out_dir: str | Path | None = None, *, encoding: str | None = None, text: str = "original"
) -> tuple[Path, Path]:
    """Write the Chinese and English paragraphs of a bilingual file to ``STEM.zh.txt`` and ``STEM.en.txt``.

    The files are UTF-8, one paragraph per line, written atomically into
    ``out_dir`` (default: beside the input; the current folder for stdin).
    ``text`` is ``original`` (as written), ``repaired`` or ``simplified`` (see
    :func:`~corpus_align.normalize.apply_text_mode`).

    >>> split_file("data/samples/000_389ae536b82fb46d.txt", "out", text="repaired")  # doctest: +SKIP
    (PosixPath('out/000_389ae536b82fb46d.zh.txt'), PosixPath('out/000_389ae536b82fb46d.en.txt'))
    """
    from .normalize import apply_text_mode, check_text_mode

    check_text_mode(text)  # before reading: a bad mode is the caller's mistake, whatever the file holds
    zh, en = load_bilingual(path, encoding=encoding)
    if str(path) == "-":
        stem, folder = "stdin", Path(".")
    else:
        stem, folder = Path(path).stem, Path(path).parent
    folder = Path(out_dir) if out_dir is not None else folder
    zh_path = folder / f"{stem}.zh.txt"
    en_path = folder / f"{stem}.en.txt"
    for document, target in ((zh, zh_path), (en, en_path)):
        paragraphs = [apply_text_mode(paragraph, document.lang, text) for paragraph in document.paragraph_texts()]
        write_text_atomic(target, "\n".join(paragraphs) + "\n")
    return zh_path, en_path
