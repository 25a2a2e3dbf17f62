"""Turn two lists of sentences into integer evidence arrays, and count coverage in a band.

Every sentence becomes a list of *evidence tokens*; a token is a small set of
integer keys (English stems, stemmed pinyin, number and punctuation keys).
A Chinese word's keys are its CC-CEDICT translations plus its pinyin; an
English word's key is its stem.  A token of one side is *covered* by a span
of the other side when one of its keys occurs in the span's key set.

:func:`span_cover_counts` counts, for every sentence and every candidate span
of the other side inside a band, how many of the sentence's tokens the span
covers.  Coverage of a whole bead is then a sum of these counts, because each
token belongs to exactly one sentence.  The kernel is compiled with numba:
it walks an inverted index restricted to the band, so its cost is linear in
the document length times the band width.

>>> from corpus_align.aligner.features import extract_features
>>> f = extract_features(["我去了重庆。"], ["I went to Chongqing."])
>>> f.zh.n_sentences, f.en.n_sentences
(1, 1)
"""

from __future__ import annotations

import functools
import re

import math

from collections.abc import Sequence
from dataclasses import dataclass

import numba
import numpy as np

from .._lazy import jieba_tokenizer
from . import anchors
from .lexicon import EN_STOPWORDS, english_stem, load_lexicon

_CJK = "\u4e00-\u9fff"
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


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
        cached = self.__dict__.get("_token_mass")
        # Callers ask per bead; recomputing the document-wide sum each time made long documents quadratic.
        if cached is None or cached[0] is not self.weights:
            cum = np.concatenate([[0.0], np.cumsum(self.weights)])
            cached = (self.weights, cum[self.tok_ptr[1:]] - cum[self.tok_ptr[:-1]])
            self.__dict__["_token_mass"] = cached
        return cached[1]


@dataclass
class DocFeatures:
    """Both sides' evidence plus the key vocabulary they share."""

    zh: SideFeatures
    en: SideFeatures
    vocab: dict[str, int]


class _Interner(dict):
    def id(self, key: str) -> int:
        value = self.get(key)
        if value is None:
            value = self[key] = len(self)
        return value


def _zh_word_keys(word: str, lexicon: dict[str, frozenset[str]]) -> set[str]:
    if _LATIN_WORD.fullmatch(word):
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


def _pack(sentences_tokens: list[list[list[int]]], sentence_sets: list[set[int]], chars: list[int], words) -> SideFeatures:
    tok_ptr = np.zeros(len(sentences_tokens) + 1, dtype=np.int64)
    key_ptr = [0]
    keys: list[int] = []
    for s, tokens in enumerate(sentences_tokens):
        for token in tokens:
            keys.extend(sorted(token))
            key_ptr.append(len(keys))
        tok_ptr[s + 1] = tok_ptr[s] + len(tokens)
    set_ptr = np.zeros(len(sentence_sets) + 1, dtype=np.int64)
    set_keys: list[int] = []
    for s, key_set in enumerate(sentence_sets):
        set_keys.extend(sorted(key_set))
        set_ptr[s + 1] = len(set_keys)
    return SideFeatures(
        tok_ptr=tok_ptr,
        key_ptr=np.asarray(key_ptr, dtype=np.int64),
        keys=np.asarray(keys, dtype=np.int32),
        set_ptr=set_ptr,
        set_keys=np.asarray(set_keys, dtype=np.int32),
        chars=np.asarray(chars, dtype=np.float64),
        words=words,
    )


@functools.lru_cache(maxsize=100_000)
def _cut_cached(tokenizer, sentence: str) -> tuple[str, ...]:
    return tuple(tokenizer.lcut(sentence))


def _cut(tokenizer, sentence: str) -> tuple[str, ...]:
    """jieba words of a sentence, cached: the realign pass and the checks cut the same sentences again."""
    return _cut_cached(tokenizer, sentence)


_EN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z]+)*")


@functools.lru_cache(maxsize=100_000)
def _english_sentence(sentence: str, en_terms: tuple[str, ...]):
    """Evidence tokens of one English sentence (cached: the realign pass reads the same sentences again).

    Returns ``(tokens, extra name keys, stems, name keys)``.
    """
    tokens: list[tuple[str, ...]] = []
    words: list[str] = []
    names: set[str] = set()
    for word in _EN_WORD.findall(sentence):
        lower = word.lower().replace("’", "'")
        if lower in EN_STOPWORDS or len(lower) < 2:
            continue
        stem = english_stem(lower)
        token = [stem]
        if word[0].isupper():
            plain = english_stem(re.sub(r"['-]", "", lower))
            if plain != stem:
                token.append(plain)
            names.update(token)
        tokens.append(tuple(token))
        words.append(stem)
    for key in anchors.en_number_keys(sentence) + anchors.punctuation_keys(sentence) + anchors.glossary_keys(sentence, list(en_terms), english=True):
        tokens.append((key,))
    extras = anchors.en_name_keys(sentence)
    names.update(extras)
    return tuple(tokens), tuple(extras), tuple(words), frozenset(names)


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
    lexicon = load_lexicon()
    tokenizer = jieba_tokenizer()
    vocab = _Interner()
    extra = extra_translations or {}
    zh_terms = [pair[0] for pair in glossary]
    en_terms = [pair[1] for pair in glossary]
    cjk_re = re.compile(f"[{_CJK}A-Za-z0-9]")

    # English first, so capitalised words can be matched fuzzily against pinyin.
    en_raw: list[tuple[list[tuple[str, ...]], list[str], list[str]]] = []
    en_names: set[str] = set()
    terms_key = tuple(en_terms)
    for sentence in en:
        tokens, extras, words, names = _english_sentence(sentence, terms_key)
        en_names.update(names)
        en_raw.append((list(tokens), list(extras), list(words)))

    # Chinese sentences go straight to integer ids; a word's ids are computed once per document.
    zh_tok_ids: list[list[list[int]]] = []
    zh_sets: list[set[int]] = []
    zh_words_all: list[list[str]] = []
    zh_chars: list[int] = []
    zh_names: set[str] = set()
    word_ids: dict[str, list[int]] = {}
    for sentence in zh:
        ids_s: list[list[int]] = []
        words_s: list[str] = []
        for word in _cut(tokenizer, sentence):
            ids = word_ids.get(word)
            if ids is None:
                if not cjk_re.search(word):
                    ids = []
                else:
                    keys = _zh_word_keys(word, lexicon)
                    if word in extra:
                        keys |= extra[word]
                    zh_names.update(anchors.zh_name_keys(word))
                    ids = [vocab.id(k) for k in keys]
                word_ids[word] = ids
            if ids:
                ids_s.append(ids)
                words_s.append(word)
        for key in anchors.zh_number_keys(sentence) + anchors.punctuation_keys(sentence) + anchors.glossary_keys(sentence, zh_terms, english=False):
            ids_s.append([vocab.id(key)])
        zh_tok_ids.append(ids_s)
        zh_sets.append({k for token in ids_s for k in token})
        zh_words_all.append(words_s)
        zh_chars.append(sum(1 for ch in sentence if not ch.isspace()))

    fuzzy = anchors.fuzzy_name_map(zh_names, en_names)

    en_tok_ids: list[list[list[int]]] = []
    en_sets: list[set[int]] = []
    en_chars: list[int] = []
    for sentence, (tokens, extras, _words) in zip(en, en_raw):
        ids = []
        for token in tokens:
            keys = set(token)
            keys.update(fuzzy[k] for k in token if k in fuzzy)
            ids.append([vocab.id(k) for k in keys])
        key_set = {k for token in ids for k in token}
        key_set.update(vocab.id(fuzzy.get(k, k)) for k in extras)
        en_tok_ids.append(ids)
        en_sets.append(key_set)
        en_chars.append(sum(1 for ch in sentence if not ch.isspace()))

    return DocFeatures(
        zh=_pack(zh_tok_ids, zh_sets, zh_chars, zh_words_all),
        en=_pack(en_tok_ids, en_sets, en_chars, [w for _, _, w in en_raw]),
        vocab=dict(vocab),
    )


def inverted_index(side: SideFeatures, n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(ptr, sentences)``: for key ``k``, the sorted sentences whose key set holds it.

    >>> ptr, post = inverted_index(extract_features(["猫。"], ["A cat.", "The cat."]).en, 5)
    >>> post.tolist()  # doctest: +SKIP
    [0, 1]
    """
    lengths = np.diff(side.set_ptr)
    sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    order = np.lexsort((sentence_of, side.set_keys))
    counts = np.bincount(side.set_keys, minlength=n_keys)
    ptr = np.zeros(n_keys + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return ptr, sentence_of[order]


@numba.njit(cache=True)
def first_at_least(sorted_values, start, stop, value):  # pragma: no cover - compiled
    """Index of the first element >= ``value`` in ``sorted_values[start:stop]`` (binary search), ``stop`` if none."""
    while start < stop:
        middle = (start + stop) // 2
        if sorted_values[middle] < value:
            start = middle + 1
        else:
            stop = middle
    return start


@numba.njit(cache=True, nogil=True)
def span_cover_counts(tok_ptr, key_ptr, keys, weights, post_ptr, post, n_target, win_lo, win_w, max_len):  # pragma: no cover - compiled
    """out[(row_ptr[s] + o) * max_len + l-1] = weight of the tokens of s covered by targets win_lo[s]+o .. +l-1.

    Ragged storage (``row_ptr`` = running sum of ``win_w``) keeps memory
    proportional to the band's area even where a few rows are wide.
    """
    n = len(tok_ptr) - 1
    width = 1
    row_ptr = np.zeros(n + 1, dtype=np.int64)
    for s in range(n):
        if win_w[s] > width:
            width = win_w[s]
        row_ptr[s + 1] = row_ptr[s] + max(win_w[s], 0)
    out = np.zeros(row_ptr[n] * max_len, dtype=np.float32)
    span = width + max_len
    hit = np.zeros(span, dtype=np.bool_)
    nearest = np.empty(span + 1, dtype=np.int64)
    for s in range(n):
        lo = win_lo[s]
        w = win_w[s]
        if w <= 0:
            continue
        top = min(lo + w + max_len - 1, n_target)  # exclusive end of target sentences in reach
        for t in range(tok_ptr[s], tok_ptr[s + 1]):
            for p in range(top - lo):
                hit[p] = False
            any_hit = False
            for q in range(key_ptr[t], key_ptr[t + 1]):
                k = keys[q]
                a = first_at_least(post, post_ptr[k], post_ptr[k + 1], lo)
                while a < post_ptr[k + 1] and post[a] < top:
                    hit[post[a] - lo] = True
                    any_hit = True
                    a += 1
            if not any_hit:
                continue
            reach = top - lo
            nearest[reach] = 1 << 30
            for p in range(reach - 1, -1, -1):
                nearest[p] = p if hit[p] else nearest[p + 1]
            for o in range(min(w, reach)):
                d = nearest[o] - o
                if d < max_len:
                    base = (row_ptr[s] + o) * max_len
                    for ell in range(d, max_len):
                        out[base + ell] += weights[t]
    return out, row_ptr


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
    _unique, sig_id = np.unique(signature, return_inverse=True)
    n_sig = int(sig_id.max()) + 1 if len(sig_id) else 0
    sentence_of = np.repeat(np.arange(side.n_sentences, dtype=np.int64), side.n_tokens)
    # Document frequency: distinct (sentence, signature) pairs per signature.
    pairs = np.unique(sentence_of * max(n_sig, 1) + sig_id)
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
    lengths = np.diff(zh.key_ptr)
    merged: dict[int, np.ndarray] = {}
    by_word: dict[str, np.ndarray] = {}  # a word's tokens all have the same keys
    for sentence, words in enumerate(zh.words):
        first = int(zh.tok_ptr[sentence])
        for offset, word in enumerate(words):
            ids = extra_ids.get(word)
            if ids:
                token = first + offset
                keys = by_word.get(word)
                if keys is None:
                    keys = by_word[word] = np.union1d(zh.keys[zh.key_ptr[token] : zh.key_ptr[token + 1]], ids)
                merged[token] = keys
                lengths[token] = len(keys)
    key_ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=key_ptr[1:])
    token_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    offset = np.arange(int(key_ptr[-1]), dtype=np.int64) - key_ptr[token_of]
    source = np.minimum(zh.key_ptr[token_of] + offset, max(len(zh.keys) - 1, 0))
    keys = zh.keys[source] if len(zh.keys) else np.zeros(0, dtype=np.int32)
    keys = keys.astype(np.int32)
    for token, token_keys in merged.items():
        keys[key_ptr[token] : key_ptr[token + 1]] = token_keys
    # Each sentence's key set is the union of its tokens' keys.
    sentence_of = np.repeat(np.arange(zh.n_sentences, dtype=np.int64), np.diff(key_ptr[zh.tok_ptr]))
    n_keys = len(vocab) + 1
    pairs = np.unique(sentence_of * n_keys + keys)
    set_ptr = np.zeros(zh.n_sentences + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // n_keys, minlength=zh.n_sentences), out=set_ptr[1:])
    new_zh = SideFeatures(
        tok_ptr=zh.tok_ptr, key_ptr=key_ptr, keys=keys, set_ptr=set_ptr, set_keys=(pairs % n_keys).astype(np.int32),
        chars=zh.chars, words=zh.words,
    )
    return DocFeatures(zh=new_zh, en=features.en, vocab=vocab)
