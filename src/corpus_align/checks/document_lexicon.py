"""The document's own lexicon: IBM Model 1, t(English stem | Chinese word), learned by EM from its rows.

Each row's Chinese content words and a NULL word generate its English stems.  The prior is
CC-CEDICT: :data:`~.params.LEXICON_DICTIONARY_MASS` spread over a word's dictionary translations
and the rest uniform over the document's stems; each update is the MAP estimate
``(expected count + LEXICON_PRIOR · prior) / (word's count + LEXICON_PRIOR)``, so a word seen in few
rows stays near the dictionary.  The coverage of a Chinese word in a row is its best posterior: the
largest, over the row's English stems, of the probability that this word (rather than another of
the row, or NULL) produced the stem.  A word whose rendering is gone produces nothing in the row and
scores near 0, while the translator's habitual renderings that CC-CEDICT does not list (a name by
meaning, a free equivalent) are learned from the other rows.

Learning takes three steps, each a function of this module:

1. :func:`build_word_pairs` — every (row, Chinese word, English stem) pair, as the index of its
   (word, stem) key and its English slot, in numpy (:class:`WordPairs`);
2. :func:`dictionary_prior`, then :data:`~.params.LEXICON_ITERATIONS` of :func:`em_step`;
3. :func:`best_posteriors` — each (row, Chinese word) slot's best posterior, summed per row and
   half by :class:`DocumentLexicon`.

The omission check (:mod:`.omission`) uses it; the words it is given are the canonical ones, so
Simplified and Traditional input give the same lexicon.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .._arrays import sorted_unique
from ..text.lexicon import load_lexicon
from .params import LEXICON_BLOCK_PAIRS, LEXICON_DICTIONARY_MASS, LEXICON_ITERATIONS, LEXICON_PRIOR


class RowWords(Protocol):
    """What the lexicon reads of a row (:class:`.omission.Coverage` has it)."""

    @property
    def zh_words(self) -> tuple[tuple[str, int], ...]:
        """The Chinese content words, each with its half of the row (0, 1, or -1 for both)."""
        ...

    @property
    def en_stems(self) -> tuple[str, ...]:
        """The English stems of the row."""
        ...


@dataclass(frozen=True)
class LexiconRow:
    """A row's words, for building a lexicon by hand (tests, examples)."""

    zh_words: tuple[tuple[str, int], ...]
    en_stems: tuple[str, ...]


def dictionary_stems(words: list[str]) -> set[str]:
    """English stems that translate the Chinese words by CC-CEDICT.

    Words as jieba cuts them (a single character only when jieba keeps it as a
    word of its own); the parts of a word only when CC-CEDICT does not
    know the word (an unknown name or compound): its characters, and, in a
    set phrase of four characters or more that jieba keeps whole, the shorter
    words in it (恭候光临 is 恭候 *look forward to* and 光临 *presence*).

    >>> "beij" in dictionary_stems(["北京"]), "forward" in dictionary_stems(["恭候光临"])
    (True, True)
    """
    # The lexicon looked up directly (translations() per word costs a call more): some 40 words a row.
    lexicon = load_lexicon()
    stems: set[str] = set()
    for word in words:
        found = lexicon.get(word)
        if found:
            stems |= found
        elif len(word) > 1:
            inner = PART_WORDS_MIN_CHARS <= len(word) <= PART_WORDS_MAX_CHARS
            stems |= _part_stems(word) if inner else _part_stems_of_characters(word)
    return stems


# The words inside an unknown word are read from four characters on: jieba keeps set phrases whole (恭候光临, 梦想成真)
# that CC-CEDICT lacks, while an unknown word of three characters is mostly a name (韦小宝, 王琦瑶), whose inner
# "words" (小宝) say nothing of the English.  With three-character words too, two clean literary rows more were
# reported as additions once the confidence models were fitted without the literary domain (stop 32: clean rows flagged
# 3.1 % against 3.0 %).  Up to eight: jieba's words run to seven characters (中华人民共和国); a longer "word" is a run it
# could not cut (a hostile line of one character repeated), whose inner words are not worth a count that grows with its
# square.
PART_WORDS_MIN_CHARS = 4
PART_WORDS_MAX_CHARS = 8


@functools.lru_cache(maxsize=100_000)
def _part_stems_of_characters(word: str) -> frozenset[str]:
    lexicon = load_lexicon()
    return frozenset(stem for ch in set(word) for stem in lexicon.get(ch, ()))


@functools.lru_cache(maxsize=100_000)
def _part_stems(word: str) -> frozenset[str]:
    """The stems of the characters of ``word`` and of the shorter words CC-CEDICT knows inside it.

    >>> sorted(_part_stems("恭候光临") - _part_stems("恭候"))[:3]
    ['arriv', 'attend', 'bright']
    """
    lexicon = load_lexicon()
    parts = [word[i : i + n] for n in range(1, len(word)) for i in range(len(word) - n + 1)]
    return frozenset(stem for part in parts for stem in lexicon.get(part, ()))


def pair_count(row: RowWords) -> int:
    """The (Chinese word, English stem) pairs the lexicon learns from one row.

    >>> pair_count(LexiconRow((("他", 0), ("北京", 1), ("北京", 1)), ("go", "beij")))
    4
    """
    return len({word for word, _half in row.zh_words}) * len(set(row.en_stems))


@dataclass(frozen=True)
class WordPairs:
    """Every (row, Chinese word, English stem) pair of the document, in numpy.

    A *slot* is one distinct Chinese word of a row (``zh_slot_ids``) or one distinct English stem of
    a row (``en_slot_ids``), rows in order; a row with no word or no stem has no slots.  A *pair*
    is a Chinese slot with an English slot of its row: the pairs of one Chinese slot are
    consecutive.  A pair is kept only as the index of its ``word_id · n_en + stem_id`` key in
    ``keys`` (``key_index``) and its English slot (``pair_en_slot``), filled a block of rows at a
    time so that a long document's temporaries stay small.
    """

    zh_ids: dict[str, int]  # Chinese word -> id
    en_ids: dict[str, int]  # English stem -> id
    zh_slot_ids: np.ndarray  # per Chinese slot: its word's id
    en_slot_ids: np.ndarray  # per English slot: its stem's id
    zh_per_row: np.ndarray  # per row: its Chinese slots
    en_per_row: np.ndarray  # per row: its English slots
    keys: np.ndarray  # the distinct (word, stem) keys, sorted
    key_index: np.ndarray  # per pair: the index of its key in ``keys``
    pair_en_slot: np.ndarray  # per pair: its English slot
    blocks: list[tuple[int, int]]  # (first row, row after the last) of each block of rows
    spans: list[tuple[int, int]]  # the pairs (start, stop) of each block
    # Per Chinese word of each row (duplicates included): its row, its half, and its slot (-1: none).
    token_row: np.ndarray
    token_half: np.ndarray
    token_slot: np.ndarray

    @property
    def n_rows(self) -> int:
        return len(self.zh_per_row)

    @property
    def n_zh(self) -> int:
        return len(self.zh_ids)

    @property
    def n_en(self) -> int:
        """The number of English stems (at least 1: keys are ``word_id · n_en + stem_id``)."""
        return max(len(self.en_ids), 1)

    @property
    def pair_count(self) -> int:
        return len(self.key_index)

    @property
    def key_word(self) -> np.ndarray:
        """Per key: the id of its Chinese word."""
        return self.keys // self.n_en

    @property
    def zh_offsets(self) -> np.ndarray:
        """Per row: its first Chinese slot."""
        return np.cumsum(self.zh_per_row) - self.zh_per_row

    @property
    def pair_offsets(self) -> np.ndarray:
        """Per row: its first pair."""
        pairs_per_row = self.zh_per_row * self.en_per_row
        return np.cumsum(pairs_per_row) - pairs_per_row


def _row_blocks(sizes: np.ndarray, limit: int) -> Iterator[tuple[int, int]]:
    """Consecutive ``(start, stop)`` ranges of rows whose ``sizes`` add up to about ``limit`` (at least one row each).

    >>> list(_row_blocks(np.array([3, 3, 3, 10, 1]), 6))
    [(0, 2), (2, 3), (3, 4), (4, 5)]
    """
    start, total = 0, 0
    for i, size in enumerate(sizes.tolist()):
        if total and total + size > limit:
            yield start, i
            start, total = i, 0
        total += size
    if start < len(sizes):
        yield start, len(sizes)


def build_word_pairs(rows: Sequence[RowWords], block_pairs: int = LEXICON_BLOCK_PAIRS) -> WordPairs:
    """Step 1: number the words and stems, and list every (row, Chinese word, English stem) pair.

    >>> pairs = build_word_pairs([LexiconRow((("甲", 0), ("乙", 1)), ("x", "y")), LexiconRow((("甲", -1),), ("x",))])
    >>> pairs.pair_count, pairs.keys.tolist(), pairs.key_index.tolist()
    (5, [0, 1, 2, 3], [0, 1, 2, 3, 0])
    """
    zh_ids: dict[str, int] = {}
    en_ids: dict[str, int] = {}
    f_flat: list[int] = []
    e_flat: list[int] = []
    f_len: list[int] = []
    e_len: list[int] = []
    tok_row: list[int] = []
    tok_half: list[int] = []
    tok_slot: list[int] = []
    for r, ev in enumerate(rows):
        fs = sorted({zh_ids.setdefault(w, len(zh_ids)) for w, _ in ev.zh_words})
        es = sorted({en_ids.setdefault(e, len(en_ids)) for e in ev.en_stems})
        if not fs or not es:
            fs, es = [], []
        local = {f: len(f_flat) + i for i, f in enumerate(fs)}
        for word, half in ev.zh_words:
            tok_row.append(r)
            tok_half.append(half)
            tok_slot.append(local.get(zh_ids[word], -1))
        f_flat.extend(fs)
        e_flat.extend(es)
        f_len.append(len(fs))
        e_len.append(len(es))
    n_en = max(len(en_ids), 1)
    F, E = np.array(f_flat, dtype=np.int64), np.array(e_flat, dtype=np.int64)
    nF, nE = np.array(f_len, dtype=np.int64), np.array(e_len, dtype=np.int64)
    n_pairs = nF * nE
    f_off = np.cumsum(nF) - nF
    e_off = np.cumsum(nE) - nE
    p_off = np.cumsum(n_pairs) - n_pairs
    blocks = list(_row_blocks(n_pairs, block_pairs)) if len(F) else []

    def block_pairs_of(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """The keys and English slots of the pairs of rows ``lo`` to ``hi``."""
        row = np.repeat(np.arange(lo, hi), n_pairs[lo:hi])
        j = np.arange(len(row)) - (p_off[row] - p_off[lo])
        fi = j // nE[row]
        slot_e = e_off[row] + j - fi * nE[row]
        return F[f_off[row] + fi] * n_en + E[slot_e], slot_e

    if blocks:
        keys = sorted_unique(np.concatenate([sorted_unique(block_pairs_of(lo, hi)[0]) for lo, hi in blocks]))
    else:
        keys = np.zeros(0, dtype=np.int64)
    index_type = np.int32 if max(len(keys), len(E)) < 2**31 else np.int64
    k = np.empty(int(n_pairs.sum()), dtype=index_type)
    slot_e = np.empty(len(k), dtype=index_type)
    spans: list[tuple[int, int]] = []
    for lo, hi in blocks:
        block_keys, block_slots = block_pairs_of(lo, hi)
        start, stop = int(p_off[lo]), int(p_off[lo]) + len(block_keys)
        k[start:stop] = np.searchsorted(keys, block_keys)
        slot_e[start:stop] = block_slots
        spans.append((start, stop))
    return WordPairs(zh_ids, en_ids, F, E, nF, nE, keys, k, slot_e, blocks, spans,
                     np.array(tok_row, dtype=np.int64), np.array(tok_half, dtype=np.int64),
                     np.array(tok_slot, dtype=np.int64))


def dictionary_prior(pairs: WordPairs, mass: float = LEXICON_DICTIONARY_MASS) -> np.ndarray:
    """Step 2a: the prior t(stem | word) of each key: ``mass`` spread over the word's CC-CEDICT
    translations (its characters' when CC-CEDICT lacks the word), the rest uniform over the
    document's stems; uniform for a word with no translation.

    北京 has five CC-CEDICT stems (beij, capit, china, person, republ) and the document two stems,
    so t(beij | 北京) = 0.9 / 5 + 0.1 / 2 and t(go | 北京) = 0.1 / 2:

    >>> prior = dictionary_prior(build_word_pairs([LexiconRow((("北京", -1),), ("beij", "go"))]))
    >>> [round(p, 3) for p in prior.tolist()]
    [0.23, 0.05]
    """
    n_en = pairs.n_en
    sizes = np.zeros(pairs.n_zh)
    dict_keys: list[int] = []
    for word, f in pairs.zh_ids.items():
        stems = dictionary_stems([word])
        sizes[f] = len(stems)
        dict_keys.extend(f * n_en + pairs.en_ids[stem] for stem in stems if stem in pairs.en_ids)
    keys = pairs.keys
    dict_keys_arr = sorted_unique(np.array(dict_keys, dtype=np.int64))
    at = np.minimum(np.searchsorted(dict_keys_arr, keys), max(len(dict_keys_arr) - 1, 0))
    in_dict = (dict_keys_arr[at] == keys) if len(dict_keys_arr) else np.zeros(len(keys), dtype=bool)
    size = sizes[pairs.key_word]
    return in_dict * mass / np.maximum(size, 1) + (1 - mass * (size > 0)) / n_en


def initial_null(pairs: WordPairs) -> np.ndarray:
    """Step 2b: the NULL word's first t(stem | NULL): each stem's share of the English slots.

    >>> initial_null(build_word_pairs([LexiconRow((("甲", 0),), ("x", "y")), LexiconRow((("甲", 0),), ("x",))])).tolist()
    [0.6666666666666666, 0.3333333333333333]
    """
    return np.bincount(pairs.en_slot_ids, minlength=pairs.n_en) / len(pairs.en_slot_ids)


def _denominators(pairs: WordPairs, t: np.ndarray, t_null: np.ndarray) -> np.ndarray:
    """Per English slot: the probability of its stem from any Chinese word of the row or NULL."""
    n_slots = len(pairs.en_slot_ids)
    total = t_null[pairs.en_slot_ids].copy()
    for start, stop in pairs.spans:
        total += np.bincount(pairs.pair_en_slot[start:stop], t[pairs.key_index[start:stop]], minlength=n_slots)
    return total


def em_step(pairs: WordPairs, t: np.ndarray, t_null: np.ndarray, prior: np.ndarray,
            prior_weight: float = LEXICON_PRIOR) -> tuple[np.ndarray, np.ndarray]:
    """Step 2c: one EM iteration of IBM Model 1 with a NULL word; returns the new ``(t, t_null)``.

    E: each pair's posterior ``t(stem | word) / Σ t(stem | any word of the row, or NULL)``, summed
    per key.  M: ``t = (counts + prior_weight · prior) / (the word's counts + prior_weight)``; NULL's
    counts smoothed by one count spread uniformly over the stems.  ``t`` is indexed like
    ``pairs.keys``, ``t_null`` by stem id.
    """
    denominator = _denominators(pairs, t, t_null)
    counts = np.zeros(len(t))
    for start, stop in pairs.spans:
        k = pairs.key_index[start:stop]
        counts += np.bincount(k, t[k] / denominator[pairs.pair_en_slot[start:stop]], minlength=len(t))
    word = pairs.key_word
    t = (counts + prior_weight * prior) / (np.bincount(word, counts, minlength=pairs.n_zh)[word] + prior_weight)
    null_counts = np.bincount(pairs.en_slot_ids, t_null[pairs.en_slot_ids] / denominator, minlength=pairs.n_en)
    t_null = (null_counts + 1.0 / pairs.n_en) / (null_counts.sum() + 1.0)
    return t, t_null


def best_posteriors(pairs: WordPairs, t: np.ndarray, t_null: np.ndarray) -> np.ndarray:
    """Step 3: per Chinese slot, the largest posterior, over its row's English stems, that it produced the stem."""
    denominator = _denominators(pairs, t, t_null)
    nF, nE = pairs.zh_per_row, pairs.en_per_row
    f_off, p_off = pairs.zh_offsets, pairs.pair_offsets
    best = np.zeros(len(pairs.zh_slot_ids))
    # The pairs of one (row, Chinese word) slot are consecutive: the best posterior of each slot.
    slot_starts = np.repeat(p_off, nF) + (np.arange(len(pairs.zh_slot_ids)) - np.repeat(f_off, nF)) * np.repeat(nE, nF)
    for (start, stop), (lo, hi) in zip(pairs.spans, pairs.blocks, strict=True):  # spans: one per block
        k = pairs.key_index[start:stop]
        posterior = t[k] / denominator[pairs.pair_en_slot[start:stop]]
        first, last = int(f_off[lo]), int(f_off[hi - 1] + nF[hi - 1])
        if last > first:
            best[first:last] = np.maximum.reduceat(posterior, slot_starts[first:last] - start)
    return best


@dataclass(frozen=True)
class LearnedTranslations:
    """The document's word pairs and t(English stem | Chinese word) learned from them (steps 1 and 2).

    ``t`` is indexed like ``pairs.keys``, ``t_null`` by stem id.  Besides the omission check's
    coverage, term extraction (:mod:`corpus_align.terms`) reads the table itself: which stem each
    Chinese word is most likely translated by, and in how many rows the two meet.
    """

    pairs: WordPairs
    t: np.ndarray
    t_null: np.ndarray

    def translation(self, word: str, stem: str) -> float:
        """t(stem | word); 0 when the two never share a row.

        >>> learn_translations([LexiconRow((("北京", 0),), ("beij",))]).translation("北京", "go")
        0.0
        """
        pairs = self.pairs
        if word not in pairs.zh_ids or stem not in pairs.en_ids:
            return 0.0
        key = pairs.zh_ids[word] * pairs.n_en + pairs.en_ids[stem]
        at = int(np.searchsorted(pairs.keys, key))
        return float(self.t[at]) if at < len(pairs.keys) and pairs.keys[at] == key else 0.0

    def row_counts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows per key (the word and the stem in one row), per Chinese word id and per English stem id.

        A row holds each of its words and stems once (they are its *slots*), so counting slots and
        pairs counts rows.

        >>> learned = learn_translations([LexiconRow((("甲", 0),), ("x", "y")), LexiconRow((("甲", 0),), ("x",))])
        >>> [counts.tolist() for counts in learned.row_counts()]
        [[2, 1], [2], [2, 1]]
        """
        pairs = self.pairs
        return (np.bincount(pairs.key_index, minlength=len(pairs.keys)),
                np.bincount(pairs.zh_slot_ids, minlength=pairs.n_zh),
                np.bincount(pairs.en_slot_ids, minlength=len(pairs.en_ids)))


def learn_translations(rows: Sequence[RowWords]) -> LearnedTranslations:
    """Steps 1 and 2: the word pairs of ``rows`` and :data:`~.params.LEXICON_ITERATIONS` of EM from the dictionary prior.

    CC-CEDICT does not know 韦小宝; the rows teach it *trinket*:

    >>> rows = [LexiconRow((("韦小宝", 0), ("笑", 1)), ("trinket", "laugh")),
    ...         LexiconRow((("韦小宝", 0), ("哭", 1)), ("trinket", "weep"))] * 5
    >>> learned = learn_translations(rows)
    >>> round(learned.translation("韦小宝", "trinket"), 2), round(learned.translation("韦小宝", "laugh"), 2)
    (0.29, 0.07)
    """
    pairs = build_word_pairs(rows)
    if not len(pairs.zh_slot_ids):
        return LearnedTranslations(pairs, np.zeros(len(pairs.keys)), np.zeros(pairs.n_en))
    prior = dictionary_prior(pairs)
    t, t_null = prior.copy(), initial_null(pairs)
    for _ in range(LEXICON_ITERATIONS):
        t, t_null = em_step(pairs, t, t_null, prior)
    return LearnedTranslations(pairs, t, t_null)


class DocumentLexicon:
    """The document's own lexicon learned from ``rows``, and each row's coverage under it.

    After construction:

    * ``cover``: per (row, Chinese word) slot, the word's best posterior (:func:`best_posteriors`);
      one more entry, 0, for the words of rows without pairs;
    * ``content`` and ``covered``: per row, its Chinese words (duplicates included) and the sum of
      their best posteriors;
    * ``halves``: the same per half of the row, ``[(content, covered) of half 0, ... of half 1]``,
      a word of both halves (``-1``) counting in each.

    ``rows`` is anything with ``zh_words`` and ``en_stems`` (:class:`RowWords`).

    韦小宝 is not in CC-CEDICT (its characters are: small, treasure ...); from the rows that share it
    the lexicon learns *trinket*, so the name counts as rendered where *Trinket* is and not where
    it is missing (the first half holds the name, the second 笑 → *laugh*, which CC-CEDICT knows):

    >>> rows = [LexiconRow((("韦小宝", 0), ("笑", 1)), ("trinket", "laugh")),
    ...         LexiconRow((("韦小宝", 0), ("哭", 1)), ("trinket", "weep"))] * 10
    >>> rows.append(LexiconRow((("韦小宝", 0), ("笑", 1)), ("laugh",)))
    >>> lexicon = DocumentLexicon(rows)
    >>> [(content, round(covered, 2)) for content, covered in lexicon.row_halves(0)]
    [(1, 0.35), (1, 0.8)]
    >>> [(content, round(covered, 2)) for content, covered in lexicon.row_halves(20)]
    [(1, 0.1), (1, 0.8)]
    """

    def __init__(self, rows: Sequence[RowWords]):
        learned = learn_translations(rows)
        pairs = learned.pairs
        best = best_posteriors(pairs, learned.t, learned.t_null) if len(pairs.zh_slot_ids) else np.zeros(0)
        self.cover = np.zeros(len(pairs.zh_slot_ids) + 1)  # the last is for rows with no pairs
        self.cover[: len(best)] = best
        rows_arr, halves_arr = pairs.token_row, pairs.token_half
        cover = self.cover[pairs.token_slot]
        n_rows = pairs.n_rows
        self.content = np.bincount(rows_arr, minlength=n_rows)
        self.covered = np.bincount(rows_arr, cover, minlength=n_rows)
        self.halves: list[tuple[np.ndarray, np.ndarray]] = []
        for half in (0, 1):
            mask = (halves_arr == half) | (halves_arr < 0)
            self.halves.append((np.bincount(rows_arr[mask], minlength=n_rows),
                                np.bincount(rows_arr[mask], cover[mask], minlength=n_rows)))

    def row_halves(self, r: int) -> tuple[tuple[int, float], ...]:
        """(content words, expected covered words) for the first and the second half of row ``r`` (one per half)."""
        return tuple((int(content[r]), float(covered[r])) for content, covered in self.halves)
