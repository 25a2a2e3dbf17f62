"""The ``terms`` command: candidate glossary entries learned from aligned text, written as a glossary."""

from __future__ import annotations

import typer

from . import app
from .text import ENCODING_HELP, OPENCC_HELP

FILE_HELP = (
    "An aligned file (the TSV, JSONL or XLSX that align writes, or zh<TAB>en rows), a batch output folder "
    "(every document's NAME.tsv), or a text to align first: a bilingual file, or the Chinese file when EN_FILE is given."
)


@app.command(
    epilog="Example: corpus-align terms aligned.tsv -o glossary.tsv --limit 100, review the file, then "
    "corpus-align check aligned.tsv --glossary glossary.tsv  (or: corpus-align terms out/ -o glossary.tsv)"
)
def terms(
    file: str = typer.Argument(..., metavar="FILE_OR_OUT", help=FILE_HELP),
    en_file: str = typer.Argument(None, metavar="[EN_FILE]", help="English translation, when FILE_OR_OUT is the Chinese source."),
    output: str = typer.Option(None, "--output", "-o", help="Glossary file to write (default or -: standard output)."),
    min_count: int = typer.Option(3, "--min-count", min=1, help="Rows a Chinese term and its English must share."),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many candidates, the strongest first."),
    presegmented: bool = typer.Option(False, "--presegmented", help="When aligning first: each input line is one sentence."),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP),
    opencc: str = typer.Option("auto", "--opencc", help=OPENCC_HELP),
) -> None:
    """Learn candidate glossary entries (names and consistently translated terms) from aligned text.

    Writes zh<TAB>en<TAB>note lines, the strongest evidence first; the note says how many rows back the
    rendering and gives an example row. Edit the file and pass it back with --glossary.
    """
    from ..io.glossary import glossary_text
    from ..io.output import check_output_target, write_output
    from ..terms import extract_terms_from_path, glossary_entries

    check_output_target(output, [file, en_file])
    candidates = extract_terms_from_path(file, en_file, min_count=min_count, limit=limit, encoding=encoding,
                                         opencc=opencc, presegmented=presegmented)
    comments = [f"corpus-align terms: {len(candidates)} candidate(s) from {file}" + (f" and {en_file}" if en_file else ""),
                "zh<TAB>en<TAB>note; edit, delete what is wrong, then pass it to align or check with --glossary"]
    write_output(glossary_text(glossary_entries(candidates), comments), output)
