"""omission and addition: material of one side with no counterpart on the other.

Evidence per row (:func:`coverage_evidence`):

* the length ratio — English letters per Chinese character — against the
  document's median ratio (translators differ in verbosity, so each document
  is its own yardstick);
* dictionary coverage of the Chinese: the share of its content words whose
  CC-CEDICT translation appears among the English stems;
* for each English sentence of the row, the share of its content words that
  translate some Chinese word of the row (an appended unrelated sentence has
  almost none).

Decisions: a 1-0 bead is an omission and a 0-1 bead an addition (a whole
sentence).  Inside a bead, ``omission`` needs the English to be far shorter
than the document's norm *and* to leave most of the Chinese uncovered;
``addition`` needs an English sentence of several content words that shares
nothing with the Chinese while the rest of the row does, *and* the English
to be longer than the norm.  Both thresholds are set for few false alarms on
free literary translation.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..aligner.lexicon import EN_STOPWORDS, english_stem, translations
from .context import CheckContext, RowView
from .registry import register

_EN_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+['\"”’)]*|$)")
_LETTER = re.compile(r"[A-Za-z]")
DEFAULT_RATIO = 2.6  # English letters per Chinese character when a document is too short to measure


@dataclass(frozen=True)
class Coverage:
    """Evidence for omission/addition in one row."""

    zh_chars: int
    en_letters: int
    zh_content: int  # Chinese words with a dictionary translation
    zh_covered: int  # ... whose translation is in the English
    sentences: tuple[tuple[str, int, int], ...]  # (English sentence, content words, supported words)

    @property
    def ratio(self) -> float:
        return self.en_letters / max(self.zh_chars, 1)

    @property
    def zh_share(self) -> float:
        return self.zh_covered / self.zh_content if self.zh_content else 1.0


def _zh_translation_stems(view: RowView) -> set[str]:
    stems: set[str] = set()
    for word in view.zh_words:
        stems |= translations(word)
        if len(word) > 1 and not translations(word):
            for ch in word:
                stems |= translations(ch)
    return stems


def coverage_evidence(view: RowView) -> Coverage:
    """Measure one row (see the module docstring).

    >>> from corpus_align.model import CheckRow
    >>> ev = coverage_evidence(RowView(CheckRow(1, "", "他去了北京。", "He went to Beijing.")))
    >>> ev.zh_content, ev.zh_covered
    (2, 2)
    """
    stems = view.en_stems
    content = covered = 0
    for word, tag in view.zh_tags:
        found = translations(word)
        if not found or tag in ("x", "uj", "ul", "r", "p", "c", "u", "y", "e", "m", "q"):
            continue
        content += 1
        if found & stems:
            covered += 1
    zh_stems = _zh_translation_stems(view)
    sentences = []
    for match in _EN_SENTENCE.finditer(view.row.en):
        sentence = match.group().strip()
        if not sentence:
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", sentence)]
        words = [w for w in words if w not in EN_STOPWORDS and len(w) > 1]
        supported = sum(1 for w in words if english_stem(w) in zh_stems)
        sentences.append((sentence, len(words), supported))
    return Coverage(view.zh_cjk, len(_LETTER.findall(view.row.en)), content, covered, tuple(sentences))


class _Norms:
    """The document's median length ratio and coverage over its 1-1-looking rows."""

    def __init__(self, ctx: CheckContext):
        self.ctx = ctx

    @cached_property
    def evidence(self) -> dict[int, Coverage]:
        return {
            i: coverage_evidence(view)
            for i, view in enumerate(self.ctx.rows)
            if view.row.zh_normalized.strip() and view.row.en.strip() and view.row.type in ("", "1-1", "2-1", "1-2", "2-2")
        }

    @cached_property
    def ratio(self) -> float:
        ratios = [ev.ratio for ev in self.evidence.values() if ev.zh_chars >= 8]
        return statistics.median(ratios) if len(ratios) >= 10 else DEFAULT_RATIO

    @cached_property
    def share(self) -> float:
        shares = [ev.zh_share for ev in self.evidence.values() if ev.zh_content >= 4]
        return statistics.median(shares) if len(shares) >= 10 else 0.5


def _norms(ctx: CheckContext) -> _Norms:
    norms = ctx.__dict__.get("_omission_norms")
    if norms is None:
        norms = ctx.__dict__["_omission_norms"] = _Norms(ctx)
    return norms


# Decision thresholds (see docs/checks.md for how they were chosen).
OMISSION_MIN_CHARS = 12  # Chinese characters needed before a partial omission can be judged
OMISSION_LENGTH_WEIGHT = 0.8  # weight of the length evidence against dictionary coverage in the score
OMISSION_THRESHOLD = -0.6  # omission score below which a row is reported (about 0.47 of the usual length)
ADDITION_MIN_WORDS = 4  # content words an English sentence needs to be judged on its own
ADDITION_SUPPORT_WEIGHT = 2.0  # how much the sentence's own support counts against the length excess
ADDITION_THRESHOLD = 0.3  # addition score above which the weakest sentence is reported


def omission_score(ev: Coverage, norms: _Norms) -> float:
    """One calibrated score from the length ratio and the two-way dictionary coverage (lower: more omitted).

    ``0.8·log(length / usual length) + 0.2·log(coverage / usual coverage)``, the
    coverage smoothed as ``(covered + 1) / (content + 2)`` so that a short row
    with no dictionary word neither fires nor hides an omission.  Both
    evidences are relative to the document, so a terse translator is his own
    yardstick.
    """
    length = ev.ratio / norms.ratio
    share = (ev.zh_covered + 1) / (ev.zh_content + 2) / max(norms.share, 0.05)
    return OMISSION_LENGTH_WEIGHT * math.log(max(length, 1e-3)) + (1 - OMISSION_LENGTH_WEIGHT) * math.log(max(share, 0.1))


def addition_score(ev: Coverage, norms: _Norms) -> tuple[float, int]:
    """The score of the row's least supported English sentence and its position (-1 when none qualifies).

    ``log(length / usual length) − 2·support``, where support is the share of
    the sentence's content words that translate a Chinese word of the row:
    an appended unrelated sentence has almost none and lengthens the row.
    """
    best, position = -math.inf, -1
    if len(ev.sentences) < 2:
        return best, position
    length = math.log(max(ev.ratio / norms.ratio, 1e-3))
    for i, (_sentence, words, supported) in enumerate(ev.sentences):
        if words < ADDITION_MIN_WORDS:
            continue
        if sum(s[2] for j, s in enumerate(ev.sentences) if j != i) < 1:
            continue  # the whole row is unsupported: low coverage, not an addition
        score = length - ADDITION_SUPPORT_WEIGHT * supported / words
        if score > best:
            best, position = score, i
    return best, position


@register(
    "omission",
    severity="error",
    family="omission",
    what="Chinese left untranslated: a Chinese sentence aligned to nothing (a 1-0 bead), or a bead whose "
    "omission score (length ratio and dictionary coverage, both relative to the document, in one number) "
    "is very low.",
    why="Omitted clauses are the most frequent serious translation error and are invisible to a reader of "
    "the English alone.",
    example=("她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的。",
             "She admitted that she'd been wrong to slap me."),
    silence="`--ignore omission`. For a deliberate cut, leave the row out of the reviewed set.",
    false_positives="Concise renderings of wordy Chinese (four-character idioms, repeated official titles "
    "that the translator shortens); Chinese sentences aligned as 1-0 because the translator merged them "
    "into a neighbour's bead.",
)
def check_omission(ctx: CheckContext) -> Iterator:
    norms = _norms(ctx)
    for index, view in enumerate(ctx.rows):
        row = view.row
        if row.zh_normalized.strip() and not row.en.strip():
            if row.type == "1-0" or row.type == "" or row.type.endswith("-0"):
                yield ctx.finding("omission", view, "this Chinese sentence has no English translation", zh_text=row.zh)
            continue
        ev = norms.evidence.get(index)
        if ev is None or ev.zh_chars < OMISSION_MIN_CHARS:
            continue
        score = omission_score(ev, norms)
        if score < OMISSION_THRESHOLD and ev.zh_content >= 4:
            length = ev.ratio / norms.ratio
            yield ctx.finding(
                "omission", view,
                f"the English is {length:.0%} of the usual length for this much Chinese and renders only "
                f"{ev.zh_covered} of {ev.zh_content} Chinese content words (score {score:.2f})",
                zh_text=row.zh, en_text=row.en,
            )


@register(
    "addition",
    severity="warning",
    family="omission",
    what="English with no counterpart in the Chinese: an English sentence aligned to nothing (a 0-1 bead), "
    "or an English sentence inside a bead whose own words barely translate the Chinese while the row "
    "is longer than the document's norm (one addition score).",
    why="Added material is either a translator's gloss that should be marked, or text pasted from elsewhere.",
    example=("我没走掉。", "I did not leave. The weather was cold and the market closed early that year."),
    silence="`--ignore addition`. Titles and translator's notes that have no Chinese counterpart are expected "
    "additions; review and ignore them.",
    false_positives="Explanatory additions that literary translators make on purpose (a gloss of a custom); "
    "a sentence of dialogue tags ('she said') split off by the segmenter.",
)
def check_addition(ctx: CheckContext) -> Iterator:
    norms = _norms(ctx)
    for index, view in enumerate(ctx.rows):
        row = view.row
        if row.en.strip() and not row.zh_normalized.strip():
            yield ctx.finding("addition", view, "this English sentence has no Chinese counterpart", en_text=row.en)
            continue
        ev = norms.evidence.get(index)
        if ev is None:
            continue
        score, position = addition_score(ev, norms)
        if score > ADDITION_THRESHOLD:
            sentence = ev.sentences[position][0]
            yield ctx.finding(
                "addition", view,
                f"the English sentence {sentence[:60]!r} has no counterpart in the Chinese (score {score:.2f})",
                en_text=sentence,
            )
