"""Read and write glossaries: ``zh<TAB>en[<TAB>note]`` lines, UTF-8 (any encoding ``read_text`` detects)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .._lazy import opencc_converter
from ..errors import InputError
from ..model import GlossaryEntry
from ..normalize import fold_fullwidth
from .read import read_text


def parse_glossary(text: str, name: str = "<glossary>") -> tuple[GlossaryEntry, ...]:
    """Parse glossary lines; blank lines and lines starting with ``#`` are skipped.

    The Chinese term is kept as written and in Simplified form, so it matches
    source text in either script.

    >>> parse_glossary("重慶\\tChongqing\\n# comment\\n對外友協\\tFAO\\tshort form")[1].simplified
    '对外友协'
    """
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < 2 or len(cells) > 3 or not cells[0] or not cells[1]:
            raise InputError(
                name, f"line {number}: expected 'chinese<TAB>english[<TAB>note]', got {len(cells)} column(s): {line[:60]!r}"
            )
        source = cells[0]
        simplified = opencc_converter("t2s").convert(fold_fullwidth(source))
        entries.append(GlossaryEntry(source, simplified, cells[1], cells[2] if len(cells) == 3 else ""))
    return tuple(entries)


def read_glossary(path: str | Path | None, encoding: str | None = None) -> tuple[GlossaryEntry, ...]:
    """Read a glossary file (``None`` gives an empty glossary).

    >>> read_glossary(None)
    ()
    """
    if path is None:
        return ()
    source = read_text(path, encoding)
    return parse_glossary(source.text, source.name)


def glossary_text(entries: Iterable[GlossaryEntry], comments: Iterable[str] = ()) -> str:
    r"""Glossary lines that :func:`parse_glossary` reads back: ``comments`` as ``#`` lines, then ``zh<TAB>en<TAB>note``.

    A tab or a line break inside a cell would split it, so each becomes a space.

    >>> text = glossary_text([GlossaryEntry("重慶", "重庆", "Chongqing", "name, 3 of 3 rows")], ["candidates"])
    >>> text
    '# candidates\n重慶\tChongqing\tname, 3 of 3 rows\n'
    >>> parse_glossary(text)[0].target
    'Chongqing'
    """
    def cell(text: str) -> str:
        return " ".join(text.replace("\t", " ").splitlines()).strip()

    lines = [f"# {cell(comment)}" for comment in comments]
    for entry in entries:
        cells = [cell(entry.source), cell(entry.target)] + ([cell(entry.note)] if entry.note else [])
        lines.append("\t".join(cells))
    return "".join(line + "\n" for line in lines)
