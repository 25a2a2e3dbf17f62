"""Commands that read and segment text: ``split`` and ``segment``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from . import app

OUTPUT_HELP = "Output file (default or -: standard output)."
ENCODING_HELP = "Input encoding, any codec Python knows (latin-9, cp1252...); default: detected (UTF-8/16 with BOM, UTF-8, GB18030, Big5)."
OPENCC_HELP = "Chinese conversion for analysis: auto, t2s, tw2s, hk2s or none. Outputs show the text as --text says."
MIN_CONFIDENCE_HELP = (
    "Report only findings at least this sure (0-1, the calibrated chance that a finding is right); "
    "findings of codes without a confidence (encoding, whitespace, punctuation...) are kept. Findings under 0.2 "
    "are reported at severity info whatever this says (doubtful: likelier a false alarm than an error)."
)

TEXT_HELP = (
    "How to show the text: original (as written), repaired (a web converter's pinyin annotations removed, "
    "? between words restored to a space, mojibake undone) or simplified (repaired, Chinese converted to Simplified)."
)


class TextMode(StrEnum):
    """The choices of --text (corpus_align.normalize.TEXT_MODES)."""

    original = "original"
    repaired = "repaired"
    simplified = "simplified"


class SegmentFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


class LangChoice(StrEnum):
    auto = "auto"
    zh = "zh"
    en = "en"


@app.command(epilog="Example: corpus-align split data/samples/000_389ae536b82fb46d.txt --out-dir out")
def split(
    file: str = typer.Argument(..., help="A bilingual text file, or - for standard input."),
    out_dir: Path = typer.Option(None, "--out-dir", "-d", help="Where to write STEM.zh.txt and STEM.en.txt (default: beside FILE)."),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    text: TextMode = typer.Option(TextMode.original, "--text", help=TEXT_HELP),
) -> None:
    """Split a bilingual file into STEM.zh.txt and STEM.en.txt by each paragraph's script."""
    from ..errors import OutputError
    from ..io.output import check_output_target
    from ..pipeline import split_file
    from .terminal import safe_for_terminal

    folder = _make_out_dir(out_dir) if out_dir is not None else None
    for target in split_targets(file, folder):
        check_output_target(str(target), [file])
    try:
        paths = split_file(file, folder, encoding=encoding, text=text.value)
    except OSError as error:  # reading reports InputError; an OSError here is the write
        where = error.filename or (folder if folder is not None else "split")
        raise OutputError(str(where), f"cannot write: {error.strerror or error}") from None
    for path in paths:
        typer.echo(safe_for_terminal(str(path)))


def split_targets(file: str, out_dir: Path | None) -> tuple[Path, Path]:
    """The two files ``split`` writes, named as :func:`corpus_align.pipeline.split_file` names them.

    >>> split_targets("book/ch1.txt", None)
    (PosixPath('book/ch1.zh.txt'), PosixPath('book/ch1.en.txt'))
    >>> split_targets("-", Path("out"))
    (PosixPath('out/stdin.zh.txt'), PosixPath('out/stdin.en.txt'))
    """
    stem, folder = ("stdin", Path(".")) if file == "-" else (Path(file).stem, Path(file).parent)
    folder = out_dir if out_dir is not None else folder
    return folder / f"{stem}.zh.txt", folder / f"{stem}.en.txt"


def _make_out_dir(out_dir: Path) -> Path:
    """--out-dir may name a new folder; make it now, so that a folder that cannot be made fails before the work."""
    from ..errors import OutputError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(out_dir), f"cannot make the folder: {error.strerror or error}") from None
    return out_dir


@app.command(epilog="Example: corpus-align segment data/samples/000_389ae536b82fb46d.txt --format jsonl")
def segment(
    file: str = typer.Argument(..., help="A text file (Chinese, English or both), or - for standard input."),
    lang: LangChoice = typer.Option(LangChoice.auto, "--lang", help="Language of FILE; auto segments both parts of a bilingual file."),
    output_format: SegmentFormat = typer.Option(
        SegmentFormat.text,
        "--format",
        "-f",
        help="text: a sentence per line, a blank line between paragraphs; jsonl: a record per sentence.",
    ),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
    text: TextMode = typer.Option(
        TextMode.original, "--text", help=TEXT_HELP + " In JSONL it is the record's text; original stays the text its offsets point at."
    ),
) -> None:
    """Split text into sentences, one per line or as JSON records with offsets."""
    from ..io.records import shown_sentences
    from ..model import sentence_record
    from ..pipeline import segment_file

    documents = segment_file(file, lang=lang.value, encoding=encoding, opencc=opencc)
    lines: list[str] = []
    for document in documents:
        previous = None
        for sentence, shown in zip(document.sentences, shown_sentences(document, text=text.value), strict=True):
            if output_format is SegmentFormat.jsonl:
                lines.append(json.dumps({**sentence_record(sentence), "text": shown}, ensure_ascii=False))
                continue
            if previous is not None and sentence.paragraph != previous:
                lines.append("")
            lines.append(shown)
            previous = sentence.paragraph
        if output_format is SegmentFormat.text and document is not documents[-1]:
            lines.append("")
    typer.echo("\n".join(lines))
