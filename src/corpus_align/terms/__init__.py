"""Candidate glossary entries learned from aligned text: names with their renderings, and terms translated consistently.

The evidence is what the checks already read in a document, each concept in its one home:

* **names** — Chinese strings that an English name of the same row spells in pinyin
  (:func:`~corpus_align.checks.name_spelling.row_attested_names`: 王琦瑶 ↔ *Wang Qiyao*), shown as the
  row writes the name (:attr:`~corpus_align.checks.context.RowView.en_name_surfaces`);
* **terms** — for each Chinese content word, the English stem the document's own lexicon (IBM
  Model 1 with CC-CEDICT as prior, :func:`~corpus_align.checks.document_lexicon.learn_translations`)
  finds most likely to translate it (韦小宝 → *Trinket*, 解释器 → *interpreter*), grown into the
  English phrase around it when the word's other likely stems stand next to it (*list comprehension*).
  The words are those the omission check reads (:func:`~corpus_align.checks.omission.coverage_evidence`),
  so Simplified and Traditional input give the same candidates.

Decision: a pair is a candidate when the two meet in at least ``min_count`` rows, in most of the
Chinese's rows (:data:`TERM_SHARE`; a name spelled in pinyin, :data:`NAME_SHARE`), far more often than
the English's own share of the rows would give (:data:`TERM_LIFT`), and — a term only — when it is no
everyday word a dictionary settles (男孩 → *boy*: :data:`EVERYDAY_ZH_FREQUENCY`, :data:`EVERYDAY_EN_FREQUENCY`).
A rendering capitalised inside sentences is a ``name``, any other a ``term``.  Candidates are ranked by
the log-likelihood ratio G² of the pair's 2×2 table of rows (with and without each side): the evidence
grows with the rows the two share and falls with the rows each has without the other.

>>> rows = [("韦小宝笑了。", "Trinket laughed."), ("韦小宝哭了。", "Trinket wept."), ("他走了。", "He left."),
...         ("韦小宝走了。", "Trinket left."), ("她哭了。", "She wept."), ("他们笑了。", "They laughed."), ("我走了。", "I left.")]
>>> [(c.zh, c.en, c.rows, c.kind) for c in extract_terms(rows)]
[('韦小宝', 'Trinket', 3, 'name')]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Alignment, CheckRow, GlossaryEntry
from ..text.patterns import CJK
from .params import (
    DEFAULT_MIN_COUNT,
    EVERYDAY_EN_FREQUENCY,
    EVERYDAY_ZH_FREQUENCY,
    NAME_SHARE,
    PHRASE_MAX_WORDS,
    PHRASE_TRANSLATION_SHARE,
    TERM_LIFT,
    TERM_SHARE,
)

# jieba's tags of the words that can be terms: nouns and names (n, nr, ns, nt, nz ...), verbal nouns, abbreviations,
# Latin words, and words jieba does not know.  Verbs, adverbs and adjectives are rendered by context, not by a glossary
# (投降 → surrender, surrendered, give in), and the places (胸口 → on his chest) are phrases.
TERM_TAGS = ("n", "vn", "j", "eng", "oov")
KINDS = ("name", "term")

_JOINS_PHRASE = re.compile(r"[ \-]")  # what may stand between two words of one phrase


@dataclass(frozen=True)
class TermCandidate:
    """A candidate glossary entry: Chinese ``zh`` (Simplified) rendered ``en`` in ``rows`` rows.

    ``score`` is the evidence (G², see the module docstring); ``example_row`` is a row with both, in
    ``document`` when the rows came from several documents; ``zh_rows`` the rows with the Chinese at all,
    ``written`` the Chinese as the example row writes it (Traditional in a Traditional document).

    >>> c = TermCandidate("韦小宝", "Trinket", 12, 80.5, 34, "name", zh_rows=14)
    >>> c.note
    'name, 12 of 14 rows, e.g. row 34'
    """

    zh: str
    en: str
    rows: int
    score: float
    example_row: int
    kind: str
    zh_rows: int = 0
    written: str = ""
    document: str = ""
    documents: int = 1

    @property
    def note(self) -> str:
        """The evidence in a few words, for the glossary's note column."""
        where = f"{self.document} row {self.example_row}" if self.document else f"row {self.example_row}"
        spread = f" in {self.documents} documents" if self.documents > 1 else ""
        return f"{self.kind}, {self.rows} of {max(self.zh_rows, self.rows)} rows{spread}, e.g. {where}"

    def glossary_entry(self) -> GlossaryEntry:
        """The candidate as a glossary entry: the Chinese as written, its English, the evidence as the note.

        >>> TermCandidate("对外友协", "Friendship Association", 3, 9.0, 2, "name", written="對外友協").glossary_entry().source
        '對外友協'
        """
        return GlossaryEntry(self.written or self.zh, self.zh, self.en, self.note)


@dataclass
class _Pair:
    """A (Chinese, English) pair being counted: its rows (indices into the document's rows) and English spellings."""

    zh: str
    kind: str
    rows: list[int] = field(default_factory=list)
    surfaces: Counter = field(default_factory=Counter)
    inside: int = 0  # occurrences not at a sentence's start
    capitalised: int = 0  # ... of which capitalised


class _Document:
    """The rows of one or more documents, each read once: views, the lexicon's words, the names spelled in pinyin."""

    def __init__(self, rows: Sequence[CheckRow], labels: Sequence[str]):
        from ..checks.context import RowView

        kept = [i for i, row in enumerate(rows) if row.zh_normalized.strip() and row.en.strip()]
        self.rows = [rows[i] for i in kept]
        self.labels = [labels[i] for i in kept]
        self.views = [RowView(row) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def example(self, indices: Sequence[int]) -> tuple[int, str]:
        """The row number and document of the first of ``indices``."""
        first = min(indices)
        return self.rows[first].row, self.labels[first]

    def documents(self, indices: Iterable[int]) -> int:
        return len({self.labels[i] for i in indices})


def g2(both: int, zh_only: int, en_only: int, neither: int) -> float:
    """Dunning's log-likelihood ratio G² of a 2×2 table: how far the two sides are from meeting by chance.

    >>> round(g2(10, 0, 0, 90), 1), round(g2(1, 9, 9, 81), 1)
    (65.0, 0.0)
    """
    total = both + zh_only + en_only + neither
    cells = ((both, both + zh_only, both + en_only), (zh_only, both + zh_only, zh_only + neither),
             (en_only, en_only + neither, both + en_only), (neither, en_only + neither, zh_only + neither))
    return 2 * sum(observed * math.log(observed * total / (row * column)) for observed, row, column in cells if observed)


def _names(document: _Document, min_count: int) -> dict[str, tuple[_Pair, str]]:
    """Chinese names the rows spell in pinyin, each with its best key: Chinese → (pair, name key)."""
    from ..checks.context import at_sentence_start
    from ..checks.name_spelling import row_attested_names

    pairs: dict[tuple[str, str], _Pair] = {}
    for i, view in enumerate(document.views):
        surfaces = view.en_name_surfaces
        for zh, keys in row_attested_names(view).items():
            for key in keys:
                pair = pairs.setdefault((zh, key), _Pair(zh, "name"))
                pair.rows.append(i)
                surface = surfaces.get(key, key)
                pair.surfaces[surface] += 1
                start = view.row.en.find(surface)
                if start >= 0 and not at_sentence_start(view.row.en, start):
                    pair.inside += 1
                    pair.capitalised += 1
    best: dict[str, tuple[_Pair, str]] = {}
    for (zh, key), pair in pairs.items():
        if len(pair.rows) >= min_count and (zh not in best or len(pair.rows) > len(best[zh][0].rows)):
            best[zh] = (pair, key)
    # A part of a longer name (占鳌 of 余占鳌) is a name of its own only where it stands alone often enough.
    for zh in sorted(best, key=len):
        longer = [other for other in best if len(other) > len(zh) and zh in other]
        if not longer:
            continue
        pair = best[zh][0]
        alone = [i for i in pair.rows if zh in _without(document.rows[i].zh_normalized, longer)]
        if len(alone) < min_count:
            del best[zh]
        else:
            pair.rows = alone
    return best


def _without(text: str, names: Sequence[str]) -> str:
    """``text`` with every occurrence of ``names`` (longest first) cut out.

    >>> _without("余占鳌说占鳌", ["余占鳌"])
    '|说占鳌'
    """
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "|")
    return text


class _EnglishTokens:
    """A row's English words with their stems, as the lexicon stems them (hyphen parts, stop words left out)."""

    def __init__(self, text: str):
        from ..text.lexicon import EN_STOPWORDS, english_stem
        from ..text.patterns import EN_WORD

        self.text = text
        self.words: list[tuple[str, tuple[str, ...], int, int]] = []  # surface, stems, start, end
        for m in EN_WORD.finditer(text):
            stems = tuple(english_stem(part.lower()) for part in m.group().split("-")
                          if part and part.lower() not in EN_STOPWORDS)
            self.words.append((m.group(), stems, m.start(), m.end()))

    def phrases(self, stem: str, related: set[str]) -> Iterable[tuple[int, int]]:
        """``(first, last)`` word indices of each phrase around ``stem``: it and its neighbours whose stems are ``related``.

        >>> tokens = _EnglishTokens("Use a list comprehension here.")
        >>> [tokens.text[tokens.words[a][2] : tokens.words[b][3]] for a, b in tokens.phrases("comprehens", {"list", "comprehens"})]
        ['list comprehension']
        """
        words = self.words
        for at, (_surface, stems, _start, _end) in enumerate(words):
            if stem not in stems:
                continue
            first = last = at
            while first > 0 and last - first + 1 < PHRASE_MAX_WORDS and self._joins(first - 1, first, first - 1, related):
                first -= 1
            while last + 1 < len(words) and last - first + 1 < PHRASE_MAX_WORDS and self._joins(last, last + 1, last + 1, related):
                last += 1
            yield first, last

    def _joins(self, left: int, right: int, new: int, related: set[str]) -> bool:
        """True when words ``left`` and ``right`` stand side by side and the ``new`` one's stems are all related."""
        gap = self.text[self.words[left][3] : self.words[right][2]]
        stems = self.words[new][1]
        return bool(_JOINS_PHRASE.fullmatch(gap)) and bool(stems) and set(stems) <= related


def _terms(document: _Document, min_count: int, names: Mapping[str, object]) -> dict[str, tuple[_Pair, float]]:
    """Chinese words the document's own lexicon renders by one English word or phrase in most of their rows."""
    import numpy as np

    from .._lazy import jieba_tokenizer
    from ..checks.context import at_sentence_start
    from ..checks.document_lexicon import learn_translations, pair_count
    from ..checks.omission import coverage_evidence
    from ..checks.params import LEXICON_ROW_PAIRS
    from ..checks.resources import english_words
    from ..text.lexicon import translations

    evidence, where = [], []
    for i, view in enumerate(document.views):
        ev = coverage_evidence(view)
        if pair_count(ev) <= LEXICON_ROW_PAIRS:
            evidence.append(ev)
            where.append(i)
    learned = learn_translations(evidence)
    word_pairs = learned.pairs
    if not len(word_pairs.keys):
        return {}
    together, zh_rows, en_rows = learned.row_counts()
    n_rows = len(evidence)
    words = {i: w for w, i in word_pairs.zh_ids.items()}
    stems = {i: s for s, i in word_pairs.en_ids.items()}
    key_word, key_stem = word_pairs.key_word, word_pairs.keys % word_pairs.n_en
    # Per Chinese word, its keys are consecutive (keys sort by word, then stem): the best is the likeliest stem.
    starts = np.searchsorted(key_word, np.arange(word_pairs.n_zh))
    stops = np.searchsorted(key_word, np.arange(word_pairs.n_zh), side="right")
    wanted: dict[int, tuple[int, int]] = {}  # word id -> (best key, rows together)
    for w in range(word_pairs.n_zh):
        word = words[w]
        if starts[w] == stops[w] or not CJK.search(word) or word in names or not _may_be_a_term(word):
            continue
        k = int(starts[w] + np.argmax(learned.t[starts[w] : stops[w]]))
        both, alone = int(together[k]), int(zh_rows[w])
        if both < min_count or both < TERM_SHARE * alone:
            continue
        if both / alone < TERM_LIFT * int(en_rows[key_stem[k]]) / n_rows:
            continue
        wanted[w] = (k, both)
    rows_of: dict[int, list[int]] = defaultdict(list)  # word id -> rows (in ``evidence``) with the word and its stem
    for r, ev in enumerate(evidence):
        row_stems = set(ev.en_stems)
        for word in {w for w, _half in ev.zh_words}:
            w = word_pairs.zh_ids[word]
            if w in wanted and stems[int(key_stem[wanted[w][0]])] in row_stems:
                rows_of[w].append(r)
    frequency = jieba_tokenizer().FREQ
    common = english_words()
    tokens: dict[int, _EnglishTokens] = {}
    found: dict[str, tuple[_Pair, float]] = {}
    for w, (k, both) in wanted.items():
        word, stem = words[w], stems[int(key_stem[k])]
        t_best = float(learned.t[k])
        related = {stems[int(key_stem[j])] for j in range(starts[w], stops[w])
                   if learned.t[j] >= PHRASE_TRANSLATION_SHARE * t_best and together[j] >= TERM_SHARE * both}
        related.add(stem)
        pair = _Pair(word, "term", [where[r] for r in rows_of[w]])
        by_stems: dict[tuple[tuple[str, ...], ...], Counter] = defaultdict(Counter)
        for r in rows_of[w]:
            i = where[r]
            row_tokens = tokens.setdefault(i, _EnglishTokens(document.rows[i].en))
            for first, last in row_tokens.phrases(stem, related):
                span = row_tokens.words[first : last + 1]
                surface = row_tokens.text[span[0][2] : span[-1][3]]
                by_stems[tuple(s for _w, s, _a, _b in span)][surface] += 1
                if not at_sentence_start(row_tokens.text, span[0][2]):
                    pair.inside += 1
                    pair.capitalised += surface[:1].isupper()
        if not by_stems:
            continue
        spellings = max(by_stems.values(), key=lambda c: (sum(c.values()), -min(len(s) for s in c)))
        pair.surfaces = spellings
        is_name = _capitalised_as_a_name(pair, spellings, common)
        if is_name:
            pair.kind = "name"
        elif len(word) < 2:
            continue  # one character alone is a term only as a name (吴 → Wu); 书 → book is a word
        en = _spelling(spellings, keep_capitals=is_name)
        if (not is_name and stem in translations(word) and frequency.get(word, 0) >= EVERYDAY_ZH_FREQUENCY
                and common.get(en.split()[0].lower(), 0) >= EVERYDAY_EN_FREQUENCY):
            continue  # everyday vocabulary the dictionary settles
        pair.surfaces = Counter({en: 1})
        score = g2(both, int(zh_rows[w]) - both, int(en_rows[key_stem[k]]) - both,
                   n_rows - int(zh_rows[w]) - int(en_rows[key_stem[k]]) + both)
        pair.zh = _grown(word, [document.views[i].zh_tags for i in pair.rows])
        if pair.zh not in found or found[pair.zh][1] < score:
            found[pair.zh] = (pair, score)
    return found


def _grown(word: str, rows: Sequence[Sequence[tuple[str, str]]]) -> str:
    """``word`` with the neighbouring nouns it stands with in most of ``rows`` (each a row's tagged words):
    jieba cuts 美国手语 (American Sign Language) into 美国 and 手语, both rendered *ASL*.

    >>> _grown("美国", [(("用", "p"), ("美国", "ns"), ("手语", "n"))] * 3 + [(("美国", "ns"),)])
    '美国手语'
    """
    seen: Counter = Counter()
    for tags in rows:
        words = [w for w, _tag in tags]
        found = set()
        for j in (j for j, w in enumerate(words) if w == word):
            for first in range(max(0, j - 2), j + 1):
                for stop in range(j + 1, min(len(words), j + 3) + 1):
                    if stop - first > 1 and all(_may_be_a_term(w) for w in words[first:stop]):
                        found.add("".join(words[first:stop]))
        seen.update(found)
    grown = [text for text, count in seen.items() if count >= TERM_SHARE * len(rows)]
    return max(grown, key=lambda text: (len(text), seen[text], text)) if grown else word


def _may_be_a_term(word: str) -> bool:
    """True when jieba's dictionary tags ``word`` as a noun or name, or does not know it (:data:`TERM_TAGS`).

    >>> _may_be_a_term("解释器"), _may_be_a_term("韦小宝"), _may_be_a_term("投降"), _may_be_a_term("胸口")
    (True, True, False, False)
    """
    from ..checks.context import tag_zh

    tags = tag_zh(word)
    return len(tags) == 1 and tags[0][1].startswith(TERM_TAGS)


def _capitalised_as_a_name(pair: _Pair, spellings: Counter, common: Mapping[str, int]) -> bool:
    """True when the English is capitalised as a name: in most of its places inside a sentence or, when it only
    opens sentences, always, and it is no common English word (*Trinket laughed.*, not *Music is ...*)."""
    if pair.inside:
        return pair.capitalised * 2 >= pair.inside
    return all(s[:1].isupper() for s in spellings) and common.get(next(iter(spellings)).split()[0].lower(), 0) < EVERYDAY_EN_FREQUENCY


def _spelling(spellings: Counter, *, keep_capitals: bool) -> str:
    """The English to write: the shortest spelling seen (a plural's singular: *function*, not *functions*), the most
    common among equals; lower case for a term unless it is an acronym or a code word (ASL, PyConfig).

    >>> _spelling(Counter({"Functions": 1, "functions": 4, "function": 2}), keep_capitals=False)
    'function'
    >>> _spelling(Counter({"ASL": 3}), keep_capitals=False), _spelling(Counter({"Trinket": 3}), keep_capitals=True)
    ('ASL', 'Trinket')
    """
    lowered: Counter = Counter()
    for surface, count in spellings.items():
        lowered[surface if keep_capitals or _keeps_capitals(surface) else surface.lower()] += count
    return min(lowered, key=lambda s: (len(s), -lowered[s], s))


def _keeps_capitals(surface: str) -> bool:
    """True for words whose capitals are not a sentence's: acronyms and code (ASL, PyConfig), not *Module*."""
    return any(word[1:] != word[1:].lower() for word in surface.split() if len(word) > 1)


def _extract(rows: Sequence[CheckRow], labels: Sequence[str], min_count: int, limit: int | None) -> list[TermCandidate]:
    if min_count < 1:
        from ..errors import UsageError

        raise UsageError(f"--min-count must be at least 1, got {min_count}")
    document = _Document(rows, labels)
    names = _names(document, min_count)
    candidates: list[TermCandidate] = []
    counted_rows = len(document)
    en_rows: Counter = Counter()
    for view in document.views:
        en_rows.update(view.en_names)
    for zh, (pair, key) in names.items():
        zh_rows = sum(zh in row.zh_normalized for row in document.rows)
        both = len(pair.rows)
        if both < NAME_SHARE * zh_rows:
            continue
        score = g2(both, zh_rows - both, max(en_rows[key] - both, 0), max(counted_rows - zh_rows - en_rows[key] + both, 0))
        candidates.append(_candidate(document, pair, zh, _spelling(pair.surfaces, keep_capitals=True), score, zh_rows))
    for word, (pair, score) in _terms(document, min_count, names).items():
        zh_rows = sum(word in row.zh_normalized for row in document.rows)
        candidates.append(_candidate(document, pair, word, next(iter(pair.surfaces)), score, max(zh_rows, len(pair.rows))))
    candidates.sort(key=lambda c: (-c.score, -c.rows, c.zh, c.en))
    return candidates[:limit] if limit is not None else candidates


def _candidate(document: _Document, pair: _Pair, zh: str, en: str, score: float, zh_rows: int) -> TermCandidate:
    from ..checks.context import zh_original_span

    example, label = document.example(pair.rows)
    first = document.rows[min(pair.rows)]
    start = first.zh_normalized.find(zh)
    written = zh_original_span(first, start, start + len(zh)) if start >= 0 else zh
    several = document.documents(pair.rows)
    return TermCandidate(zh, en, len(pair.rows), round(score, 3), example, pair.kind, zh_rows, written,
                         label if len(set(document.labels)) > 1 else "", several)


def extract_terms(
    alignment_or_rows: Alignment | Sequence[CheckRow] | Sequence[tuple[str, str]],
    *,
    min_count: int = DEFAULT_MIN_COUNT,
    limit: int | None = None,
    opencc: str = "auto",
) -> list[TermCandidate]:
    """Candidate glossary entries of one document, the strongest evidence first (see the module docstring).

    ``alignment_or_rows``: an :class:`~corpus_align.model.Alignment`, check rows
    (:func:`~corpus_align.checks.rows_from_pairs`), or ``(zh, en)`` pairs, one per aligned row
    (converted with ``opencc``).  ``min_count``: rows a pair must share; ``limit``: at most this many.

    >>> rows = [("王琦瑶笑了。", "Wang Qiyao smiled."), ("她哭了。", "She wept."), ("王琦瑶走了。", "Wang Qiyao left.")]
    >>> [(c.zh, c.en, c.rows, c.example_row) for c in extract_terms(rows, min_count=2)]
    [('王琦瑶', 'Wang Qiyao', 2, 1)]
    """
    rows = _check_rows(alignment_or_rows, opencc)
    return _extract(rows, [""] * len(rows), min_count, limit)


def _check_rows(alignment_or_rows: Alignment | Sequence[CheckRow] | Sequence[tuple[str, str]], opencc: str) -> list[CheckRow]:
    if isinstance(alignment_or_rows, Alignment):
        from ..qa import rows_from_alignment

        return rows_from_alignment(alignment_or_rows)
    items = list(alignment_or_rows)
    if all(isinstance(item, CheckRow) for item in items):
        return [item for item in items if isinstance(item, CheckRow)]
    from ..checks import rows_from_pairs

    pairs: list[tuple[str, str]] = [item for item in items if isinstance(item, tuple)]
    return rows_from_pairs(pairs, opencc=opencc)


def read_aligned_rows(path: str | Path, *, encoding: str | None = None, opencc: str = "auto") -> list[CheckRow]:
    """The rows of an aligned file (TSV, JSONL or XLSX as ``align`` writes them, or ``zh<TAB>en`` rows) as check rows.

    Rows that cannot be read are skipped; a file with no readable row is an
    :class:`~corpus_align.errors.InputError`.

    >>> read_aligned_rows("aligned.tsv")[0].zh_normalized  # doctest: +SKIP
    '关于重庆。'
    """
    from ..checks import check_row
    from ..io.aligned_read import open_aligned_file
    from ..io.tsv_read import TsvRow
    from ..normalize import resolve_opencc

    with open_aligned_file(path, encoding) as aligned:
        records = [r for r in aligned.records() if isinstance(r, TsvRow)]
        if not records:
            raise InputError(aligned.name, f"has no {aligned.rows_description}; terms reads aligned files "
                             "(align it first, or give the two source files)")
    config = resolve_opencc(opencc, "\n".join(r.zh for r in records[:2000]))
    return [check_row(r.row, r.zh, r.en, config, type=r.type, score=r.score) for r in records]


def extract_terms_from_files(
    files: Sequence[str | Path] | Mapping[str, str | Path],
    *,
    min_count: int = DEFAULT_MIN_COUNT,
    limit: int | None = None,
    encoding: str | None = None,
    opencc: str = "auto",
) -> list[TermCandidate]:
    """Candidate glossary entries learned from aligned files together (a release's documents): the evidence of
    all their rows, each example row named by its document (the mapping's key, or the file's stem).

    >>> extract_terms_from_files({"ch1": "out/ch1.tsv", "ch2": "out/ch2.tsv"})[0].note  # doctest: +SKIP
    'name, 31 of 35 rows in 2 documents, e.g. ch1 row 4'
    """
    named = dict(files) if isinstance(files, Mapping) else {Path(f).stem: f for f in files}
    rows: list[CheckRow] = []
    labels: list[str] = []
    for label, path in named.items():
        found = read_aligned_rows(path, encoding=encoding, opencc=opencc)
        rows += found
        labels += [label] * len(found)
    return _extract(rows, labels, min_count, limit)


ALIGNED_SUFFIXES = (".tsv", ".tab", ".jsonl", ".json", ".xlsx")


def extract_terms_from_path(
    path: str | Path,
    en_path: str | Path | None = None,
    *,
    min_count: int = DEFAULT_MIN_COUNT,
    limit: int | None = None,
    encoding: str | None = None,
    opencc: str = "auto",
    presegmented: bool = False,
) -> list[TermCandidate]:
    """Candidate glossary entries of whatever ``path`` is: what the ``terms`` command reads.

    * a folder: a ``batch`` output folder (every document's ``NAME.tsv``, :func:`~corpus_align.batch.aligned_outputs`);
    * an aligned file (named ``.tsv``, ``.jsonl``, ``.xlsx``..., or opening as JSON Lines or a workbook);
    * with ``en_path``, the Chinese and English sources; otherwise a bilingual text file: aligned first
      (without the checks), as ``align`` would.

    >>> extract_terms_from_path("book.zh.txt", "book.en.txt", limit=50)  # doctest: +SKIP
    [TermCandidate(zh='韦小宝', en='Trinket', rows=73, ...), ...]
    """
    if en_path is None and Path(path).is_dir():
        from ..batch import aligned_outputs

        return extract_terms_from_files(aligned_outputs(path), min_count=min_count, limit=limit, encoding=encoding, opencc=opencc)
    if en_path is None and _is_aligned(path):
        return _extract_checked(read_aligned_rows(path, encoding=encoding, opencc=opencc), min_count, limit)
    from ..pipeline import PipelineSettings, read_sources, run_pipeline

    zh_source, en_source = read_sources(str(path), str(en_path) if en_path is not None else None, encoding=encoding)
    settings = PipelineSettings(presegmented=presegmented, opencc=opencc, checks=False)
    return extract_terms(run_pipeline(zh_source, en_source, settings).alignment, min_count=min_count, limit=limit)


def _extract_checked(rows: list[CheckRow], min_count: int, limit: int | None) -> list[TermCandidate]:
    return _extract(rows, [""] * len(rows), min_count, limit)


def _is_aligned(path: str | Path) -> bool:
    """True when ``path`` is an aligned file rather than a text to align: by its name, or its first bytes."""
    name = str(path)
    if name.lower().endswith(ALIGNED_SUFFIXES):
        return True
    if name == "-":
        return True  # standard input is read as check reads it: an aligned file
    from ..io.aligned_read import input_format

    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False  # reading it as a text reports the problem
    return input_format(name, head) != "tsv"


def glossary_entries(candidates: Iterable[TermCandidate]) -> list[GlossaryEntry]:
    """The candidates as glossary entries, in order (see :func:`~corpus_align.io.glossary.glossary_text`).

    >>> glossary_entries([TermCandidate("北京", "Beijing", 3, 9.0, 2, "name")])[0].note
    'name, 3 of 3 rows, e.g. row 2'
    """
    return [candidate.glossary_entry() for candidate in candidates]
