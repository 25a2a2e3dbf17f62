"""The output formats, registered in one place.

Each format is a :class:`Writer`: its name (what ``--format`` takes), the
suffix of the file ``batch`` writes, whether its content is binary, a line of
help, and the function that renders an alignment and its findings.  The CLI's
choices, ``batch``'s outputs and their file names are all built from
:data:`WRITERS`; a new format is one registered function.

>>> sorted(WRITERS)
['findings', 'html', 'jsonl', 'ladder', 'tmx', 'tsv', 'xlsx']
>>> writer("tmx").suffix
'.tmx'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import UsageError
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
