"""Read input files: detect the encoding, normalize line ends, find paragraphs, split bilingual files.

Everything here raises :class:`~corpus_align.errors.InputError` with a message
that names the file and the problem; nothing here prints or exits.  Only
regular files, FIFOs and standard input are read (a device such as
``/dev/zero`` never ends), and none larger than :func:`max_input_bytes`.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import math
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..errors import InputError, UsageError
from ..model import Document, Lang, Paragraph, SourceText
from ..text.language import language_evidence

STDIN_NAME = "<stdin>"

MAX_INPUT_MB_VARIABLE = "CORPUS_ALIGN_MAX_INPUT_MB"
# The largest real inputs are far smaller: a long novel is 2-5 MB of UTF-8, a million-row
# two-column TSV about 150 MB.  Anything bigger is almost surely not a document (a disk image, a
# log, a device behind a symbolic link), and reading it costs several times its size in memory
# (bytes, decoded text, normalized copy) before any other error could be reported.
DEFAULT_MAX_INPUT_MB = 512
_MB = 1024 * 1024
_READ_CHUNK = _MB
# Bytes looked at to recognise UTF-16/32 without a byte order mark.
_WIDE_SAMPLE_BYTES = 64 * 1024

# Tried in this order when there is no BOM and the bytes are not UTF-8.
LEGACY_CHINESE_ENCODINGS = ("gb18030", "big5")

# Byte order marks and the codec each selects, longest first (the UTF-32-LE mark starts with UTF-16-LE's).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

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


def _cut_short(error: UnicodeDecodeError) -> bool:
    """True when the only thing wrong is the end: the last character's bytes stop before it is complete."""
    return error.end == len(error.object) and error.reason in ("unexpected end of data", "truncated data")


def _truncated_error(name: str, encoding: str, error: UnicodeDecodeError) -> InputError:
    tail = error.object[error.start :].hex(" ")
    return InputError(
        name,
        f"seems truncated: it ends in the middle of a {encoding} character at byte offset {error.start}"
        f" (incomplete bytes {tail}); restore the complete file",
    )


def _decode_error(name: str, encoding: str, error: UnicodeDecodeError) -> InputError:
    if _cut_short(error):
        return _truncated_error(name, encoding, error)
    bad = error.object[error.start : error.start + 4].hex(" ")
    return InputError(name, f"cannot decode as {encoding}: invalid bytes {bad} at byte offset {error.start}")


def _looks_like_text(text: str) -> bool:
    """Few control characters: the test :func:`_finish` applies to decoded text."""
    return len(_CONTROL.findall(text)) <= max(2, len(text) // 1000)


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-32 or UTF-16 codec ``data`` reads as when it has NUL bytes and no byte order mark, or None.

    In UTF-16-LE every ASCII character is its byte then a NUL (``a\\x00``), in
    UTF-16-BE the NUL comes first, so the NULs of such a file fall on one
    parity of position; UTF-32 has three NULs to every ASCII character and
    rejects most other bytes.  The codec must also decode a sample of the file
    into text, which binary data with NULs (images, arrays of numbers) does not:
    ASCII, or Chinese made of common characters.

    >>> _wide_encoding("Hello, 世界\\n".encode("utf-16-le")), _wide_encoding("Hi\\n".encode("utf-32-be"))
    ('utf-16-le', 'utf-32-be')
    >>> _wide_encoding(bytes(range(256)) * 4) is None
    True
    """
    sample = data[:_WIDE_SAMPLE_BYTES]
    if sample.count(0) < 6:  # a few NULs in a few bytes say nothing: binary stays binary
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    candidates = ["utf-32-le", "utf-32-be"]
    if odd_nuls > 4 * even_nuls:
        candidates.append("utf-16-le")
    elif even_nuls > 4 * odd_nuls:
        candidates.append("utf-16-be")
    for codec in candidates:
        try:
            # Not final: the sample may end inside a character.
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        # ASCII bytes read two at a time become CJK-looking characters, but rare ones.
        ascii_share = sum(char.isascii() for char in text) / len(text) if text else 0.0
        if text.strip() and _looks_like_text(text) and (ascii_share >= 0.5 or _commonness(text) >= 0.5):
            return codec
    return None


def lookup_codec(encoding: str, name: str) -> str:
    """The name of the codec ``--encoding`` names (any codec Python knows); else an InputError naming the file.

    Python's aliases miss some common spellings (``latin-9``), so the name is
    also tried without its hyphens and underscores.

    >>> lookup_codec("latin-9", "a.txt"), lookup_codec("UTF8", "a.txt"), lookup_codec("Big5-HKSCS", "a.txt")
    ('iso8859-15', 'utf-8', 'big5hkscs')
    >>> lookup_codec("klingon", "a.txt")
    Traceback (most recent call last):
    corpus_align.errors.InputError: a.txt: unknown encoding 'klingon' (try utf-8, utf-16, gb18030 or big5)
    """
    for spelling in (encoding, re.sub(r"[-_\s]", "", encoding)):
        try:
            return codecs.lookup(spelling).name
        except LookupError:
            continue
    raise InputError(name, f"unknown encoding {encoding!r} (try utf-8, utf-16, gb18030 or big5)")


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
        encoding = lookup_codec(encoding, name)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise _decode_error(name, encoding, error) from None
        return _finish(name, text, encoding, allow_empty)

    for bom, codec in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise _decode_error(name, codec, error) from None
            return _finish(name, text, codec, allow_empty)

    if b"\x00" in data:
        wide = _wide_encoding(data)
        if wide is not None:
            raise InputError(
                name, f"looks like {wide.upper()} text without a byte order mark; pass --encoding {wide}"
            )
        raise InputError(name, f"looks binary (NUL byte at byte offset {data.index(0)}); not a text file")
    try:
        return _finish(name, data.decode("utf-8"), "utf-8", allow_empty)
    except UnicodeDecodeError as utf8_error:
        # UTF-8 up to a cut-off last character: the file was truncated (a copy or download
        # stopped), which another codec would only hide.
        if _cut_short(utf8_error) and not data[: utf8_error.start].isascii():
            raise _truncated_error(name, "UTF-8", utf8_error) from None
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
            if _cut_short(utf8_error):
                raise _truncated_error(name, "UTF-8", utf8_error) from None
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
    if not _looks_like_text(text):
        raise InputError(name, f"looks binary ({len(_CONTROL.findall(text))} control characters); not a text file")
    return SourceText(name=name, text=text, encoding=encoding)


def max_input_bytes(max_bytes: int | None = None) -> int:
    """The largest input read, in bytes: ``max_bytes`` when given, else ``$CORPUS_ALIGN_MAX_INPUT_MB`` megabytes, else 512 MB.

    A megabyte is 1,048,576 bytes; the variable may be fractional (``0.5``).

    >>> max_input_bytes(1000)
    1000
    """
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_INPUT_MB_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_MB * _MB
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = math.nan
    if not megabytes > 0:
        raise UsageError(f"{MAX_INPUT_MB_VARIABLE}={raw!r} is not a positive number of megabytes")
    return int(min(megabytes * _MB, sys.maxsize))


def _shown_size(size: int) -> str:
    return f"{size / _MB:,.1f} MB" if size >= _MB else f"{size:,} bytes"


def input_too_large(name: str, limit: int, size: int | None = None) -> InputError:
    how = f"set {MAX_INPUT_MB_VARIABLE} to a larger number of megabytes to read it"
    if size is None:  # a FIFO or standard input: its size is known only by reading it
        return InputError(name, f"is larger than the input limit of {_shown_size(limit)} (stopped reading there); {how}")
    return InputError(name, f"is {_shown_size(size)}, larger than the input limit of {_shown_size(limit)}; {how}")


def read_limited(stream: BinaryIO, limit: int, name: str, size_hint: int = 0) -> bytes:
    """Everything ``stream`` holds, read in chunks; :class:`InputError` as soon as it passes ``limit`` bytes."""
    parts: list[bytes] = []
    total = 0
    # A regular file comes in one read of its size (and one more to see its end); a pipe in chunks.
    want = min(max(size_hint + 1, _READ_CHUNK), limit + 1)
    while True:
        part = stream.read(min(want, limit + 1 - total))
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
        if total > limit:
            raise input_too_large(name, limit)
        want = _READ_CHUNK


_FILE_KINDS = (
    (stat.S_ISREG, "a regular file"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a file of ``st_mode`` ``mode`` is, in words.

    >>> file_kind(os.stat("/dev/null").st_mode)
    'a character device'
    """
    return next((label for is_kind, label in _FILE_KINDS if is_kind(mode)), "a file of an unknown kind")


def _refuse_kind(name: str, path: str | Path, mode: int) -> None:
    """Raise unless ``mode`` is something to read text from: a regular file or a FIFO."""
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return
    kind = file_kind(mode)
    if os.path.islink(path):
        raise InputError(name, f"is a symbolic link to {os.path.realpath(path)}, {kind}, not a text file")
    if stat.S_ISDIR(mode):
        raise InputError(name, "is a directory, not a file")
    raise InputError(name, f"is {kind}, not a text file")


@contextlib.contextmanager
def open_input(path: str | Path, *, max_bytes: int | None = None) -> Iterator[tuple[BinaryIO, int | None]]:
    """Open an input file for reading bytes: ``(stream, size)``, ``size`` None for a FIFO.

    Only regular files and FIFOs are opened: devices (``/dev/zero``, also
    behind a symbolic link), sockets and directories are refused without being
    opened, and a regular file larger than :func:`max_input_bytes` too (a FIFO's
    size is known only by reading it: see :func:`read_limited`).  Every
    problem, opening or reading, is an :class:`InputError` naming the file.

    >>> with open_input("/dev/zero") as (stream, size):
    ...     pass
    Traceback (most recent call last):
    ...
    corpus_align.errors.InputError: /dev/zero: is a character device, not a text file
    """
    name = str(path)
    limit = max_input_bytes(max_bytes)
    try:
        info = os.stat(path)
        _refuse_kind(name, path, info.st_mode)
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise input_too_large(name, limit, info.st_size)
        # A FIFO's open waits for a writer, as reading a pipe does.
        with open(path, "rb") as file:
            opened = os.fstat(file.fileno())  # the file itself, should the path have changed since
            _refuse_kind(name, path, opened.st_mode)
            regular = stat.S_ISREG(opened.st_mode)
            if regular and opened.st_size > limit:
                raise input_too_large(name, limit, opened.st_size)
            yield file, opened.st_size if regular else None
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(name, f"is a broken symbolic link (to {os.readlink(path)})") from None
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None


def read_input_bytes(path: str | Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of an input file, refusing what is not a regular file or a FIFO, or is too large.

    See :func:`open_input`; a FIFO is refused once more than the limit has been read.

    >>> read_input_bytes("/dev/zero")
    Traceback (most recent call last):
    ...
    corpus_align.errors.InputError: /dev/zero: is a character device, not a text file
    """
    with open_input(path, max_bytes=max_bytes) as (stream, size):
        return read_limited(stream, max_input_bytes(max_bytes), str(path), size or 0)


def read_text(
    path: str | Path,
    encoding: str | None = None,
    *,
    stdin: BinaryIO | None = None,
    allow_empty: bool = False,
    max_bytes: int | None = None,
) -> SourceText:
    """Read and decode a text file; ``"-"`` reads standard input.

    Only regular files, FIFOs and standard input are read, up to ``max_bytes``
    (default :func:`max_input_bytes`: ``$CORPUS_ALIGN_MAX_INPUT_MB`` or 512 MB).

    >>> read_text("data/samples/000_389ae536b82fb46d.txt").encoding  # doctest: +SKIP
    'utf-8'
    >>> import io
    >>> read_text("-", stdin=io.BytesIO("你好。".encode("utf-8")), max_bytes=4)
    Traceback (most recent call last):
    ...
    corpus_align.errors.InputError: <stdin>: is larger than the input limit of 4 bytes (stopped reading there); ...
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = read_limited(stream, max_input_bytes(max_bytes), STDIN_NAME)
        return decode_bytes(data, STDIN_NAME, encoding, allow_empty=allow_empty)
    data = read_input_bytes(path, max_bytes=max_bytes)
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
        spans = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        wrap = wrap_width([text[s:e] for s, e in spans])
        if wrap is not None:
            spans = _unwrapped(text, spans, wrap)
    return [_strip_span(text, s, e) for s, e in spans if text[s:e].strip()]


# Sentence-final marks: a line cut at the wrap width ends with one only by chance.
_LINE_END_MARKS = tuple("。！？!?…」』”\"’'）)")
WRAP_MIN_FULL_LINES = 6  # lines cut at one width before a file without blank lines counts as hard-wrapped
WRAP_MIN_SHARE = 0.4  # share of the lines that must be cut at that width


def display_width(line: str) -> int:
    """Columns ``line`` takes in a fixed-width font: two for a Chinese (East Asian wide) character, one otherwise.

    >>> display_width("中文ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


class Wrap(NamedTuple):
    """How a hard-wrapped file was cut: at ``width`` by ``measure`` (characters or columns), give or take ``slack``."""

    width: int
    measure: Callable[[str], int]
    slack: int


def wrap_width(lines: list[str]) -> Wrap | None:
    """How the lines were cut, when a file is hard-wrapped without blank lines; else None.

    A wrapped file has many lines of (nearly) one width, most of them cut
    mid-sentence; a file of one paragraph per line has lines of every length,
    most ending a sentence.  Editors cut at a number of characters or of
    columns (a Chinese character taking two); both are tried.  Nothing here is
    tuned on a benchmark: it asks for a clear majority of both.

    >>> wrap_width(["他說雙方同意繼續合作，共同推", "動兩地的經濟發展和文化交流，"] * 3 + ["完。"]).width
    14
    >>> wrap_width(["第一段。", "第二段很長很長。", "第三段。"]) is None
    True
    """
    best = None
    for measure, slack in ((len, 1), (display_width, 2)):
        widths = [measure(line.rstrip()) for line in lines]
        common = Counter(w for w in widths if w >= 10).most_common(1)
        if not common:
            continue
        width = max(w for w in widths if common[0][0] <= w <= common[0][0] + slack)
        full = [line for line, w in zip(lines, widths, strict=True) if width - slack <= w <= width]
        if best is None or len(full) > len(best[1]):
            best = (Wrap(width, measure, slack), full)
    if best is None:
        return None
    wrap, full = best
    if len(full) < WRAP_MIN_FULL_LINES or len(full) < WRAP_MIN_SHARE * len(lines):
        return None
    cut_mid_sentence = sum(not line.rstrip().endswith(_LINE_END_MARKS) for line in full)
    return wrap if cut_mid_sentence * 2 > len(full) else None


def _unwrapped(text: str, lines: list[tuple[int, int]], wrap: Wrap) -> list[tuple[int, int]]:
    """Join hard-wrapped lines into paragraphs: one ends at a line shorter than the width, at a line that ends a
    sentence, or before an indented line."""
    paragraphs: list[tuple[int, int]] = []
    start = None
    for k, (line_start, line_end) in enumerate(lines):
        if start is None:
            start = line_start
        line = text[line_start:line_end].rstrip()
        short = wrap.measure(line) < wrap.width - wrap.slack
        # A full line that ends a sentence may end its paragraph: breaking there never cuts a sentence.
        next_indented = k + 1 < len(lines) and text[lines[k + 1][0]] in " \t\u3000"
        if short or line.endswith(_LINE_END_MARKS) or next_indented or k + 1 == len(lines):
            paragraphs.append((start, line_end))
            start = None
    return paragraphs


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return start + lead, end - trail


def script_lang(text: str) -> Lang | None:
    """Which language a stretch of text is written in; ``None`` when it has no letters.

    A Chinese paragraph may carry Latin letters (names, pinyin annotations,
    markup, code): its Han characters are weighed against its English words,
    markup and code left out (:func:`~corpus_align.text.language.language_evidence`).

    >>> script_lang("王廣成率隊"), script_lang("Wang Guangcheng led a team"), script_lang("2021")
    ('zh', 'en', None)
    >>> script_lang('他说：<a href="https://example.com/plan">这个计划</a>很好。')
    'zh'
    """
    return language_evidence(text).lang


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
    previous: Lang = next((lang for lang in langs if lang), "en")
    resolved: list[Lang] = []
    for lang in langs:
        previous = lang or previous
        resolved.append(previous)
    documents: dict[Lang, Document] = {}
    both: tuple[Lang, Lang] = ("zh", "en")
    for lang in both:
        paragraphs = tuple(
            Paragraph(index=i, start=s, end=e, lang=lang)
            for i, ((s, e), _) in enumerate(p for p in zip(spans, resolved, strict=True) if p[1] == lang)
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
