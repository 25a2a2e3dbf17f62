"""The check stage as users call it: an alignment or an aligned file in, findings out.

The checks themselves live in :mod:`corpus_align.checks`; this module turns
an :class:`~corpus_align.model.Alignment` or an aligned file (TSV, JSONL or
XLSX, see :mod:`corpus_align.io.aligned_read`) into check rows, runs the
checks and decides the exit status.  A file is streamed: read once for
document-wide counts (:func:`survey_records`), then checked window by window
(:func:`check_records`), so a million rows need the memory of one window.
A record that cannot be read is a ``malformed-row`` finding
(:func:`malformed_row_finding`).
"""

from __future__ import annotations

import bisect
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ._runtime import die_with_parent
from .errors import InputError, UsageError
from .io.aligned_read import open_aligned_file
from .io.records import RowText, row_text
from .io.tsv_read import MalformedRow, TsvRow
from .model import SEVERITIES, Alignment, CheckRow, Damage, Document, Finding, GlossaryEntry
from .text.patterns import CJK

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from .baseline import BaselineReview, BaselineSource

FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True)
class CheckReport:
    """Findings of one checked file, with the rows they refer to and the rows that could not be read.

    ``checked`` pairs each row as read with its own findings (row numbers
    may repeat in a file; a finding belongs to the record it came from).
    """

    name: str
    rows: tuple[CheckRow, ...]
    findings: tuple[Finding, ...]
    malformed: tuple[MalformedRow, ...] = ()
    checked: tuple[CheckedRow, ...] = ()

    def counts(self) -> Counter:
        """Findings per code.

        >>> CheckReport("a", (), (Finding("typo", "warning", 1, "m"),)).counts()["typo"]
        1
        """
        return Counter(finding.code for finding in self.findings)


def _damage_in(document: Document, ids: Sequence[int], row: RowText, by_start: _DamageIndex) -> tuple[Damage, ...]:
    """The document's damage inside sentences ``ids``, in the document's order, with offsets into ``row`` (their
    :func:`~.io.records.row_text`)."""
    found = []
    for index in ids:
        sentence = document.sentences[index]
        for k in by_start.within(sentence.start, sentence.end):
            damage = document.damage[k]
            found.append(Damage(damage.kind, row.position(damage.start), row.position(damage.end), damage.text, damage.repair))
    return tuple(found)


class _DamageIndex:
    """A document's damage by start offset: each sentence finds its own by bisection, not by reading all of it."""

    def __init__(self, document: Document):
        self.order = sorted(range(len(document.damage)), key=lambda k: document.damage[k].start)
        self.starts = [document.damage[k].start for k in self.order]

    def within(self, start: int, end: int) -> list[int]:
        """Indices into ``document.damage`` of the damage starting in ``[start, end)``, in the document's order."""
        return sorted(self.order[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)])


def _row_and_damage(document: Document, ids: Sequence[int], by_start: _DamageIndex) -> tuple[str, tuple[Damage, ...]]:
    row = row_text(document, ids)
    return row.text, _damage_in(document, ids, row, by_start)


def rows_from_alignment(alignment: Alignment) -> list[CheckRow]:
    """One check row per bead, numbered like the TSV rows.

    >>> from corpus_align import align
    >>> rows_from_alignment(align("關於重慶。", "About Chongqing."))[0].zh_normalized
    '关于重庆。'
    """
    unsure = {row: region.describe() for region in alignment.unsure for row in range(region.first_row, region.last_row + 1)}
    zh_index, en_index = _DamageIndex(alignment.zh), _DamageIndex(alignment.en)
    rows = []
    for row, bead in alignment.rows():
        zh, zh_damage = _row_and_damage(alignment.zh, bead.zh, zh_index)
        en, en_damage = _row_and_damage(alignment.en, bead.en, en_index)
        rows.append(
            CheckRow(
                row=row,
                zh=zh,
                zh_normalized="".join(alignment.zh.sentences[i].normalized for i in bead.zh),
                en=en,
                type=bead.type,
                score=bead.score,
                zh_damage=zh_damage,
                en_damage=en_damage,
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
    min_confidence: float | None = None,
    baseline: BaselineSource | BaselineReview | None = None,
) -> list[Finding]:
    """Run the QA checks over an alignment; findings refer to its 1-based rows.

    ``min_confidence`` keeps the findings at least that sure (and those of codes without a confidence).
    ``baseline`` (a baseline file, its entries from :func:`~corpus_align.baseline.load_baseline`, or a
    :class:`~corpus_align.baseline.BaselineReview`) marks the findings it lists as accepted, each with
    its fingerprint: still reported, never counted by :func:`should_fail`.

    >>> from corpus_align import align
    >>> [f.code for f in check_alignment(align("他二十一岁。", "He is twenty-two."))]
    ['number-mismatch']
    """
    from .checks import check_rows

    rows = rows_from_alignment(alignment)
    findings = check_rows(rows, glossary=glossary, select=select, ignore=ignore, min_confidence=min_confidence)
    review = review_of(baseline)
    if review is None:
        return findings
    by_row = {row.row: row for row in rows}
    marked: list[Finding] = []
    for finding in findings:
        row = by_row.get(finding.row)
        marked.extend(review.row([finding], row.zh if row else "", row.en if row else ""))
    return marked


def review_of(baseline: BaselineSource | BaselineReview | None) -> BaselineReview | None:
    """The :class:`~corpus_align.baseline.BaselineReview` of a baseline file or its entries (None for no baseline).

    >>> review_of(None) is None, review_of({}).reasons
    (True, {})
    """
    from .baseline import BaselineReview, accepted_reasons

    if baseline is None or isinstance(baseline, BaselineReview):
        return baseline
    return BaselineReview(accepted_reasons(baseline))


# A file is checked in windows of this many distinct rows: the document-relative checks (omission,
# entity-missing, inconsistent-spelling, low-confidence) measure the document on the window, and memory
# stays that of one window per process (some 30 kB of evidence per row over a base of some 470 MB).
WINDOW_ROWS = 10_000
# A file of several windows is cut into a multiple of this many, of equal size: the worker processes of a
# two-core machine then finish together (50,000 distinct rows: 6 windows of 8,334 rather than 5 of 10,000,
# the fifth checked while the other process waits).
WINDOW_MULTIPLE = 2
# Repeated rows are answered from memory up to this many distinct rows (some 150 bytes each).
REPEAT_MEMORY_ROWS = 2_000_000
# The Chinese sample that decides the OpenCC conversion, as corpus_align.normalize.traditional_share reads it.
SCRIPT_SAMPLE_CJK = 20_000
# Rows the parent process checks to load the checks' dictionaries before it forks the workers, which then share them.
WARM_UP_ROWS = 20
_CJK = CJK


class CheckedRow(NamedTuple):
    """One row of a checked file as it was read (its own number, line and text) with its findings."""

    row: TsvRow
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FileSurvey:
    """What a first reading of a file gathers for the checks: row counts, document-wide word counts, the script sample."""

    rows: int
    malformed: int
    en_word_rows: Counter
    zh_sample: str
    distinct_en: int  # distinct English texts: the distinct rows, near enough to size the windows


def survey_records(records: Iterable[TsvRow | MalformedRow]) -> FileSurvey:
    """Count the rows and malformed records, the rows that use each English word, and sample the Chinese.

    >>> survey = survey_records([TsvRow(1, 1, "你好。", "Hello you."), TsvRow(2, 2, "好。", "Hello.")])
    >>> survey.rows, survey.en_word_rows["hello"], survey.zh_sample
    (2, 2, '你好。\\n好。')
    """
    from .checks.context import english_word_keys

    # Translation memories repeat segments: each distinct English text is split into words once.
    texts: Counter = Counter()
    rows = malformed = cjk = 0
    sample: list[str] = []
    for record in records:
        if isinstance(record, MalformedRow):
            malformed += 1
            continue
        rows += 1
        texts[record.en] += 1
        if cjk < SCRIPT_SAMPLE_CJK:
            sample.append(record.zh)
            cjk += len(_CJK.findall(record.zh))
    counts: Counter = Counter()
    for text, uses in texts.items():
        if uses == 1:
            counts.update(english_word_keys(text))
        else:
            for word in english_word_keys(text):
                counts[word] += uses
    return FileSurvey(rows, malformed, counts, "\n".join(sample), len(texts))


def balanced_window_rows(distinct_rows: int, window_rows: int = WINDOW_ROWS, multiple: int = WINDOW_MULTIPLE) -> int:
    """The window size that cuts ``distinct_rows`` into an even share of windows of at most ``window_rows``.

    A file of more than one window gets a multiple of ``multiple`` windows, so that the two processes
    of a two-core machine each check the same number; otherwise the last window runs alone.  The size
    does not depend on the processes actually used, so neither do the findings.

    >>> balanced_window_rows(50_000, 10_000), balanced_window_rows(8_000, 10_000), balanced_window_rows(20_000, 10_000)
    (8334, 10000, 10000)
    """
    windows = -(-distinct_rows // window_rows)
    if windows <= 1:
        return window_rows
    windows = -(-windows // multiple) * multiple
    return -(-distinct_rows // windows)


_HASH_BITS = 64
_HASH_MASK = (1 << _HASH_BITS) - 1


def _repeat_key(row: TsvRow) -> int:
    """A 128-bit key of everything the checks see of a row (not its number): equal rows get equal findings.

    Two rows share a key only if their Chinese and their English hash alike
    (two independent 64-bit hashes), which a million rows will not do.

    >>> _repeat_key(TsvRow(1, 2, "你好", "Hi")) == _repeat_key(TsvRow(9, 9, "你好", "Hi")) != _repeat_key(TsvRow(1, 2, "你好", "Hi."))
    True
    """
    return (hash(row.zh) & _HASH_MASK) << _HASH_BITS | (hash(row.en) ^ hash((row.type, row.score))) & _HASH_MASK


@dataclass
class _Window:
    """Consecutive records of a file and the distinct rows among them that are checked here.

    ``entries`` are malformed records, or ``(row, key, position)``: the
    position (from 1) of the row's text in ``to_check``, or 0 when an
    earlier window checked that text.  ``registered`` are the keys first
    checked here that later windows may refer to.  ``more_to_come`` is
    false for the last window of the file.
    """

    entries: list = field(default_factory=list)
    to_check: list[TsvRow] = field(default_factory=list)
    registered: list[tuple[int, int]] = field(default_factory=list)
    more_to_come: bool = False


def _windows(records: Iterable[TsvRow | MalformedRow], window_rows: int) -> Iterator[_Window]:
    """Cut the records into windows of at most ``window_rows`` distinct rows to check (see :func:`check_records`)."""
    checked_before: set[int] = set()
    window = _Window()
    here: dict[int, int] = {}
    for record in records:
        if isinstance(record, MalformedRow):
            window.entries.append(record)
        else:
            key = _repeat_key(record)
            position = here.get(key, 0)
            if not position and key not in checked_before:
                # Numbered by position in the window, so findings find their record even when row numbers repeat.
                position = len(window.to_check) + 1
                window.to_check.append(record._replace(row=position))
                here[key] = position
                if len(checked_before) < REPEAT_MEMORY_ROWS:
                    checked_before.add(key)
                    window.registered.append((key, position))
            window.entries.append((record, key, position))
        # A window also ends after twice as many records of the file (repeated rows included), so that
        # findings keep coming out of a file whose rest repeats rows already checked.
        if len(window.to_check) >= window_rows or len(window.entries) >= 2 * window_rows:
            window.more_to_come = True
            yield window
            window, here = _Window(), {}
    if window.entries:
        yield window


def _findings_of_window(
    window: _Window, findings: list[Finding], answered: dict[int, tuple[Finding, ...]], *, all_rows: bool = True
) -> Iterator[CheckedRow | MalformedRow]:
    """The window's records in file order, each row with its own findings (only those with findings unless ``all_rows``);
    remembers the rows later windows repeat."""
    at: dict[int, list[Finding]] = {}
    for finding in findings:
        at.setdefault(finding.row, []).append(finding)
    found_at = {position: tuple(found) for position, found in at.items()}
    for key, position in window.registered:
        answered[key] = found_at.get(position, ())
    for entry in window.entries:
        if isinstance(entry, MalformedRow):
            yield entry
            continue
        row, key, position = entry
        found = found_at.get(position, ()) if position else answered[key]
        if found:
            yield CheckedRow(row, tuple(replace(f, row=row.row) for f in found))
        elif all_rows:
            yield CheckedRow(row, ())


def default_workers() -> int:
    """Processes that check the windows of a big file: two where the machine gives this process two cores and can fork.

    >>> default_workers() in (1, 2)
    True
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform != "linux":
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(2, cores)


_WORKER_SETTINGS: tuple = ()


def _start_worker(settings: tuple) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    die_with_parent(signal.SIGTERM)


def _check_window(rows: list[TsvRow], settings: tuple) -> list[Finding]:
    """The findings of a window's rows (numbered by position), the Chinese normalized here: in the worker when there is one."""
    from .checks import check_row, check_rows

    glossary, codes, en_word_rows, opencc_config, min_confidence = settings
    checked = [check_row(r.row, r.zh, r.en, opencc_config, type=r.type, score=r.score) for r in rows]
    if not checked:
        return []
    return check_rows(checked, glossary=glossary, select=codes, en_word_rows=en_word_rows, min_confidence=min_confidence)


def _check_window_in_worker(rows: list[TsvRow]) -> list[Finding]:
    return _check_window(rows, _WORKER_SETTINGS)


class _Checked:
    """The findings of a window checked in this process, with the interface of a worker's result."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings

    def ready(self) -> bool:
        return True

    def get(self) -> list[Finding]:
        return self.findings


class _WindowChecker:
    """Checks windows in this process, or in forked worker processes once a file turns out to need two windows or more.

    The parent checks a few rows first so that the dictionaries are loaded
    before the fork and shared by the workers (``gc.freeze`` keeps the
    collector from copying their pages).
    """

    def __init__(self, settings: tuple, workers: int):
        self.settings = settings  # glossary, codes, en_word_rows, opencc_config: see _check_window
        self.workers = workers
        self.pool: Pool | None = None

    @property
    def in_flight(self) -> int:
        """How many windows may be checked at once before the oldest must be collected."""
        return self.workers if self.pool is not None else 0

    def submit(self, window: _Window):
        """Start checking a window; the result has ``ready()`` and ``get()`` (the findings)."""
        if self.pool is None and (self.workers <= 1 or not window.more_to_come):
            return _Checked(_check_window(window.to_check, self.settings))
        if self.pool is None:
            self.pool = self._start_pool(window.to_check[:WARM_UP_ROWS])
        return self.pool.apply_async(_check_window_in_worker, (window.to_check,))

    def _start_pool(self, warm_up: list[TsvRow]) -> Pool:
        import gc
        import multiprocessing

        _check_window(warm_up, self.settings)
        gc.freeze()
        return multiprocessing.get_context("fork").Pool(self.workers, _start_worker, (self.settings,))

    def close(self, *, abandon: bool = False) -> None:
        """Let the workers finish and end, or end them at once when the results are ``abandon``-ed."""
        if self.pool is not None:
            import gc

            if abandon:
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()
            self.pool = None
            gc.unfreeze()


def check_records(
    records: Iterable[TsvRow | MalformedRow],
    survey: FileSurvey,
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    opencc: str = "auto",
    window_rows: int | None = None,
    workers: int = 1,
    all_rows: bool = True,
    min_confidence: float | None = None,
) -> Generator[CheckedRow | MalformedRow, None, None]:
    """Check the rows of a file window by window; yield every row with its findings, and every malformed record, in file order.

    What the checks see:

    * each distinct row once: a row equal to one already checked (same zh,
      en, type and score, wherever it is in the file) gets that row's
      findings, as a repetition does in a translation memory;
    * a window of up to ``window_rows`` distinct rows (by default :data:`WINDOW_ROWS`, evened out by
      :func:`balanced_window_rows`) as the document for the
      document-relative checks (``omission``, ``addition``,
      ``entity-missing``, ``inconsistent-spelling``, ``low-confidence``); a
      file with fewer distinct rows is one document;
    * the whole file's word counts for ``typo`` (from ``survey``).

    With ``workers`` above 1, a file of two windows or more is checked by
    that many forked processes, a window each, while this one reads on;
    results are the same as with one.  Findings carry the row number of the
    record they came from, so rows that share a number keep their own
    findings.  Malformed records are passed on, never checked.  Rows
    without findings are left out unless ``all_rows``.  ``min_confidence``
    keeps the findings at least that sure (see :func:`~corpus_align.checks.check_rows`).

    >>> rows = [TsvRow(7, 2, "他二十一岁。", "He is twenty-two."), TsvRow(7, 3, "我很好。", "I am fine.")]
    >>> [(c.row.line, [f.code for f in c.findings]) for c in check_records(rows, survey_records(rows))]
    [(2, ['number-mismatch']), (3, [])]
    """
    from .checks import resolve_codes
    from .normalize import resolve_opencc

    settings = (tuple(glossary), resolve_codes(select, ignore), survey.en_word_rows, resolve_opencc(opencc, survey.zh_sample),
                min_confidence)
    checker = _WindowChecker(settings, workers)
    if window_rows is None:
        window_rows = balanced_window_rows(survey.distinct_en)
    answered: dict[int, tuple[Finding, ...]] = {}
    pending: deque = deque()  # (window, its result being computed), oldest first
    try:
        for window in _windows(records, window_rows):
            pending.append((window, checker.submit(window)))
            while pending and (len(pending) > checker.in_flight or pending[0][1].ready()):
                done, result = pending.popleft()
                yield from _findings_of_window(done, result.get(), answered, all_rows=all_rows)
        while pending:
            done, result = pending.popleft()
            yield from _findings_of_window(done, result.get(), answered, all_rows=all_rows)
    except BaseException:
        checker.close(abandon=True)  # interrupted, failed or no longer read: the workers are ended now
        raise
    checker.close()


def malformed_row_finding(bad: MalformedRow) -> Finding:
    """The ``malformed-row`` finding of a record that could not be read (an error: the row went unchecked).

    >>> malformed_row_finding(MalformedRow(4, 5, "expected 2 tab-separated columns, found 3")).message
    'line 5: expected 2 tab-separated columns, found 3; row not checked'
    """
    from .checks import CHECKS
    from .checks.reading import MALFORMED_ROW

    return Finding(MALFORMED_ROW, CHECKS[MALFORMED_ROW].severity, bad.row, f"{bad.lines}: {bad.problem}; row not checked")


@dataclass(frozen=True)
class FileCheck:
    """A file being checked: its name, what the first reading found, the checked rows as they come, the codes run."""

    name: str
    survey: FileSurvey
    items: Iterator[CheckedRow | MalformedRow]
    codes: tuple[str, ...] = ()
    review: BaselineReview | None = None

    def findings_of(self, bad: MalformedRow) -> tuple[Finding, ...]:
        """The findings of a record that could not be read: its ``malformed-row`` finding, unless that code is not run.

        >>> FileCheck("a.tsv", survey_records([]), iter(()), ("malformed-row",)).findings_of(MalformedRow(2, 3, "x"))[0].code
        'malformed-row'
        """
        from .checks.reading import MALFORMED_ROW

        return (malformed_row_finding(bad),) if MALFORMED_ROW in self.codes else ()


@contextmanager
def open_file_check(
    path: str | Path,
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    encoding: str | None = None,
    opencc: str = "auto",
    window_rows: int | None = None,
    workers: int = 1,
    all_rows: bool = True,
    min_confidence: float | None = None,
    baseline: BaselineSource | BaselineReview | None = None,
) -> Iterator[FileCheck]:
    """Open an aligned file (TSV, JSONL or XLSX as ``align`` writes them, or ``zh<TAB>en[<TAB>note]``; ``-`` for
    standard input) and check it as it is read.

    The format is told by the file's first bytes and name (see
    :func:`~corpus_align.io.aligned_read.input_format`).  The file is read twice: once for :func:`survey_records`, once for
    :func:`check_records`, whose rows and malformed records ``items`` yields
    in file order; memory stays that of one window per process (``workers``:
    see :func:`check_records`).  :meth:`FileCheck.findings_of` gives the
    ``malformed-row`` finding of a malformed record.  Unknown check codes and a
    file without any readable row raise before anything is checked.
    ``baseline`` marks the findings it accepts (see :func:`check_alignment`);
    it is :attr:`FileCheck.review`, whose ``found`` gathers the entries of every
    finding seen when it was made with ``gather=True`` (``--update-baseline``).

    >>> with open_file_check("aligned.tsv") as run:  # doctest: +SKIP
    ...     for item in run.items:
    ...         print(item)
    """
    from .checks import resolve_codes
    from .checks.calibration import valid_min_confidence

    codes = resolve_codes(select, ignore)
    valid_min_confidence(min_confidence)
    review = review_of(baseline)  # a malformed baseline stops the run before the file is read
    with open_aligned_file(path, encoding) as aligned:
        survey = survey_records(aligned.records())
        if not survey.rows and survey.malformed:
            raise InputError(
                aligned.name,
                f"has no {aligned.rows_description}; check reads aligned files "
                "(align it first: corpus-align align FILE -o FILE.tsv)",
            )
        items = check_records(aligned.records(), survey, glossary=glossary, select=codes, opencc=opencc,
                              window_rows=window_rows, workers=workers, all_rows=all_rows, min_confidence=min_confidence)
        try:
            yield FileCheck(aligned.name, survey, items if review is None else _reviewed(items, review), tuple(codes),
                            review)
        finally:
            items.close()  # ends the workers now if the caller stopped half way (a closed pipe, an error)


def _reviewed(items: Iterable[CheckedRow | MalformedRow], review: BaselineReview) -> Iterator[CheckedRow | MalformedRow]:
    """The checked rows with the findings ``review``'s baseline accepts marked as accepted."""
    for item in items:
        if isinstance(item, CheckedRow) and item.findings:
            yield CheckedRow(item.row, review.row(item.findings, item.row.zh, item.row.en))
        else:
            yield item


def check_file(
    path: str | Path,
    *,
    glossary: Sequence[GlossaryEntry] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    encoding: str | None = None,
    opencc: str = "auto",
    min_confidence: float | None = None,
    baseline: BaselineSource | BaselineReview | None = None,
) -> CheckReport:
    """Check an aligned file: TSV, JSONL or XLSX as ``align`` writes them, or a plain ``zh<TAB>en[<TAB>note]`` TSV.

    Rows that cannot be read are reported in ``malformed`` with their line
    numbers, and each is a ``malformed-row`` finding among ``findings`` (in
    file order); the other rows are still checked.  The whole report is kept in
    memory: for big files, :func:`open_file_check` streams it.  ``baseline``
    marks the findings it accepts (see :func:`check_alignment`).

    >>> report = check_file("aligned.tsv")  # doctest: +SKIP
    >>> report.counts().most_common(3)  # doctest: +SKIP
    [('typo', 4), ('number-mismatch', 1)]
    """
    from .checks import check_row
    from .normalize import resolve_opencc

    checked: list[CheckedRow] = []
    malformed: list[MalformedRow] = []
    findings: list[Finding] = []
    with open_file_check(path, glossary=glossary, select=select, ignore=ignore, encoding=encoding, opencc=opencc,
                         min_confidence=min_confidence, baseline=baseline) as run:
        for item in run.items:
            if isinstance(item, MalformedRow):
                malformed.append(item)
                findings.extend(run.findings_of(item))
            else:
                checked.append(item)
                findings.extend(item.findings)
        config = resolve_opencc(opencc, run.survey.zh_sample)
    rows = tuple(check_row(c.row.row, c.row.zh, c.row.en, config, type=c.row.type, score=c.row.score) for c in checked)
    return CheckReport(run.name, rows, tuple(findings), tuple(malformed), tuple(checked))


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
    """True when a finding is at or above ``fail_on`` (``error``, ``warning`` or ``never``); accepted findings never count.

    >>> should_fail([Finding("typo", "warning", 1, "m")], "warning"), should_fail([Finding("typo", "warning", 1, "m")], "error")
    (True, False)
    >>> should_fail([Finding("typo", "warning", 1, "m", accepted=True)], "warning")
    False
    """
    if fail_on not in FAIL_ON:
        raise UsageError(f"unknown --fail-on {fail_on!r}; choose one of {', '.join(FAIL_ON)}")
    if fail_on == "never":
        return False
    threshold = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(finding.severity) >= threshold for finding in findings if not finding.accepted)


def parse_codes(text: str | None) -> list[str] | None:
    """Split a comma list of codes from the command line (``None`` stays ``None``).

    >>> parse_codes("typo, number-mismatch"), parse_codes(None)
    (['typo', 'number-mismatch'], None)
    """
    if text is None:
        return None
    return [code.strip() for code in text.split(",") if code.strip()]
