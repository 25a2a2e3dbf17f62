"""The small typed data model shared by every pipeline stage.

All records are frozen dataclasses: stages return new objects instead of
mutating old ones, so a ``Document`` can be handed to several stages (or
processes) without surprises.

Offsets are character offsets into ``SourceText.text``: the decoded file with
its line ends normalized to ``\\n``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Literal

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
    ``replacement-character`` or ``mojibake``. ``start``/``end`` locate
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


def sentence_record(sentence: Sentence) -> dict:
    """A JSON-ready dict for one sentence, as ``segment --format jsonl`` prints it.

    >>> sentence_record(Sentence(0, 0, 0, 2, "Hi", "Hi", "en"))["original"]
    'Hi'
    """
    return asdict(sentence)


__all__ = [
    "Damage",
    "Document",
    "Lang",
    "Paragraph",
    "Script",
    "Sentence",
    "SourceText",
    "sentence_record",
]
