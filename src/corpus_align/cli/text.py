"""Commands that read and segment text: ``split`` and ``segment``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from . import app

ENCODING_HELP = "Input encoding (default: detected; UTF-8/16 with BOM, UTF-8, GB18030, Big5)."
OPENCC_HELP = "Chinese conversion for analysis: auto, t2s, tw2s, hk2s or none. Output keeps the original text."


class SegmentFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class LangChoice(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


@app.command(epilog="Example: corpus-align split data/samples/000_389ae536b82fb46d.txt --out-dir out")
def split(
    file: str = typer.Argument(..., help="A bilingual text file, or - for standard input."),
    out_dir: Path = typer.Option(None, "--out-dir", "-d", help="Where to write STEM.zh.txt and STEM.en.txt (default: beside FILE)."),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
) -> None:
    """Split a bilingual file into STEM.zh.txt and STEM.en.txt by each paragraph's script."""
    from ..pipeline import split_file

    for path in split_file(file, out_dir, encoding=encoding):
        typer.echo(str(path))


@app.command(epilog="Example: corpus-align segment data/samples/000_389ae536b82fb46d.txt --format jsonl")
def segment(
    file: str = typer.Argument(..., help="A text file (Chinese, English or both), or - for standard input."),
    lang: LangChoice = typer.Option(LangChoice.auto, "--lang", help="Language of FILE; auto segments both parts of a bilingual file."),
    output_format: SegmentFormat = typer.Option(SegmentFormat.text, "--format", "-f", help="text: a sentence per line, a blank line between paragraphs; jsonl: a record per sentence."),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
) -> None:
    """Split text into sentences, one per line or as JSON records with offsets."""
    from ..model import sentence_record
    from ..pipeline import segment_file

    documents = segment_file(file, lang=lang.value, encoding=encoding, opencc=opencc)
    lines: list[str] = []
    for document in documents:
        previous = None
        for sentence in document.sentences:
            if output_format is SegmentFormat.jsonl:
                lines.append(json.dumps(sentence_record(sentence), ensure_ascii=False))
                continue
            if previous is not None and sentence.paragraph != previous:
                lines.append("")
            lines.append(_one_line(sentence.original, document.lang))
            previous = sentence.paragraph
        if output_format is SegmentFormat.text and document is not documents[-1]:
            lines.append("")
    typer.echo("\n".join(lines))


def _one_line(text: str, lang: str) -> str:
    """A sentence of a hard-wrapped paragraph on one line: Chinese lines join without a space."""
    import re

    return re.sub(r"\s*\n\s*", "" if lang == "zh" else " ", text)
