"""The output formats, registered in one place.

Each format is a :class:`Writer`: its name (what ``--format`` takes), the
suffix of the file ``batch`` writes, whether its content is binary, a line of
help, and the function that renders an alignment and its findings.  The CLI's
choices, ``batch``'s outputs and their file names are all built from
:data:`WRITERS`; a new format is one registered function.  The suffixes are
also what ``-o FILE`` means when ``--format`` is not given
(:func:`format_for_output`).

>>> sorted(WRITERS)
['findings', 'html', 'jsonl', 'ladder', 'tmx', 'tsv', 'xlsx']
>>> writer("tmx").suffix
'.tmx'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import OutputError, UsageError
from ..model import Alignment, Finding


@dataclass(frozen=True)
class Rendered:
    """What a writer made: the content, and warnings about what it could not keep (characters XML forbids)."""

    content: str | bytes
    warnings: tuple[str, ...] = ()

    def as_bytes(self) -> bytes:
        """The content as bytes (text is UTF-8)."""
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@dataclass(frozen=True)
class RenderSettings:
    """How outputs show the text: ``zh_script`` ``original`` or ``simplified``; ``title`` of a report (default: the file names)."""

    zh_script: str = "original"
    title: str | None = None


Render = Callable[[Alignment, Sequence[Finding], RenderSettings], Rendered]


@dataclass(frozen=True)
class Writer:
    """One output format; ``help`` is a few words for ``--format``'s help."""

    name: str
    suffix: str
    binary: bool
    help: str
    render: Render


WRITERS: dict[str, Writer] = {}


def register(name: str, suffix: str, help: str, *, binary: bool = False) -> Callable[[Render], Render]:
    """Register ``render`` as the format ``name`` (a decorator)."""

    def add(render: Render) -> Render:
        if name in WRITERS:
            raise ValueError(f"output format {name!r} is registered twice")
        WRITERS[name] = Writer(name, suffix, binary, help, render)
        return render

    return add


def writer(name: str) -> Writer:
    """The writer called ``name``; a :class:`UsageError` listing the formats when there is none.

    >>> writer("pdf")
    Traceback (most recent call last):
    corpus_align.errors.UsageError: unknown output format 'pdf'; choose one of findings, html, jsonl, ladder, tmx, tsv, xlsx
    """
    try:
        return WRITERS[name]
    except KeyError:
        raise UsageError(f"unknown output format {name!r}; choose one of {', '.join(sorted(WRITERS))}") from None


def suffix_format(output: str | None, offered: Iterable[str] | None = None) -> tuple[str, str] | None:
    """``(suffix, format)`` for a file name ending in a registered suffix (any case), the longest that matches; else None.

    ``offered`` limits the formats to those a command writes, so that for
    ``check`` (``jsonl``, ``tsv``) ``x.findings.jsonl`` is JSONL.

    >>> suffix_format("out.HTML"), suffix_format("out.findings.jsonl"), suffix_format("out.txt")
    (('.html', 'html'), ('.findings.jsonl', 'findings'), None)
    >>> suffix_format("out.findings.jsonl", offered=["jsonl", "tsv"])
    ('.jsonl', 'jsonl')
    """
    if output in (None, "-"):
        return None
    name = output.lower()
    names = set(WRITERS) if offered is None else set(offered)
    matches = [(w.suffix, w.name) for w in WRITERS.values() if w.name in names and name.endswith(w.suffix)]
    return max(matches, key=lambda match: len(match[0]), default=None)


def format_for_output(output: str | None, requested: str | None, *, default: str = "tsv",
                      offered: Iterable[str] | None = None) -> str:
    """The format to write to ``output``: ``requested`` (``--format``), else the one its suffix names, else ``default``.

    A name whose suffix no format has (``.txt``, ``.csv``, standard output)
    gets ``requested`` or ``default`` without a word.  A suffix that names
    another format than ``requested``, or a format the command does not write
    (``offered``; all registered formats when None), is an
    :class:`~corpus_align.errors.OutputError`: a file called ``out.html``
    holding TSV would surprise whoever opens it.

    >>> format_for_output("out.xlsx", None), format_for_output("out.txt", None), format_for_output(None, "jsonl")
    ('xlsx', 'tsv', 'jsonl')
    >>> format_for_output("out.html", "tsv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.OutputError: out.html: --format tsv does not match the suffix .html (--format html); drop --format ...
    >>> format_for_output("found.html", None, default="text", offered=["text", "jsonl", "tsv"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.OutputError: found.html: .html is the suffix of --format html, which this command does not write; ...
    """
    offered = list(WRITERS) if offered is None else list(offered)
    if requested is not None and requested in WRITERS and suffix_format(output, [requested]) is not None:
        return requested  # the name ends with the format's own suffix (--format jsonl -o x.findings.jsonl)
    found = suffix_format(output, offered)
    if found is None:
        foreign = suffix_format(output)
        if foreign is not None:
            suffix, name = foreign
            raise OutputError(str(output), f"{suffix} is the suffix of --format {name}, which this command does not write; "
                                           f"choose one of {', '.join(offered)}")
        return requested or default
    suffix, name = found
    if requested is not None and requested != name:
        raise OutputError(str(output), f"--format {requested} does not match the suffix {suffix} (--format {name}); "
                                       "drop --format or rename the file")
    return name


def render(name: str, alignment: Alignment, findings: Sequence[Finding] = (), *, zh_script: str = "original",
           title: str | None = None) -> Rendered:
    """Render ``alignment`` and its ``findings`` in the format ``name``.

    >>> from corpus_align import align
    >>> print(render("ladder", align("你好。", "Hello.")).content, end="")
    [0]:[0]
    """
    return writer(name).render(alignment, findings, RenderSettings(zh_script=zh_script, title=title))


def _issues(findings: Sequence[Finding]) -> dict[int, list[str]]:
    from ..qa import issues_by_row

    return issues_by_row(findings)


@register("tsv", ".tsv", "rows for reviewers")
def _tsv(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .tsv import to_tsv

    return Rendered(to_tsv(alignment, zh_script=settings.zh_script, issues=_issues(findings)))


@register("jsonl", ".jsonl", "a meta line, then one JSON object per bead")
def _jsonl(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .jsonl import to_jsonl

    return Rendered(to_jsonl(alignment, zh_script=settings.zh_script, issues=_issues(findings)))


@register("ladder", ".ladder", "zh ids:en ids per bead, as gold files are written")
def _ladder(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .ladder import to_ladder

    return Rendered(to_ladder(alignment))


@register("tmx", ".tmx", "a translation memory")
def _tmx(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .tmx import to_tmx

    tmx = to_tmx(alignment)
    return Rendered(tmx.text, tuple(f"row {row}: removed {char}, which XML forbids, from the TMX" for row, char in tmx.removed))


@register("xlsx", ".xlsx", "a spreadsheet", binary=True)
def _xlsx(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .xlsx import to_xlsx

    return Rendered(to_xlsx(alignment, findings, zh_script=settings.zh_script))


@register("html", ".html", "a review report")
def _html(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .html import to_html

    return Rendered(to_html(alignment, findings, title=settings.title, zh_script=settings.zh_script))


@register("findings", ".findings.jsonl", "the findings alone, as JSONL")
def _findings(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .findings import findings_to_jsonl

    return Rendered(findings_to_jsonl(findings))
