"""The ``search`` command: rows of a batch's release store by their text, their findings, or both."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from . import _say, app, warn
from .terminal import safe_for_terminal


class SearchLanguage(StrEnum):
    zh = "zh"
    en = "en"


class SearchFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


@app.command(
    epilog="Example: corpus-align search review/ 合作 --lang zh  (or: corpus-align search review/ --code number-mismatch"
    " --format jsonl)"
)
def search(
    out_dir: Path = typer.Argument(..., help="A batch's output folder (it holds release.sqlite), or a release.sqlite file."),
    query: str = typer.Argument(
        "", help="Text to find in a row, case-insensitively; Traditional and Simplified Chinese find each other."
    ),
    lang: SearchLanguage = typer.Option(None, "--lang", help="Look in the Chinese (zh) or the English (en) side only."),
    code: str = typer.Option(None, "--code", help="Only rows with a finding of this check code, e.g. number-mismatch."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="Show at most this many rows; 0 for all."),
    output_format: SearchFormat = typer.Option(
        SearchFormat.text, "--format", "-f", help="text for people, or jsonl (one object per row)."
    ),
) -> None:
    """Find rows of a release by their text or their findings: each with its document, row and both sides' text.

    Reads the release.sqlite that batch writes. Give a QUERY, a --code, or both.
    """
    from ..io.store_read import open_store
    from ..io.store_read import search as search_store

    if code is not None:
        from ..checks import resolve_codes
        from ..errors import UsageError

        codes = resolve_codes()
        if code not in codes:  # a misspelt code is an error listing the valid ones, not an empty answer
            raise UsageError(f"unknown check code {code!r} for --code; valid codes: {', '.join(sorted(codes))}")
    connection = open_store(out_dir)
    try:
        result = search_store(connection, query, lang=lang.value if lang else None, code=code, limit=limit)
    finally:
        connection.close()
    if result.note:
        warn(result.note)
    for hit in result.hits:
        if output_format == SearchFormat.jsonl:
            typer.echo(json.dumps(hit, ensure_ascii=False))
        else:
            typer.echo(_text_hit(hit))
    if result.more:
        warn(f"more rows match than the {limit} shown; --limit 0 shows them all")
    elif not result.hits and output_format == SearchFormat.text:
        _say("corpus-align: no row matches")


def _text_hit(hit: dict) -> str:
    """Three lines per row: where it is (document, row, bead type, score, finding codes), then each side's text.

    >>> print(_text_hit({"document": "news/a", "row": 2, "type": "1-1", "score": 0.93, "codes": ["typo"],
    ...                  "zh": "合作。", "en": "Cooperation."}))
    news/a row 2 (1-1, score 0.93) typo
      zh  合作。
      en  Cooperation.
    """
    codes = f" {' '.join(hit['codes'])}" if hit["codes"] else ""
    header = safe_for_terminal(f"{hit['document']} row {hit['row']} ({hit['type']}, score {hit['score']:.2f}){codes}")
    return "\n".join([header, f"  zh  {safe_for_terminal(hit['zh'])}", f"  en  {safe_for_terminal(hit['en'])}"])
