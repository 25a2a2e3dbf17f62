"""High-level entry points that chain the stages: read → split languages → segment.

These are what the CLI calls and what most Python users want.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from .errors import InputError, UsageError
from .io.atomic import write_text_atomic
from .io.read import document_of, read_text, split_languages
from .model import Document, Lang, SourceText
from .segment import presegmented, segment

LANG_CHOICES = ("auto", "zh", "en")


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
    parts = split_languages(source)
    if len(parts) != 2:
        only = next(iter(parts), "no")
        raise InputError(source.name, f"holds only {_lang_name(only)} text; a bilingual file needs both Chinese and English paragraphs")
    return parts["zh"], parts["en"]


def _lang_name(lang: str) -> str:
    return {"zh": "Chinese", "en": "English"}.get(lang, lang)


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
    path: str | Path, out_dir: str | Path | None = None, *, encoding: str | None = None
) -> tuple[Path, Path]:
    """Write the Chinese and English paragraphs of a bilingual file to ``STEM.zh.txt`` and ``STEM.en.txt``.

    The files are UTF-8, one paragraph per line, written atomically into
    ``out_dir`` (default: beside the input; the current folder for stdin).

    >>> split_file("data/samples/000_389ae536b82fb46d.txt", "out")  # doctest: +SKIP
    (PosixPath('out/000_389ae536b82fb46d.zh.txt'), PosixPath('out/000_389ae536b82fb46d.en.txt'))
    """
    zh, en = load_bilingual(path, encoding=encoding)
    if str(path) == "-":
        stem, folder = "stdin", Path(".")
    else:
        stem, folder = Path(path).stem, Path(path).parent
    folder = Path(out_dir) if out_dir is not None else folder
    zh_path = folder / f"{stem}.zh.txt"
    en_path = folder / f"{stem}.en.txt"
    write_text_atomic(zh_path, "\n".join(zh.paragraph_texts()) + "\n")
    write_text_atomic(en_path, "\n".join(en.paragraph_texts()) + "\n")
    return zh_path, en_path
