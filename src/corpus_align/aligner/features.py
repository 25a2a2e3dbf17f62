"""Turn two lists of sentences into integer evidence arrays.

Every sentence becomes a list of *evidence tokens*; a token is a small set of
integer keys (English stems, stemmed pinyin, number and punctuation keys).
A Chinese word's keys are its CC-CEDICT translations plus its pinyin; an
English word's key is its stem.  A token of one side is *covered* by a span
of the other side when one of its keys occurs in the span's key set.

How much of a sentence a span of the other side covers is counted by
:mod:`~corpus_align.aligner.coverage_index`.

>>> from corpus_align.aligner.features import extract_features
>>> f = extract_features(["我去了重庆。"], ["I went to Chongqing."])
>>> f.zh.n_sentences, f.en.n_sentences
(1, 1)
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .._arrays import sorted_unique
from .._lazy import zh_word_cut
from ..text import numbers
from ..text.lexicon import EN_STOPWORDS, english_stem, load_lexicon, porter_stemmer, pronoun_key
from ..text.patterns import CJK_CHARS, EN_WORD
from . import anchors


@dataclass
class SideFeatures:
    """Evidence for one side of a document, as flat integer arrays.

    ``tok_ptr[s]:tok_ptr[s+1]`` are the tokens of sentence ``s``;
    ``key_ptr[t]:key_ptr[t+1]`` the keys of token ``t`` in ``keys``;
    ``set_ptr``/``set_keys`` the sorted key set of each sentence (tokens' keys
    plus extra keys such as joined names).  ``chars`` is the sentence length
    in non-space characters.
    """

    tok_ptr: np.ndarray
    key_ptr: np.ndarray
    keys: np.ndarray
    set_ptr: np.ndarray
    set_keys: np.ndarray
    chars: np.ndarray
    words: list[list[str]]  # the surface words behind the tokens (for realign), per sentence
    weights: np.ndarray | None = None  # per token evidence weight (see set_token_weights)
    # token_mass of the weights it was computed from: (weights, mass).
    _token_mass: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    @property
    def n_sentences(self) -> int:
        return len(self.tok_ptr) - 1

    @property
    def n_tokens(self) -> np.ndarray:
        return np.diff(self.tok_ptr)

    @property
    def token_mass(self) -> np.ndarray:
        """Per sentence, the summed weight of its tokens (computed once per set of weights)."""
        if self.weights is None:
            return self.n_tokens.astype(np.float64)
        # Callers ask per bead; recomputing the document-wide sum each time made long documents quadratic.
        if self._token_mass is None or self._token_mass[0] is not self.weights:
            cum = np.concatenate([[0.0], np.cumsum(self.weights)])
            self._token_mass = (self.weights, cum[self.tok_ptr[1:]] - cum[self.tok_ptr[:-1]])
        return self._token_mass[1]


@dataclass
class DocFeatures:
    """Both sides' evidence plus the key vocabulary they share.

    ``length_ratio[i]``, when set, is the expected English/Chinese character
    ratio of a bead starting at Chinese sentence ``i`` (estimated locally
    along the coarse path); otherwise the document's overall ratio is used.
    """

    zh: SideFeatures
    en: SideFeatures
    vocab: dict[str, int]
    length_ratio: np.ndarray | None = None

    def ratio_at(self, zh_start: np.ndarray) -> np.ndarray:
        """Expected English/Chinese character ratio of beads starting at Chinese sentences ``zh_start``."""
        if self.length_ratio is not None:
            return self.length_ratio[np.minimum(zh_start, len(self.length_ratio) - 1)]
        zh_total = float(self.zh.chars.sum())
        return np.full(len(zh_start), float(self.en.chars.sum()) / zh_total if zh_total else 1.0)


class _Interner(dict):
    def id(self, key: str) -> int:
        return self.setdefault(key, len(self))


def _visible_chars(text: str) -> int:
    """Characters that are not white space (str.split splits on exactly those)."""
    return len("".join(text.split()))


def _zh_word_keys(word: str, lexicon: dict[str, frozenset[str]]) -> set[str]:
    pronoun = pronoun_key(word)
    if pronoun is not None:
        return {pronoun}
    if EN_WORD.fullmatch(word):
        # A word in Latin letters inside Chinese text (a name, a brand, code)
        # is usually kept as it is in the translation: its key is its English stem.
        lower = word.lower()
        return set() if lower in EN_STOPWORDS or len(lower) < 2 else {english_stem(lower)}
    keys = set(lexicon.get(word, ()))
    if not keys and len(word) > 1:
        # Unknown to CC-CEDICT (often a name or a jieba neologism): back off to
        # the longest dictionary words inside it.
        start = 0
        while start < len(word):
            for end in range(min(len(word), start + 4), start, -1):
                if word[start:end] in lexicon and (end - start > 1 or end == start + 1):
                    keys.update(lexicon[word[start:end]])
                    start = end
                    break
            else:
                start += 1
    keys.update(anchors.zh_name_keys(word))
    return keys


_HAS_WORD = re.compile(f"[{CJK_CHARS}A-Za-z0-9]")


@dataclass
class _ZhAnalysis:
    """The Chinese side of a document as far as it needs no document-wide state: words, their keys, anchor keys."""

    words: list[str]  # each distinct word (with a letter or digit), in order of first use
    word_keys: list[frozenset[str]]  # its evidence keys
    word_names: list[tuple[str, ...]]  # its pinyin name keys
    word_of: np.ndarray  # the words of every sentence, as indices into ``words``, one sentence after another
    word_counts: np.ndarray  # how many of them each sentence has
    anchor_keys: list[list[str]]  # the number, punctuation and glossary keys of each sentence


def _zh_analysis(sentences: list[str], terms: list[str]) -> _ZhAnalysis:
    """Cut the sentences into words and look each distinct word up, in another process when worth it (:class:`_BackgroundCut`).

    >>> analysis = _zh_analysis(["他去重庆。", "我们去北京吗？"], [])
    >>> analysis.words, analysis.word_counts.tolist(), analysis.anchor_keys
    (['他', '去', '重庆', '我们', '北京', '吗'], [3, 4], [[], ['?']])
    """
    cut = zh_word_cut()
    lexicon = load_lexicon()
    index: dict[str, int] = {}
    analysis = _ZhAnalysis([], [], [], np.zeros(0, dtype=np.int32), np.zeros(len(sentences), dtype=np.int64), [])
    word_of: list[int] = []
    number_keys: list[list[str]] = []
    for position, sentence in enumerate(sentences):
        before = len(word_of)
        sentence_words = cut(sentence)
        # The words tell a numeral inside a word (十分 "very", 三心二意) from a number.
        number_keys.append(numbers.zh_number_keys(sentence, sentence_words))
        for word in sentence_words:
            at = index.get(word)
            if at is None:
                at = index[word] = len(analysis.words) if _HAS_WORD.search(word) else -1
                if at >= 0:
                    analysis.words.append(word)
                    analysis.word_keys.append(frozenset(_zh_word_keys(word, lexicon)))
                    analysis.word_names.append(anchors.zh_name_keys(word))
            if at >= 0:
                word_of.append(at)
        analysis.word_counts[position] = len(word_of) - before
    analysis.word_of = np.array(word_of, dtype=np.int32)
    analysis.anchor_keys = [
        keys + anchors.punctuation_keys(sentence) + anchors.glossary_keys(sentence, terms, english=False)
        for keys, sentence in zip(number_keys, sentences, strict=True)
    ]
    return analysis


def _can_fork() -> bool:
    """Forking is safe here: a POSIX fork, no other thread (a lock held elsewhere would be copied held), not a daemon worker."""
    import multiprocessing
    import threading

    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def _counts_ptr(counts: np.ndarray) -> np.ndarray:
    ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return ptr


def _within(counts: np.ndarray) -> np.ndarray:
    """``0..c-1`` for each count ``c``, one after another."""
    return np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(_counts_ptr(counts)[:-1], counts)


def _gather_rows(ptr: np.ndarray, values: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows ``rows`` of the ragged array ``(ptr, values)``, as a new ragged array.

    >>> [a.tolist() for a in _gather_rows(np.array([0, 2, 3]), np.array([7, 8, 9]), np.array([1, 0, 1]))]
    [[0, 1, 3, 4], [9, 7, 8, 9]]
    """
    counts = ptr[rows + 1] - ptr[rows]
    return _counts_ptr(counts), values[np.repeat(ptr[rows], counts) + _within(counts)]


def _side_arrays(
    of: np.ndarray,
    items: np.ndarray,
    token_counts: np.ndarray,
    set_counts: np.ndarray,
    ids_of: Callable[[int], list[int]],
    n_items: int,
    chars: np.ndarray,
    words: list[list[str]],
) -> SideFeatures:
    """One side's arrays, built with array operations rather than a loop over the words of the document.

    Each distinct sentence ``d`` is a run of items in ``items``: first
    ``token_counts[d]`` tokens, then ``set_counts[d]`` keys that count only in
    its key set (joined names). ``ids_of(item)`` gives an item's key ids; it is
    called once per item, in the order the document first uses them, so the
    ids are the same whatever the hash seed or process. A token without keys is
    dropped. ``of[s]`` is the distinct sentence of document sentence ``s``.
    """
    n_distinct = len(token_counts)
    sentence_of_item = np.repeat(np.arange(n_distinct, dtype=np.int64), token_counts + set_counts)
    is_token = _within(token_counts + set_counts) < np.repeat(token_counts, token_counts + set_counts)

    order = np.argsort(items, kind="stable")
    first = np.ones(len(order), dtype=bool)
    first[1:] = items[order][1:] != items[order][:-1]
    item_ids: list[list[int]] = [[] for _ in range(n_items)]
    for item in items[np.sort(order[first])].tolist():
        item_ids[item] = ids_of(item)
    id_counts = np.fromiter(map(len, item_ids), dtype=np.int64, count=n_items)
    id_ptr = _counts_ptr(id_counts)
    id_values = np.fromiter(itertools.chain.from_iterable(item_ids), dtype=np.int32, count=int(id_ptr[-1]))

    kept = is_token & (id_counts[items] > 0)
    token_items, token_sentence = items[kept], sentence_of_item[kept]
    key_ptr, keys = _gather_rows(id_ptr, id_values, token_items)
    set_ptr_all, set_all = _gather_rows(id_ptr, id_values, items)
    pairs = sorted_unique(np.repeat(sentence_of_item, np.diff(set_ptr_all)) << 32 | set_all.astype(np.int64))
    set_ptr = _counts_ptr(np.bincount(pairs >> 32, minlength=n_distinct))
    set_keys = (pairs & 0xFFFFFFFF).astype(np.int32)

    # The document's sentences, repeats included.
    tok_ptr, tokens = _gather_rows(_counts_ptr(np.bincount(token_sentence, minlength=n_distinct)),
                                   np.arange(len(token_items), dtype=np.int64), of)
    doc_key_ptr, doc_keys = _gather_rows(key_ptr, keys, tokens)
    doc_set_ptr, doc_set_keys = _gather_rows(set_ptr, set_keys, of)
    return SideFeatures(
        tok_ptr=tok_ptr, key_ptr=doc_key_ptr, keys=doc_keys.astype(np.int32), set_ptr=doc_set_ptr,
        set_keys=doc_set_keys, chars=chars[of], words=[words[i] for i in of.tolist()],
    )


def _distinct_of(sentences: Sequence[str], distinct: list[str]) -> np.ndarray:
    index = {sentence: i for i, sentence in enumerate(distinct)}
    return np.fromiter((index[s] for s in sentences), dtype=np.int64, count=len(sentences))


def _interleave(first: np.ndarray, first_counts: np.ndarray, second: np.ndarray, second_counts: np.ndarray) -> np.ndarray:
    """Two ragged arrays with the same rows as one: each row's ``first`` items, then its ``second`` items.

    >>> _interleave(np.array([1, 2, 3]), np.array([2, 1]), np.array([9]), np.array([0, 1])).tolist()
    [1, 2, 3, 9]
    """
    ptr = _counts_ptr(first_counts + second_counts)
    out = np.empty(int(ptr[-1]), dtype=np.int64)
    out[np.repeat(ptr[:-1], first_counts) + _within(first_counts)] = first
    out[np.repeat(ptr[:-1] + first_counts, second_counts) + _within(second_counts)] = second
    return out


def _chinese_side(
    zh: Sequence[str], distinct: list[str], analysis: _ZhAnalysis, extra: dict[str, set[str]], vocab: _Interner
) -> tuple[SideFeatures, set[str]]:
    """The Chinese side's arrays from the analysis of its distinct sentences, and its pinyin name keys.

    A sentence's tokens are its words, then its anchor keys (numbers, punctuation, glossary terms).
    """
    n_words = len(analysis.words)
    anchor_index: dict[str, int] = {}
    anchor_of = np.fromiter(
        (anchor_index.setdefault(key, n_words + len(anchor_index)) for keys in analysis.anchor_keys for key in keys),
        dtype=np.int64,
    )
    anchor_counts = np.fromiter(map(len, analysis.anchor_keys), dtype=np.int64, count=len(distinct))
    anchor_list = list(anchor_index)
    names: set[str] = set()

    def ids_of(item: int) -> list[int]:
        if item >= n_words:
            return [vocab.setdefault(anchor_list[item - n_words], len(vocab))]
        word, keys = analysis.words[item], analysis.word_keys[item]
        if word in extra:
            keys = keys | extra[word]
        names.update(analysis.word_names[item])
        # Sorted: the ids (and so the coarse path's sketches) must not depend on set order.
        return [vocab.setdefault(key, len(vocab)) for key in sorted(keys)]

    items = _interleave(analysis.word_of, analysis.word_counts, anchor_of, anchor_counts)
    no_set_only = np.zeros(len(distinct), dtype=np.int64)
    side = _side_arrays(
        _distinct_of(zh, distinct), items, analysis.word_counts + anchor_counts, no_set_only, ids_of,
        n_words + len(anchor_list), np.array([_visible_chars(s) for s in distinct], dtype=np.float64),
        _kept_words(analysis, lambda word: bool(analysis.word_keys[word] or extra.get(analysis.words[word]))),
    )
    return side, names


def _kept_words(analysis: _ZhAnalysis, has_keys: Callable[[int], bool]) -> list[list[str]]:
    """Each sentence's words that have keys (the words behind its tokens)."""
    keep = np.fromiter(map(has_keys, range(len(analysis.words))), dtype=bool, count=len(analysis.words))
    word_kept = keep[analysis.word_of]
    kept = np.array(analysis.words, dtype=object)[analysis.word_of[word_kept]].tolist()
    rows = np.repeat(np.arange(len(analysis.word_counts)), analysis.word_counts)[word_kept]
    bounds = _counts_ptr(np.bincount(rows, minlength=len(analysis.word_counts))).tolist()
    return [kept[a:b] for a, b in itertools.pairwise(bounds)]


def _english_side(en: Sequence[str], reading: _EnglishReading, fuzzy: dict[str, str], vocab: _Interner) -> SideFeatures:
    """The English side's arrays: a sentence's tokens are its words and anchor keys; its joined names count in its key set only."""
    n_tokens = len(reading.tokens)
    extra_index: dict[str, int] = {}
    extra_of = np.fromiter(
        (extra_index.setdefault(key, n_tokens + len(extra_index)) for keys in reading.extras for key in keys), dtype=np.int64
    )
    extra_counts = np.fromiter(map(len, reading.extras), dtype=np.int64, count=len(reading.sentences))
    extra_list = list(extra_index)

    def ids_of(item: int) -> list[int]:
        if item >= n_tokens:
            key = extra_list[item - n_tokens]
            return [vocab.setdefault(fuzzy.get(key, key), len(vocab))]
        token = reading.tokens[item]
        keys = set(token)
        keys.update(fuzzy[k] for k in token if k in fuzzy)
        return [vocab.setdefault(k, len(vocab)) for k in sorted(keys)]

    items = _interleave(reading.token_of, reading.token_counts, extra_of, extra_counts)
    return _side_arrays(
        _distinct_of(en, reading.sentences), items, reading.token_counts, extra_counts, ids_of,
        n_tokens + len(extra_list), np.array([_visible_chars(s) for s in reading.sentences], dtype=np.float64),
        reading.words,
    )


class _BackgroundCut:
    """:func:`_zh_analysis` of many sentences in a forked child, while this process reads the English.

    Done here instead, at :meth:`result`, when a child cannot be had or dies
    (killed for memory, say): a dead child never leaves the caller waiting.
    """

    def __init__(self, sentences: list[str], terms: list[str]) -> None:
        self.sentences, self._terms = sentences, terms
        self._executor = self._future = None
        if len(sentences) >= PARALLEL_CUT_MIN and _can_fork():
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # One child: two (half the sentences each) measured slower, each loading the dictionaries.
            try:
                from .._runtime import die_with_parent

                # The child ends with this process, even one killed with kill -9.
                self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent)
                self._future = self._executor.submit(_zh_analysis, sentences, terms)
            except OSError:
                self._executor = self._future = None

    def close(self) -> None:
        """Stop the child, if it is still at work (an error or an interrupt in this process), and wait for it."""
        if self._executor is None:
            return
        if self._future is not None:
            self._future.cancel()
        terminate = getattr(self._executor, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
        else:
            for process in list((getattr(self._executor, "_processes", None) or {}).values()):
                process.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._future = None

    def result(self) -> _ZhAnalysis:
        """The analysis of the sentences, in their order."""
        found = None
        if self._executor is not None and self._future is not None:  # the two are set together
            try:
                found = self._future.result()
            except Exception:  # a dead or failing child (BrokenProcessPool, MemoryError there): do the work here
                found = None
            finally:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = self._future = None
        return found if found is not None else _zh_analysis(self.sentences, self._terms)


# Documents with at least this many distinct Chinese sentences are cut in a child process.
PARALLEL_CUT_MIN = 3000




@functools.lru_cache(maxsize=200_000)
def _english_word(word: str) -> tuple[tuple[str, ...], bool] | None:
    """A word's token and whether it is capitalised; ``None`` for a stopword.

    The token is the word's stem, and for a capitalised word also its stem without apostrophes and hyphens.

    A book uses each word form hundreds of times: this is worked out once per form.
    """
    lower = word.lower().replace("’", "'")
    # A pronoun, or the pronoun of a contraction (I'll, they're); in capitals it is an acronym (the US, IT).
    pronoun = None if len(word) > 1 and word.isupper() else pronoun_key(lower.partition("'")[0])
    if pronoun is not None:
        return (pronoun,), False
    if lower in EN_STOPWORDS or len(lower) < 2:
        return None
    stem = english_stem(lower)
    if not word[0].isupper():
        return (stem,), False
    plain = english_stem(lower.replace("'", "").replace("-", ""))
    return ((stem,) if plain == stem else (stem, plain)), True


def _english_sentence(sentence: str, en_terms: tuple[str, ...]):
    """Evidence tokens of one English sentence.

    Returns ``(tokens, extra name keys, stems, name keys)``.
    """
    tokens: list[tuple[str, ...]] = []
    words: list[str] = []
    names: set[str] = set()
    for word in EN_WORD.findall(sentence):
        read = _english_word(word)
        if read is not None:
            token, capitalised = read
            if capitalised:
                names.update(token)
            tokens.append(token)
            words.append(token[0])
    anchor_keys = numbers.en_number_keys(sentence) + anchors.punctuation_keys(sentence)
    for key in anchor_keys + anchors.glossary_keys(sentence, list(en_terms), english=True):
        tokens.append((key,))
    extras = anchors.en_name_keys(sentence)
    names.update(extras)
    return tuple(tokens), tuple(extras), tuple(words), frozenset(names)


@dataclass
class _EnglishReading:
    """The English side as far as it needs no document-wide state."""

    sentences: list[str]  # the distinct sentences, in order
    tokens: list[tuple[str, ...]]  # each distinct token (a word's keys, or one anchor key), in order of first use
    token_of: np.ndarray  # the tokens of every sentence, as indices into ``tokens``
    token_counts: np.ndarray  # how many each sentence has
    extras: list[list[str]]  # each sentence's joined-name keys (key set only)
    words: list[list[str]]  # each sentence's word stems
    names: set[str]  # the document's name keys


def _read_english(en: Sequence[str], terms: tuple[str, ...]) -> _EnglishReading:
    """Evidence tokens of every distinct English sentence, and the document's name keys."""
    sentences = list(dict.fromkeys(en))
    index: dict[tuple[str, ...], int] = {}
    reading = _EnglishReading(sentences, [], np.zeros(0, dtype=np.int64), np.zeros(len(sentences), dtype=np.int64), [], [], set())
    token_of: list[int] = []
    for position, sentence in enumerate(sentences):
        tokens, extras, words, names = _english_sentence(sentence, terms)
        reading.names.update(names)
        for token in tokens:
            at = index.get(token)
            if at is None:
                at = index[token] = len(reading.tokens)
                reading.tokens.append(token)
            token_of.append(at)
        reading.token_counts[position] = len(tokens)
        reading.extras.append(list(extras))
        reading.words.append(list(words))
    reading.token_of = np.array(token_of, dtype=np.int64)
    return reading


def extract_features(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    glossary: Sequence[tuple[str, str]] = (),
    extra_translations: dict[str, set[str]] | None = None,
) -> DocFeatures:
    """Build the evidence arrays of a document.

    ``extra_translations`` adds document-specific ``zh word → English stems``
    pairs (the realign pass learns them from a first alignment).

    >>> f = extract_features(["他在重庆。"], ["He was in Chongqing."])
    >>> f.zh.n_sentences, f.en.n_sentences
    (1, 1)
    """
    vocab = _Interner()
    extra = extra_translations or {}
    zh_terms = [pair[0] for pair in glossary]
    en_terms = [pair[1] for pair in glossary]
    # The Chinese words are cut (in child processes on long documents) while the English is read;
    # English first, so capitalised words can be matched fuzzily against pinyin.
    # Loaded before the fork, so the child inherits them: both sides stem words (pinyin on the Chinese side).
    load_lexicon()
    porter_stemmer()
    background = _BackgroundCut(list(dict.fromkeys(zh)), zh_terms)
    try:
        reading = _read_english(en, tuple(en_terms))
        analysis = background.result()
    finally:
        background.close()  # an error or an interrupt above must not leave the children running

    distinct_zh = background.sentences
    zh_side, zh_names = _chinese_side(zh, distinct_zh, analysis, extra, vocab)

    fuzzy = anchors.fuzzy_name_map(zh_names, reading.names)
    return DocFeatures(zh=zh_side, en=_english_side(en, reading, fuzzy, vocab), vocab=dict(vocab))


def _token_signatures(side: SideFeatures) -> np.ndarray:
    """One 64-bit fingerprint per token, the same for tokens with the same key set (order-free sum of per-key random values)."""
    n_keys = int(side.keys.max()) + 1 if len(side.keys) else 1
    per_key = np.random.default_rng(20240311).integers(1, 2**63, size=n_keys, dtype=np.int64).view(np.uint64)
    values = per_key[side.keys]
    lengths = np.diff(side.key_ptr)
    signature = np.zeros(len(lengths), dtype=np.uint64)
    nonempty = lengths > 0
    if values.size:
        with np.errstate(over="ignore"):
            signature[nonempty] = np.add.reduceat(values, side.key_ptr[:-1][nonempty])
    return signature


def set_token_weights(side: SideFeatures, *, floor: float = 0.5, power: float = 1.0) -> None:
    """Weight each token by its inverse document frequency within its side (``max(floor, log(N/df)) ** power``).

    A word found in every other sentence ("say", 说) is weak evidence of a
    match; a name or a number found in two sentences is strong.  Tokens with
    the same key set count as one word.

    >>> f = extract_features(["他说。", "他说，猫。"], ["He said.", "He said, cat."])
    >>> set_token_weights(f.en)
    >>> bool(f.en.weights[-1] > f.en.weights[0])  # "cat" is rarer than "say"
    True
    """
    signature = _token_signatures(side)
    _unique, sig_id = sorted_unique(signature, return_inverse=True)
    n_sig = int(sig_id.max()) + 1 if len(sig_id) else 0
    sentence_of = np.repeat(np.arange(side.n_sentences, dtype=np.int64), side.n_tokens)
    # Document frequency: distinct (sentence, signature) pairs per signature.
    pairs = sorted_unique(sentence_of * max(n_sig, 1) + sig_id)
    df = np.bincount(pairs % max(n_sig, 1), minlength=n_sig)
    total = max(side.n_sentences, 1)
    side.weights = np.maximum(floor, np.log((total + 1) / np.maximum(df[sig_id], 1))) ** power


def add_translations(features: DocFeatures, learned: dict[str, set[str]]) -> DocFeatures:
    """Return the features with extra ``zh word → English stems`` keys added to every token of those words.

    The same as extracting the features again with ``extra_translations=learned``,
    without cutting and looking up the whole document a second time.

    >>> f = extract_features(["我的猫来了。"], ["My Tom came."])
    >>> g = add_translations(f, {"猫": {"tom"}})
    >>> bool(g.vocab["tom"] in g.zh.keys.tolist()), bool(f.vocab["tom"] in f.zh.keys.tolist())
    (True, False)
    """
    vocab = dict(features.vocab)
    extra_ids: dict[str, list[int]] = {}
    for word, stems in learned.items():
        extra_ids[word] = [vocab.setdefault(stem, len(vocab)) for stem in sorted(stems)]
    zh = features.zh
    # The token of each word: a sentence's words are its first tokens (its anchor keys come after).
    word_counts = np.fromiter(map(len, zh.words), dtype=np.int64, count=len(zh.words))
    word_starts = np.cumsum(word_counts) - word_counts
    word_token = np.repeat(zh.tok_ptr[:-1] - word_starts, word_counts) + np.arange(int(word_counts.sum()), dtype=np.int64)
    learned_words = list(extra_ids)
    learned_index = {word: index for index, word in enumerate(learned_words)}
    learned_of = np.fromiter(
        (learned_index.get(word, -1) for word in itertools.chain.from_iterable(zh.words)), dtype=np.int64, count=len(word_token)
    )
    hit = learned_of >= 0
    tokens, learned_of = word_token[hit], learned_of[hit]
    # A word's tokens all have the same keys: merge them once per word, from its first token.
    found, first_token = np.unique(learned_of, return_index=True)
    merged_keys = [np.zeros(0, dtype=np.int32)] * len(learned_words)
    for index, token in zip(found.tolist(), tokens[first_token].tolist(), strict=True):
        own = zh.keys[zh.key_ptr[token] : zh.key_ptr[token + 1]].tolist()
        merged_keys[index] = np.array(sorted(set(own).union(extra_ids[learned_words[index]])), dtype=np.int32)
    merged_len = np.fromiter(map(len, merged_keys), dtype=np.int64, count=len(merged_keys))
    merged_ptr = np.concatenate([[0], np.cumsum(merged_len)]).astype(np.int64)
    merged_flat = np.concatenate([*merged_keys, np.zeros(0, dtype=np.int32)])

    lengths = np.diff(zh.key_ptr)
    lengths[tokens] = merged_len[learned_of]
    key_ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=key_ptr[1:])
    token_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    offset = np.arange(int(key_ptr[-1]), dtype=np.int64) - key_ptr[token_of]
    source = np.minimum(zh.key_ptr[token_of] + offset, max(len(zh.keys) - 1, 0))
    keys = zh.keys[source] if len(zh.keys) else np.zeros(0, dtype=np.int32)
    keys = keys.astype(np.int32)
    # The merged keys of the learnt words' tokens, written over the copies.
    sizes = merged_len[learned_of]
    within = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    keys[np.repeat(key_ptr[tokens], sizes) + within] = merged_flat[np.repeat(merged_ptr[learned_of], sizes) + within]
    # Each sentence's key set is the union of its tokens' keys.
    sentence_of = np.repeat(np.arange(zh.n_sentences, dtype=np.int64), np.diff(key_ptr[zh.tok_ptr]))
    n_keys = len(vocab) + 1
    pairs = sorted_unique(sentence_of * n_keys + keys)
    set_ptr = np.zeros(zh.n_sentences + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // n_keys, minlength=zh.n_sentences), out=set_ptr[1:])
    new_zh = SideFeatures(
        tok_ptr=zh.tok_ptr, key_ptr=key_ptr, keys=keys, set_ptr=set_ptr, set_keys=(pairs % n_keys).astype(np.int32),
        chars=zh.chars, words=zh.words,
    )
    return DocFeatures(zh=new_zh, en=features.en, vocab=vocab, length_ratio=features.length_ratio)
