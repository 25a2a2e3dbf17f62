"""Read input files: detect the encoding, normalize line ends, find paragraphs, split bilingual files.

Everything here raises :class:`~corpus_align.errors.InputError` with a message
that names the file and the problem; nothing here prints or exits.
"""

from __future__ import annotations

import codecs
import functools
import re
import sys
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Document, Lang, Paragraph, SourceText

STDIN_NAME = "<stdin>"

# Tried in this order when there is no BOM and the bytes are not UTF-8.
LEGACY_CHINESE_ENCODINGS = ("gb18030", "big5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# C0 controls other than tab, line feed, form feed and carriage return never occur in text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@functools.lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    text = resources.files("corpus_align.resources").joinpath("common_chars.txt").read_text("utf-8")
    return frozenset(text.strip())


def _commonness(text: str) -> float:
    """Share of the non-ASCII characters in ``text`` that are common Chinese characters or punctuation.

    Bytes read with the wrong Chinese codec turn into rare characters, kana,
    Greek and symbols, so the right codec scores far higher.
    """
    foreign = [char for char in text if ord(char) > 0x7F]
    if not foreign:
        return 0.0
    common = _common_chars()
    good = sum(char in common or "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e" for char in foreign)
    return good / len(foreign)


def _decode_error(name: str, encoding: str, error: UnicodeDecodeError) -> InputError:
    bad = error.object[error.start : error.start + 4].hex(" ")
    return InputError(name, f"cannot decode as {encoding}: invalid bytes {bad} at byte offset {error.start}")


def decode_bytes(data: bytes, name: str, encoding: str | None = None, *, allow_empty: bool = False) -> SourceText:
    """Decode ``data`` (UTF-8/16/32 with or without BOM, GB18030/GBK, Big5) and normalize line ends.

    ``encoding`` forces a codec. Raises :class:`InputError` for binary or
    undecodable input, and for empty input unless ``allow_empty``.

    >>> decode_bytes("重慶".encode("big5"), "a.txt").encoding
    'big5'
    >>> decode_bytes(b"a\\r\\nb\\rc", "a.txt").text
    'a\\nb\\nc'
    """
    if not data.strip():
        if allow_empty:
            return SourceText(name=name, text="", encoding=encoding or "utf-8")
        raise InputError(name, "is empty")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r} (try utf-8, utf-16, gb18030 or big5)") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise _decode_error(name, encoding, error) from None
        return _finish(name, text, encoding, allow_empty)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise _decode_error(name, codec, error) from None
            return _finish(name, text, codec, allow_empty)

    if b"\x00" in data:
        raise InputError(name, f"looks binary (NUL byte at byte offset {data.index(0)}); not a text file")
    try:
        return _finish(name, data.decode("utf-8"), "utf-8", allow_empty)
    except UnicodeDecodeError as utf8_error:
        candidates = []
        for codec in LEGACY_CHINESE_ENCODINGS:
            try:
                candidates.append((_commonness(data.decode(codec)), codec))
            except UnicodeDecodeError:
                continue
        # The codec whose reading is made of common characters wins; GB18030
        # first on a tie because it is the superset most files are written in.
        best = max(candidates, key=lambda c: c[0], default=None)
        if best is None or best[0] < 0.5:
            bad = data[utf8_error.start : utf8_error.start + 4].hex(" ")
            raise InputError(
                name,
                f"cannot decode: bytes {bad} at byte offset {utf8_error.start} are not UTF-8,"
                " and the file does not read as GB18030 or Big5 text either; pass --encoding",
            ) from None
        return _finish(name, data.decode(best[1]), best[1], allow_empty)


def _finish(name: str, text: str, encoding: str, allow_empty: bool = False) -> SourceText:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip() and not allow_empty:
        raise InputError(name, "is empty")
    controls = _CONTROL.findall(text)
    if len(controls) > max(2, len(text) // 1000):
        raise InputError(name, f"looks binary ({len(controls)} control characters); not a text file")
    return SourceText(name=name, text=text, encoding=encoding)


def read_text(
    path: str | Path, encoding: str | None = None, *, stdin: BinaryIO | None = None, allow_empty: bool = False
) -> SourceText:
    """Read and decode a text file; ``"-"`` reads standard input.

    >>> read_text("data/samples/000_389ae536b82fb46d.txt").encoding  # doctest: +SKIP
    'utf-8'
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return decode_bytes(stream.read(), STDIN_NAME, encoding, allow_empty=allow_empty)
    file = Path(path)
    if file.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    return decode_bytes(data, name, encoding, allow_empty=allow_empty)


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` span of each paragraph, without surrounding white space.

    Text with blank lines between multi-line blocks (hard-wrapped prose) has one
    paragraph per block; otherwise every non-empty line is a paragraph, which
    is how most Chinese and web-exported files are laid out.

    >>> find_paragraphs("a\\nb\\n")
    [(0, 1), (2, 3)]
    >>> find_paragraphs("a\\nb\\n\\nc\\nd\\n")
    [(0, 3), (5, 8)]
    """
    blocks = [m.span() for m in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text)]
    multi_line = sum("\n" in text[s:e] for s, e in blocks)
    if len(blocks) > 1 and multi_line * 2 >= len(blocks):
        spans = blocks
    else:
        spans = [m.span() for m in re.finditer(r"[^\n]+", text)]
    return [_strip_span(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return start + lead, end - trail


def script_lang(text: str) -> Lang | None:
    """Which language a stretch of text is written in, by its script; ``None`` when it has no letters.

    A Chinese paragraph may carry Latin letters (names, pinyin annotations);
    each Chinese character carries about a word, so one counts for four
    letters.

    >>> script_lang("王廣成率隊"), script_lang("Wang Guangcheng led a team"), script_lang("2021")
    ('zh', 'en', None)
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if cjk == 0 and latin == 0:
        return None
    return "zh" if cjk * 4 >= latin else "en"


def split_languages(source: SourceText) -> dict[Lang, Document]:
    """Split a (possibly bilingual) text into one document per language, deciding each paragraph by its script.

    Works whether the languages come in blocks (all Chinese, then all English)
    or interleave paragraph by paragraph. A paragraph with no letters at all
    (a number, a dash) goes with the paragraph before it.

    >>> docs = split_languages(SourceText("a", "你好。\\nHello.\\n", "utf-8"))
    >>> sorted(docs), docs["en"].paragraph_texts()
    (['en', 'zh'], ['Hello.'])
    """
    spans = find_paragraphs(source.text)
    langs: list[Lang | None] = [script_lang(source.text[s:e]) for s, e in spans]
    first_known = next((lang for lang in langs if lang), "en")
    previous: Lang = first_known
    resolved: list[Lang] = []
    for lang in langs:
        previous = lang or previous
        resolved.append(previous)
    documents: dict[Lang, Document] = {}
    for lang in ("zh", "en"):
        paragraphs = tuple(
            Paragraph(index=i, start=s, end=e, lang=lang)
            for i, ((s, e), _) in enumerate(p for p in zip(spans, resolved) if p[1] == lang)
        )
        if paragraphs:
            documents[lang] = Document(source=source, lang=lang, paragraphs=paragraphs)
    return documents


def document_of(source: SourceText, lang: Lang | None = None) -> Document:
    """One document holding every paragraph of ``source``, in ``lang`` or the script's majority language.

    >>> document_of(SourceText("a", "Hello.\\n", "utf-8")).lang
    'en'
    """
    spans = find_paragraphs(source.text)
    if lang is None:
        lang = script_lang(source.text) or "en"
    paragraphs = tuple(Paragraph(index=i, start=s, end=e, lang=lang) for i, (s, e) in enumerate(spans))
    return Document(source=source, lang=lang, paragraphs=paragraphs)


def is_bilingual(source: SourceText) -> bool:
    """True when the text has both Chinese and English paragraphs.

    >>> is_bilingual(SourceText("a", "你好。\\nHello.", "utf-8"))
    True
    """
    return len(split_languages(source)) == 2
