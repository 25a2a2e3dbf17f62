"""The output formats, registered in one place.

Each format is a :class:`Writer`: its name (what ``--format`` takes), the
suffix of the file ``batch`` writes, whether its content is binary, a line of
help, how it shows the text unless told (``default_text``), and the function
that renders an alignment and its findings.  The CLI's
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
from dataclasses import dataclass, replace

from ..errors import OutputError, UsageError
from ..model import Alignment, Finding
from ..normalize import check_text_mode


@dataclass(frozen=True)
class Rendered:
    """What a writer made: the content, and warnings about what it could not keep.

    ``warnings`` are lines for a person (characters XML forbids, rows left
    out); ``rows_left_out`` are the 1-based rows of the alignment the format
    could not hold (a TMX pairs segments, so it leaves out one-sided rows).
    """

    content: str | bytes
    warnings: tuple[str, ...] = ()
    rows_left_out: tuple[int, ...] = ()

    def as_bytes(self) -> bytes:
        """The content as bytes (text is UTF-8)."""
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@dataclass(frozen=True)
class RenderSettings:
    """How outputs show the text, and the ``title`` of a report (default: the file names).

    ``text`` is ``original`` (as the author wrote it), ``repaired`` (pinyin
    annotations removed, ``?`` glued between words and mojibake undone) or
    ``simplified`` (repaired, Chinese in Simplified); ``None`` leaves it to
    the format: repaired for TMX, original for the others.

    >>> RenderSettings(text="repaired").text
    'repaired'
    """

    text: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        if self.text is not None:
            check_text_mode(self.text)

    @property
    def shown_text(self) -> str:
        """The text mode a writer uses: ``text``, which the registry has set to the format's default when it was None."""
        return self.text or "original"


Render = Callable[[Alignment, Sequence[Finding], RenderSettings], Rendered]


@dataclass(frozen=True)
class Writer:
    """One output format; ``help`` is a few words for ``--format``'s help.

    ``render`` receives settings whose ``text`` is set: the caller's, or
    ``default_text`` when the caller left it to the format.
    """

    name: str
    suffix: str
    binary: bool
    help: str
    render: Render
    default_text: str = "original"


WRITERS: dict[str, Writer] = {}


def register(
    name: str, suffix: str, help: str, *, binary: bool = False, default_text: str = "original"
) -> Callable[[Render], Render]:
    """Register ``render`` as the format ``name`` (a decorator); ``default_text`` is how it shows the text unless told."""
    check_text_mode(default_text)

    def add(render: Render) -> Render:
        if name in WRITERS:
            raise ValueError(f"output format {name!r} is registered twice")

        def with_default_text(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
            if settings.text is None:
                settings = replace(settings, text=default_text)
            return render(alignment, findings, settings)

        WRITERS[name] = Writer(name, suffix, binary, help, with_default_text, default_text)
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


def render(name: str, alignment: Alignment, findings: Sequence[Finding] = (), *, text: str | None = None,
           title: str | None = None) -> Rendered:
    """Render ``alignment`` and its ``findings`` in the format ``name``.

    ``text`` is how the text is shown (see :class:`RenderSettings`; by
    default repaired in TMX, as written elsewhere).

    >>> from corpus_align import align
    >>> print(render("ladder", align("你好。", "Hello.")).content, end="")
    [0]:[0]
    >>> "<seg>關于合作。</seg>" in render("tmx", align("關(guān)于合作。", "About cooperation.")).content
    True
    >>> render("tmx", align("你好。", "")).rows_left_out
    (1,)
    """
    return writer(name).render(alignment, findings, RenderSettings(text=text, title=title))


def _issues(findings: Sequence[Finding]) -> dict[int, list[str]]:
    from ..qa import issues_by_row

    return issues_by_row(findings)


@register("tsv", ".tsv", "rows for reviewers")
def _tsv(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .tsv import to_tsv

    return Rendered(to_tsv(alignment, text=settings.shown_text, issues=_issues(findings)))


@register("jsonl", ".jsonl", "a meta line, then one JSON object per bead")
def _jsonl(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .jsonl import to_jsonl

    return Rendered(to_jsonl(alignment, text=settings.shown_text, issues=_issues(findings)))


@register("ladder", ".ladder", "zh ids:en ids per bead, as gold files are written")
def _ladder(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .ladder import to_ladder

    return Rendered(to_ladder(alignment))


@register("tmx", ".tmx", "a translation memory", default_text="repaired")
def _tmx(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .tmx import to_tmx

    tmx = to_tmx(alignment, text=settings.shown_text)
    warnings = [f"row {row}: removed {char}, which XML forbids, from the TMX" for row, char in tmx.removed]
    if tmx.left_out:
        count = len(tmx.left_out)
        rows = "1 one-sided row" if count == 1 else f"{count} one-sided rows"
        warnings.insert(0, f"{rows} left out of the TMX (it pairs segments)")
    return Rendered(tmx.text, tuple(warnings), tmx.left_out)


@register("xlsx", ".xlsx", "a spreadsheet", binary=True)
def _xlsx(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .xlsx import to_xlsx

    return Rendered(to_xlsx(alignment, findings, text=settings.shown_text))


@register("html", ".html", "a review report")
def _html(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .html import to_html

    return Rendered(to_html(alignment, findings, title=settings.title, text=settings.shown_text))


@register("findings", ".findings.jsonl", "the findings alone, as JSONL")
def _findings(alignment: Alignment, findings: Sequence[Finding], settings: RenderSettings) -> Rendered:
    from .findings import findings_to_jsonl

    # Findings carry fingerprints once a baseline was applied to them: then every line says whether it is accepted.
    return Rendered(findings_to_jsonl(findings, baseline=any(f.fingerprint for f in findings)))
