"""Read glossaries: ``zh<TAB>en[<TAB>note]`` lines, UTF-8 (any encoding ``read_text`` detects)."""

from __future__ import annotations

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
