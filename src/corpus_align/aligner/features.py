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

import itertools
import re


from collections.abc import Sequence
from dataclasses import dataclass

import numba
import numpy as np

from .._lazy import jieba_tokenizer
from . import anchors
from .lexicon import EN_STOPWORDS, english_stem, load_lexicon



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
    if _EN_WORD.fullmatch(word):
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
    tokens = [token for sentence in sentences_tokens for token in sentence]
    tok_ptr = np.zeros(len(sentences_tokens) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, sentences_tokens), dtype=np.int64, count=len(sentences_tokens)), out=tok_ptr[1:])
    key_ptr = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)), out=key_ptr[1:])
    keys = np.fromiter(itertools.chain.from_iterable(tokens), dtype=np.int32, count=int(key_ptr[-1]))
    sorted_sets = [sorted(key_set) for key_set in sentence_sets]
    set_ptr = np.zeros(len(sentence_sets) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, sorted_sets), dtype=np.int64, count=len(sorted_sets)), out=set_ptr[1:])
    set_keys = np.fromiter(itertools.chain.from_iterable(sorted_sets), dtype=np.int32, count=int(set_ptr[-1]))
    return SideFeatures(
        tok_ptr=tok_ptr,
        key_ptr=key_ptr,
        keys=keys,
        set_ptr=set_ptr,
        set_keys=set_keys,
        chars=np.asarray(chars, dtype=np.float64),
        words=words,
    )


_HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _zh_analysis(sentences: list[str]) -> tuple[list[tuple[str, ...]], dict[str, tuple[frozenset[str], tuple[str, ...]]]]:
    """jieba's words of each sentence, and each distinct word's evidence keys and pinyin name keys.

    The part of the Chinese side that needs no document-wide state, so it can
    run in another process (see :class:`_BackgroundCut`).
    """
    tokenizer = jieba_tokenizer()
    lexicon = load_lexicon()
    cuts = [tuple(tokenizer.lcut(sentence)) for sentence in sentences]
    words: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for cut in cuts:
        for word in cut:
            if word not in words and _HAS_WORD.search(word):
                words[word] = (frozenset(_zh_word_keys(word, lexicon)), anchors.zh_name_keys(word))
    return cuts, words


def _can_fork() -> bool:
    """Forking is safe here: a POSIX fork, no other thread (a lock held elsewhere would be copied held), not a daemon worker."""
    import multiprocessing
    import threading

    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


class _BackgroundCut:
    """:func:`_zh_analysis` of many sentences in a forked child, while this process reads the English.

    Done here instead, at :meth:`result`, when a child cannot be had or dies
    (killed for memory, say): a dead child never leaves the caller waiting.
    """

    def __init__(self, sentences: list[str]) -> None:
        self._sentences = sentences
        self._executor = self._future = None
        if len(sentences) >= PARALLEL_CUT_MIN and _can_fork():
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # One child: two (half the sentences each) measured slower, each loading the dictionaries.
            try:
                self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                self._future = self._executor.submit(_zh_analysis, sentences)
            except OSError:
                self._executor = self._future = None

    def close(self) -> None:
        """Stop the child, if it is still at work (an error or an interrupt in this process), and wait for it."""
        if self._executor is None:
            return
        self._future.cancel()
        terminate = getattr(self._executor, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
        else:
            for process in list((getattr(self._executor, "_processes", None) or {}).values()):
                process.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._future = None

    def result(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[frozenset[str], tuple[str, ...]]]]:
        """``(words of each sentence, (keys, name keys) of each word)``."""
        found = None
        if self._future is not None:
            try:
                found = self._future.result()
            except Exception:  # a dead or failing child (BrokenProcessPool, MemoryError there): do the work here
                found = None
            finally:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = self._future = None
        cuts, words = found if found is not None else _zh_analysis(self._sentences)
        return dict(zip(self._sentences, cuts)), words


# Documents with at least this many distinct Chinese sentences are cut in a child process.
PARALLEL_CUT_MIN = 3000


_EN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z]+)*")


def _english_sentence(sentence: str, en_terms: tuple[str, ...]):
    """Evidence tokens of one English sentence.

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


def _read_english(en: Sequence[str], terms: tuple[str, ...]):
    """Evidence tokens of every English sentence (each distinct sentence read once) and the document's name keys."""
    en_raw: list[tuple[list[tuple[str, ...]], list[str], list[str]]] = []
    en_names: set[str] = set()
    seen: dict[str, tuple[list[tuple[str, ...]], list[str], list[str]]] = {}
    for sentence in en:
        read = seen.get(sentence)
        if read is None:
            tokens, extras, words, names = _english_sentence(sentence, terms)
            en_names.update(names)
            read = seen[sentence] = (list(tokens), list(extras), list(words))
        en_raw.append(read)
    return en_raw, en_names


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
    background = _BackgroundCut(list(dict.fromkeys(zh)))
    try:
        en_raw, en_names = _read_english(en, tuple(en_terms))
        cuts, analysed = background.result()
    finally:
        background.close()  # an error or an interrupt above must not leave the children running

    # Chinese sentences go straight to integer ids; a word's ids, and a repeated
    # sentence's tokens (headings, boilerplate), are computed once per document.
    zh_tok_ids: list[list[list[int]]] = []
    zh_sets: list[set[int]] = []
    zh_words_all: list[list[str]] = []
    zh_chars: list[int] = []
    zh_names: set[str] = set()
    word_ids: dict[str, list[int]] = {}
    zh_seen: dict[str, tuple[list[list[int]], set[int], list[str], int]] = {}
    for sentence in zh:
        known = zh_seen.get(sentence)
        if known is None:
            ids_s: list[list[int]] = []
            words_s: list[str] = []
            for word in cuts[sentence]:
                ids = word_ids.get(word)
                if ids is None:
                    found = analysed.get(word)
                    if found is None:
                        ids = []
                    else:
                        keys, name_keys = found
                        if word in extra:
                            keys = keys | extra[word]
                        zh_names.update(name_keys)
                        # Sorted: key ids (and so the coarse path's sketches) must not depend on set order,
                        # which varies with the hash seed and across a fork.
                        ids = [vocab.setdefault(k, len(vocab)) for k in sorted(keys)]
                    word_ids[word] = ids
                if ids:
                    ids_s.append(ids)
                    words_s.append(word)
            for key in anchors.zh_number_keys(sentence) + anchors.punctuation_keys(sentence) + anchors.glossary_keys(sentence, zh_terms, english=False):
                ids_s.append([vocab.id(key)])
            known = zh_seen[sentence] = (ids_s, set(itertools.chain.from_iterable(ids_s)), words_s, _visible_chars(sentence))
        zh_tok_ids.append(known[0])
        zh_sets.append(known[1])
        zh_words_all.append(known[2])
        zh_chars.append(known[3])

    fuzzy = anchors.fuzzy_name_map(zh_names, en_names)

    en_tok_ids: list[list[list[int]]] = []
    en_sets: list[set[int]] = []
    en_chars: list[int] = []
    en_seen: dict[str, tuple[list[list[int]], set[int], int]] = {}
    token_cache: dict[tuple[str, ...], list[int]] = {}
    for sentence, (tokens, extras, _words) in zip(en, en_raw):
        known_en = en_seen.get(sentence)
        if known_en is None:
            ids = []
            for token in tokens:
                token_ids = token_cache.get(token)
                if token_ids is None:
                    keys = set(token)
                    keys.update(fuzzy[k] for k in token if k in fuzzy)
                    token_ids = token_cache[token] = [vocab.setdefault(k, len(vocab)) for k in sorted(keys)]
                ids.append(token_ids)
            key_set = set(itertools.chain.from_iterable(ids))
            key_set.update(vocab.setdefault(fuzzy.get(k, k), len(vocab)) for k in extras)
            known_en = en_seen[sentence] = (ids, key_set, _visible_chars(sentence))
        en_tok_ids.append(known_en[0])
        en_sets.append(known_en[1])
        en_chars.append(known_en[2])

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


def sorted_unique(values: np.ndarray, *, return_inverse: bool = False):
    """``np.unique`` by sorting (NumPy 2's hash-based unique is many times slower on large integer arrays).

    >>> sorted_unique(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    >>> [a.tolist() for a in sorted_unique(np.array([3, 1, 3]), return_inverse=True)]
    [[1, 3], [1, 0, 1]]
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    unique = ordered[first]
    if not return_inverse:
        return unique
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return unique, inverse


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
                    own = zh.keys[zh.key_ptr[token] : zh.key_ptr[token + 1]].tolist()
                    keys = by_word[word] = np.array(sorted(set(own).union(ids)), dtype=np.int32)
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
    pairs = sorted_unique(sentence_of * n_keys + keys)
    set_ptr = np.zeros(zh.n_sentences + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // n_keys, minlength=zh.n_sentences), out=set_ptr[1:])
    new_zh = SideFeatures(
        tok_ptr=zh.tok_ptr, key_ptr=key_ptr, keys=keys, set_ptr=set_ptr, set_keys=(pairs % n_keys).astype(np.int32),
        chars=zh.chars, words=zh.words,
    )
    return DocFeatures(zh=new_zh, en=features.en, vocab=vocab, length_ratio=features.length_ratio)
