"""The check stage as users call it: an alignment or an aligned file in, findings out.

The checks themselves live in :mod:`corpus_align.checks`; this module turns
an :class:`~corpus_align.model.Alignment` or a TSV file into check rows, runs
the checks and decides the exit status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError
from .io.read import read_text
from .io.records import sentence_text
from .io.tsv_read import MalformedRow, parse_aligned_tsv
from .model import SEVERITIES, Alignment, CheckRow, Damage, Document, Finding, GlossaryEntry

FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True)
class CheckReport:
    """Findings of one checked file, with the rows they refer to and the rows that could not be read."""

    name: str
    rows: tuple[CheckRow, ...]
    findings: tuple[Finding, ...]
    malformed: tuple[MalformedRow, ...] = ()

    def counts(self) -> Counter:
        """Findings per code.

        >>> CheckReport("a", (), (Finding("typo", "warning", 1, "m"),)).counts()["typo"]
        1
        """
        return Counter(finding.code for finding in self.findings)


def _damage_in(document: Document, ids: Sequence[int], joiner: str, zh: bool) -> tuple[Damage, ...]:
    """The document's damage inside sentences ``ids``, with offsets into the joined row text."""
    found = []
    position = 0
    for index in ids:
        sentence = document.sentences[index]
        for damage in document.damage:
            if sentence.start <= damage.start < sentence.end:
                offset = position + damage.start - sentence.start
                found.append(Damage(damage.kind, offset, offset + damage.end - damage.start, damage.text, damage.repair))
        position += len(sentence.original) + len(joiner)
    return tuple(found)


def rows_from_alignment(alignment: Alignment) -> list[CheckRow]:
    """One check row per bead, numbered like the TSV rows.

    >>> from corpus_align import align
    >>> rows_from_alignment(align("關於重慶。", "About Chongqing."))[0].zh_normalized
    '关于重庆。'
    """
    unsure = {row: region.describe() for region in alignment.unsure for row in range(region.first_row, region.last_row + 1)}
    rows = []
    for row, bead in alignment.rows():
        rows.append(
            CheckRow(
                row=row,
                zh=sentence_text(alignment.zh, bead.zh),
                zh_normalized="".join(alignment.zh.sentences[i].normalized for i in bead.zh),
                en=sentence_text(alignment.en, bead.en),
                type=bead.type,
                score=bead.score,
                zh_damage=_damage_in(alignment.zh, bead.zh, "", True),
                en_damage=_damage_in(alignment.en, bead.en, " ", False),
                unsure=unsure.get(row, ""),
            )
        )
    return rows


def check_alignment(
    alignment: Alignment,
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the QA checks over an alignment; findings refer to its 1-based rows.

    >>> from corpus_align import align
    >>> [f.code for f in check_alignment(align("他二十一岁。", "He is twenty-two."))]
    ['number-mismatch']
    """
    from .checks import check_rows

    return check_rows(rows_from_alignment(alignment), glossary=glossary, select=select, ignore=ignore)


def check_file(
    path: str | Path,
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    encoding: str | None = None,
    opencc: str = "auto",
) -> CheckReport:
    """Check an aligned TSV (as ``align`` writes it, header detected) or a plain ``zh<TAB>en`` file.

    Rows that cannot be read are reported in ``malformed`` with their line
    numbers; the other rows are still checked.

    >>> report = check_file("aligned.tsv")  # doctest: +SKIP
    >>> report.counts().most_common(3)  # doctest: +SKIP
    [('typo', 4), ('number-mismatch', 1)]
    """
    from .checks import check_rows, rows_from_pairs

    source = read_text(path, encoding)
    tsv_rows, malformed = parse_aligned_tsv(source)
    if not tsv_rows and malformed:
        raise InputError(
            source.name,
            "has no tab-separated zh/en rows; check reads aligned files (align it first: corpus-align align FILE -o FILE.tsv)",
        )
    rows = rows_from_pairs([(r.zh, r.en) for r in tsv_rows], opencc=opencc)
    rows = [
        CheckRow(r.row, row.zh, row.zh_normalized, row.en, r.type, r.score, row.zh_damage, row.en_damage)
        for r, row in zip(tsv_rows, rows)
    ]
    findings = check_rows(rows, glossary=glossary, select=select, ignore=ignore)
    return CheckReport(source.name, tuple(rows), tuple(findings), tuple(malformed))


def issues_by_row(findings: Iterable[Finding]) -> dict[int, list[str]]:
    """Finding codes per row, each code once, for the TSV ``issues`` column.

    >>> issues_by_row([Finding("typo", "warning", 2, "a"), Finding("typo", "warning", 2, "b")])
    {2: ['typo']}
    """
    by_row: dict[int, list[str]] = {}
    for finding in findings:
        codes = by_row.setdefault(finding.row, [])
        if finding.code not in codes:
            codes.append(finding.code)
    return by_row


def should_fail(findings: Iterable[Finding], fail_on: str) -> bool:
    """True when a finding is at or above ``fail_on`` (``error``, ``warning`` or ``never``).

    >>> should_fail([Finding("typo", "warning", 1, "m")], "warning"), should_fail([Finding("typo", "warning", 1, "m")], "error")
    (True, False)
    """
    if fail_on not in FAIL_ON:
        raise UsageError(f"unknown --fail-on {fail_on!r}; choose one of {', '.join(FAIL_ON)}")
    if fail_on == "never":
        return False
    threshold = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(finding.severity) >= threshold for finding in findings)


def parse_codes(text: str | None) -> list[str] | None:
    """Split a comma list of codes from the command line (``None`` stays ``None``).

    >>> parse_codes("typo, number-mismatch"), parse_codes(None)
    (['typo', 'number-mismatch'], None)
    """
    if text is None:
        return None
    return [code.strip() for code in text.split(",") if code.strip()]
