"""The small typed data model shared by every pipeline stage.

All records are frozen dataclasses: stages return new objects instead of
mutating old ones, so a ``Document`` can be handed to several stages (or
processes) without surprises.

Offsets are character offsets into ``SourceText.text``: the decoded file with
its line ends normalized to ``\\n``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from .text.wording import counted

Lang = Literal["zh", "en"]
Script = Literal["traditional", "simplified"]


@dataclass(frozen=True)
class SourceText:
    """A decoded input file.

    >>> SourceText(name="a.txt", text="你好。\\n", encoding="utf-8").text
    '你好。\\n'
    """

    name: str
    text: str
    encoding: str


@dataclass(frozen=True)
class Damage:
    """A trace of damage found while normalizing, kept for the QA stage.

    ``kind`` is one of ``pinyin-annotation``, ``glued-question-mark``,
    ``replacement-character``, ``mojibake`` or ``html-entity``. ``start``/``end`` locate
    ``text`` in the source; ``repair`` is what the text should probably have
    been (empty when it should simply go).

    >>> Damage("pinyin-annotation", 1, 7, "(guān)", "").kind
    'pinyin-annotation'
    """

    kind: str
    start: int
    end: int
    text: str
    repair: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of one language: a span of the source text.

    >>> Paragraph(index=0, start=0, end=3, lang="zh").end
    3
    """

    index: int
    start: int
    end: int
    lang: Lang


@dataclass(frozen=True)
class Sentence:
    """One sentence: the author's text, its normalized form and where it came from.

    ``original`` is exactly ``source.text[start:end]``; ``normalized`` is what
    analysis uses (Simplified Chinese, pinyin annotations removed, full-width
    digits and letters folded; collapsed white space for English).

    >>> s = Sentence(index=0, paragraph=0, start=0, end=3, original="關於。", normalized="关于。", lang="zh")
    >>> s.normalized
    '关于。'
    """

    index: int
    paragraph: int
    start: int
    end: int
    original: str
    normalized: str
    lang: Lang


@dataclass(frozen=True)
class Document:
    """The text of one language with its paragraphs and, once segmented, its sentences.

    A bilingual file yields two documents that share one ``source``; each keeps
    only its own language's paragraphs, so offsets always point into the file
    the user gave.

    >>> src = SourceText("a.txt", "你好。", "utf-8")
    >>> Document(source=src, lang="zh", paragraphs=(Paragraph(0, 0, 3, "zh"),)).paragraph_texts()
    ['你好。']
    """

    source: SourceText
    lang: Lang
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...] = ()
    damage: tuple[Damage, ...] = ()
    script: Script | None = None
    opencc: str | None = None

    @property
    def name(self) -> str:
        return self.source.name

    def paragraph_texts(self) -> list[str]:
        """The original text of each paragraph, in order."""
        return [self.source.text[p.start : p.end] for p in self.paragraphs]

    def with_(self, **changes) -> Document:
        """Return a copy with ``changes`` applied (a frozen-dataclass ``replace``)."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Bead:
    """One aligned unit: consecutive Chinese and English sentence ids (0-based), either side may be empty.

    ``score`` is the probability that the bead is right (that a careful human
    aligner would make exactly this bead), calibrated on the development sets;
    ``raw_score`` is the aligner's two-way dictionary coverage behind it
    (0–1, not a probability; ``None`` when there was nothing to compare).

    >>> Bead(zh=(0,), en=(0, 1), score=0.9).type
    '1-2'
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    raw_score: float | None = None

    @property
    def type(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True)
class UnsureRegion:
    """Rows ``first_row``..``last_row`` (1-based, inclusive) where the aligner is unsure, and why.

    ``kind`` is ``one-sided`` (a passage one side does not have: a missing
    chapter, an untranslated page) or ``weak`` (the two sides share no more
    evidence than unrelated sentences do: a misaligned or unrelated stretch).

    >>> UnsureRegion(3, 9, "weak", 7, 7).describe()  # doctest: +NORMALIZE_WHITESPACE
    'rows 3–9: the alignment is unsure: the 7 Chinese sentences and 7 English sentences of these rows share no more
    words, names or numbers than unrelated sentences do'
    >>> UnsureRegion(4, 4, "one-sided", 1, 0).describe()
    'row 4: 1 Chinese sentence has no English counterpart (a passage missing from the English?)'
    """

    first_row: int
    last_row: int
    kind: str
    zh_sentences: int
    en_sentences: int

    def describe(self) -> str:
        """One line for a reviewer: where, what, and what it probably means."""
        rows = f"row {self.first_row}" if self.first_row == self.last_row else f"rows {self.first_row}–{self.last_row}"
        if self.kind == "one-sided":
            more, less = ("Chinese", "English") if self.zh_sentences >= self.en_sentences else ("English", "Chinese")
            count = max(self.zh_sentences, self.en_sentences)
            verb = "has" if count == 1 else "have"
            return f"{rows}: {counted(count, more + ' sentence')} {verb} no {less} counterpart (a passage missing from the {less}?)"
        sentences = f"{counted(self.zh_sentences, 'Chinese sentence')} and {counted(self.en_sentences, 'English sentence')}"
        where = "this row" if self.first_row == self.last_row else "these rows"
        return (
            f"{rows}: the alignment is unsure: the {sentences} of {where}"
            " share no more words, names or numbers than unrelated sentences do"
        )


@dataclass(frozen=True)
class GlossaryEntry:
    """A required rendering: Chinese ``source`` (as written and in Simplified form) and English ``target``.

    >>> GlossaryEntry("對外友協", "对外友协", "Association for Friendship with Foreign Countries").simplified
    '对外友协'
    """

    source: str
    simplified: str
    target: str
    note: str = ""


@dataclass(frozen=True)
class Alignment:
    """The result of aligning two documents: beads covering every sentence of both, in order.

    ``warnings`` are document-level problems (one side empty, evidently not a
    translation, unsure stretches); ``settings`` records what produced it, so
    a result can be reproduced; ``evidence`` is the mean lexical and anchor
    support of its 1-1 beads (0 when there is none); ``unsure`` lists the
    stretches of rows whose evidence dropped (see :class:`UnsureRegion`).

    >>> src = SourceText("a", "x", "utf-8")
    >>> empty = Document(src, "zh", ())
    >>> Alignment(zh=empty, en=empty.with_(lang="en"), beads=()).rows()
    []
    """

    zh: Document
    en: Document
    beads: tuple[Bead, ...]
    warnings: tuple[str, ...] = ()
    settings: tuple[tuple[str, object], ...] = ()
    evidence: float = 0.0
    unsure: tuple[UnsureRegion, ...] = ()

    def rows(self) -> list[tuple[int, Bead]]:
        """``(row, bead)`` pairs with 1-based row numbers, as the TSV shows them."""
        return list(enumerate(self.beads, start=1))


Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


@dataclass(frozen=True)
class Span:
    """Where a piece of a finding's evidence lies: ``side`` (``zh`` or ``en``) and offsets into that side's text
    of the row as written (:attr:`CheckRow.zh` or :attr:`CheckRow.en`); ``text`` is what lies there.

    >>> Span("zh", 1, 7, "(guān)").end
    7
    """

    side: Lang
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One QA finding: a stable ``code``, its ``severity``, the 1-based ``row`` and a plain message.

    ``zh_text``/``en_text`` are the evidence (the offending spans);
    ``suggestion`` is a likely fix when there is one.  ``confidence`` is the
    calibrated chance (0–1) that the finding is right, ``None`` for codes the
    benchmark cannot calibrate (see ``checks/calibration.py``); ``signals`` are
    the check's own measures of its evidence, from which it is computed.
    ``spans`` locate every piece of the evidence in the row when the check
    knows where they are (one finding may gather several: every damaged span
    of a row), so that a report can highlight each of them.

    ``fingerprint`` identifies the finding across edits and releases (empty
    until a baseline is applied: see :func:`corpus_align.baseline.finding_fingerprint`);
    ``accepted`` is true when a baseline lists it, with the reviewer's ``reason``:
    it is still reported, but never fails a run.

    >>> Finding("typo", "warning", 3, "'goverment' is not an English word", en_text="goverment", suggestion="government").code
    'typo'
    """

    code: str
    severity: Severity
    row: int
    message: str
    zh_text: str = ""
    en_text: str = ""
    suggestion: str = ""
    confidence: float | None = None
    signals: tuple[tuple[str, float], ...] = field(default=(), compare=False, repr=False)
    spans: tuple[Span, ...] = ()
    fingerprint: str = ""
    accepted: bool = False
    reason: str = ""


@dataclass(frozen=True)
class CheckRow:
    """One bead as the QA checks see it, whether it comes from ``align`` or from an existing TSV.

    ``zh`` is the Chinese as written, ``zh_normalized`` its Simplified,
    annotation-free form; ``type`` and ``score`` are empty/``None`` for a plain
    two-column file; ``damage`` holds the damage found in this row's text, with
    offsets relative to ``zh`` or ``en``; ``unsure`` describes the unsure
    stretch of the alignment the row lies in, if any.

    >>> CheckRow(row=1, zh="你好。", zh_normalized="你好。", en="Hello.").type
    ''
    """

    row: int
    zh: str
    zh_normalized: str
    en: str
    type: str = ""
    score: float | None = None
    zh_damage: tuple[Damage, ...] = ()
    en_damage: tuple[Damage, ...] = ()
    unsure: str = ""


def sentence_record(sentence: Sentence) -> dict:
    """A JSON-ready dict for one sentence, as ``segment --format jsonl`` prints it.

    >>> sentence_record(Sentence(0, 0, 0, 2, "Hi", "Hi", "en"))["original"]
    'Hi'
    """
    return asdict(sentence)


__all__ = [
    "CheckRow",
    "Finding",
    "SEVERITIES",
    "Severity",
    "Alignment",
    "Bead",
    "GlossaryEntry",
    "Damage",
    "Document",
    "Lang",
    "Paragraph",
    "Script",
    "Sentence",
    "SourceText",
    "Span",
    "sentence_record",
]
