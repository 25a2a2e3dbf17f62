"""English sentence splitting with nltk's Punkt and parameters this package owns.

nltk's trained punkt data is not available offline, so the parameters
(abbreviations, sentence starters, orthographic context) live in
``resources/punkt_en.json``. Two rules run after Punkt: a split before a word in
lower case or a comma is undone (``He sang "Go!" and left.``, ``ask('Go?', 2)``), and in a paragraph of
several lines a short line without final punctuation (a title) is a sentence
of its own.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from importlib import resources

from .._lazy import loaded_once

_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
# A piece that opens in lower case, or with a comma, colon or closing bracket (Punkt may cut between a "?" and the
# quote that closes it: ask_ok('Overwrite?', 2)), continues the sentence before it.
_CONTINUES = re.compile(r"[\"'“‘(\[]*[a-z]|[\"'”’]*[,;:)\]]")


@functools.lru_cache(maxsize=1)
def _punkt_data() -> dict:
    return json.loads(resources.files("corpus_align.resources").joinpath("punkt_en.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The abbreviations the segmenter knows, in lower case without their last full stop (``tel``, ``approx``, ``u.s``).

    >>> {"tel", "approx", "u.s"} <= abbreviations()
    True
    """
    return frozenset(_punkt_data()["abbreviations"])


@loaded_once
def punkt_tokenizer():
    """The Punkt sentence tokenizer built from the owned parameters (cached).

    >>> punkt_tokenizer().tokenize("Mr. Li came at 3 p.m. He left.")
    ['Mr. Li came at 3 p.m.', 'He left.']
    """
    from nltk.tokenize.punkt import _ORTHO_BEG_UC, _ORTHO_MID_LC, PunktParameters, PunktSentenceTokenizer

    data = _punkt_data()
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(data["sentence_starters"])
    for word in data["lowercase_words"]:
        params.add_ortho_context(word, _ORTHO_MID_LC | _ORTHO_BEG_UC)
    return PunktSentenceTokenizer(params)


def split_en(text: str) -> list[tuple[int, int]]:
    """Split English ``text`` (one paragraph) into sentences; return ``(start, end)`` spans.

    >>> text = 'Dr. J. K. Rowling paid $3.5 million. She said "Fine." Then U.S. Steel rose.'
    >>> [text[s:e] for s, e in split_en(text)]
    ['Dr. J. K. Rowling paid $3.5 million.', 'She said "Fine."', 'Then U.S. Steel rose.']
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _title_aware_lines(text):
        chunk = text[line_start:line_end]
        for start, end in _merge_lowercase_continuations(chunk, _punkt_spans(chunk)):
            spans.append((line_start + start, line_start + end))
    return spans


_SENTENCE_END_MARK = re.compile(r"[.?!]")


def _punkt_spans(chunk: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``chunk``.

    Punkt breaks only after a full stop, a question or an exclamation mark that something follows, so a chunk with
    none before its last character is one sentence (most rows of a translation are), told without asking Punkt.

    >>> _punkt_spans("  He left.  "), _punkt_spans("He left. She stayed."), _punkt_spans("  ")
    ([(0, 10)], [(0, 8), (9, 20)], [])
    """
    length = len(chunk.rstrip())
    if _SENTENCE_END_MARK.search(chunk, 0, length - 1) is None:
        return [(0, length)] if length else []
    return list(punkt_tokenizer().span_tokenize(chunk))


# Abbreviations that stand before a name or a number (Mr. Li, Gen. Chen, No. 5, Fig. 3, U.S. Steel): a capital or a
# digit after their full stop goes on the sentence.
_BEFORE_NAMES = frozenset((
    "mr", "mrs", "ms", "messrs", "mssrs", "dr", "prof", "st", "mt", "gen", "sen", "rep", "gov", "capt", "col", "lt",
    "sgt", "cmdr", "adm", "supt", "insp", "pres", "rev", "hon", "fr", "jr", "sr", "no", "nos", "vol", "vols", "fig",
    "figs", "pp", "p", "ch", "chap", "sec", "art", "op", "u.s", "u.k", "u.n", "e.u", "d.c", "p.r.c", "r.o.c", "u.s.a",
))
# A full stop or an ellipsis inside one of Punkt's sentences, before a capital or a digit, and the word before it: its
# last 40 characters at most, as many as tell an abbreviation or an initial (a longer word is neither), so that a line
# of one huge word or of marks without a space is read once, not once from each of its characters.
_INNER_STOP = re.compile(r"(\S{0,40}?)(\.\.\.|…|\.)\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentence_candidates(text: str) -> list[tuple[int, int]]:
    """:func:`split_en`'s sentences, each also cut where an ellipsis or the full stop of an abbreviation that stands
    before no name (3 p.m., 80 kg., approx.) is followed by a capital or a digit: the sentences one of which may
    have been added to a row.

    Punkt keeps *5 p.m. Beijing time* together, and so it keeps a sentence appended after *5.30 p.m.* with it; a
    check that looks for an added sentence cuts at every such place, except after a title or an initial
    (*Mr. Savage*, *J. K. Rowling*).

    A sentence that opens a double quotation closed later in ``text`` goes on to its close: a quoted line of verse
    or speech (*The opening, "When did the bright moon first appear? Wine cup in hand, I ask the blue sky," is a
    question.*) is part of the sentence that quotes it.

    >>> text = "Open from 8 a.m. to 5.30 p.m. Tickets cost 60 yuan. Ask Mr. Li... Or Dr. J. Wang."
    >>> [text[s:e] for s, e in sentence_candidates(text)]
    ['Open from 8 a.m. to 5.30 p.m.', 'Tickets cost 60 yuan.', 'Ask Mr. Li...', 'Or Dr. J. Wang.']
    >>> text = 'The line "Where is the moon? I ask the sky," is a question. It is famous.'
    >>> [text[s:e] for s, e in sentence_candidates(text)]
    ['The line "Where is the moon? I ask the sky," is a question.', 'It is famous.']
    """
    spans: list[tuple[int, int]] = []
    for start, end in split_en(text):
        piece_start = start
        for match in _INNER_STOP.finditer(text, start, end):
            word = match.group(1).lower().rstrip(".").lstrip("(\"'“‘")
            if match.group(2) == "." and (word in _BEFORE_NAMES or (len(word) == 1 and word.isalpha())):
                continue
            cut = match.end(2)
            if text[piece_start:cut].strip():
                spans.append((piece_start, cut))
            piece_start = match.end()
        spans.append((piece_start, end))
    return _through_quotations(text, _numbers_joined(text, spans))


# A list item's number or letter, which Punkt takes for a sentence of its own (1. Hive Inspection, IV. Results).
_LIST_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[IVXLC]{2,7})[.)]")


def _numbers_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each that holds only a list item's number joined to the one after it.

    >>> text = "1. Hive Inspection Open the hive."
    >>> [text[s:e] for s, e in _numbers_joined(text, [(0, 2), (3, 33)])]
    ['1. Hive Inspection Open the hive.']
    """
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _LIST_LABEL.fullmatch(text, *joined[-1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _open_quotations(piece: str) -> int:
    """How many double quotations ``piece`` leaves open (curly ones counted, straight ones paired)."""
    return piece.count("“") - piece.count("”") + piece.count('"') % 2


# The most sentences a quotation joined by :func:`_through_quotations` may hold: a bound on the work a line of
# thousands of unclosed quotation marks makes, far above a quoted stanza or speech inside one row.
_QUOTATION_MAX_SENTENCES = 8


def _through_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one that opens a double quotation joined to the ones up to where it closes, if it does."""
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        if _open_quotations(text[start:end]) > 0:
            ahead = range(i + 1, min(len(spans), i + _QUOTATION_MAX_SENTENCES))
            closes = next((j for j in ahead if _open_quotations(text[start : spans[j][1]]) <= 0), None)
            if closes is not None:
                joined.append((start, spans[closes][1]))
                i = closes + 1
                continue
        joined.append((start, end))
        i += 1
    return joined


def _merge_lowercase_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # Looked up in place: copying the sentence merged so far at every piece would be quadratic
        # on a line of thousands of "?" each followed by a lower-case word.
        previous_start, previous_end = merged[-1] if merged else (0, 0)
        after_full_stop = previous_end > previous_start and text[previous_end - 1] == "."
        if merged and _CONTINUES.match(text, start, end) and not after_full_stop:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _title_aware_lines(text: str) -> list[tuple[int, int]]:
    """Cut a paragraph after short lines that end without punctuation and are followed by a capital."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    if len(lines) < 2:
        return [(0, len(text))]
    longest = max(end - start for start, end in lines)
    pieces: list[tuple[int, int]] = []
    piece_start = lines[0][0]
    for (start, end), (next_start, next_end) in itertools.pairwise(lines):
        line = text[start:end]
        is_title = (
            not _TERMINAL.search(line)
            and (end - start) < 0.6 * longest
            and text[next_start:next_end].lstrip()[:1].isupper()
        )
        if is_title:
            pieces.append((piece_start, end))
            piece_start = next_start
    pieces.append((piece_start, lines[-1][1]))
    return pieces
