"""Bounded work on one hostile line: checks and segmenters stay linear in the line's length.

Nothing here reads a clock.  Work is counted deterministically: the Python
function calls made (a profile hook counts them; a loop over characters or
over pairs of numbers shows up as calls), the characters of the typo check's
one-edit variants, the calls of a function that must not run, the length of
what jieba is given at once, and, for the one case that used to exhaust
memory, an address-space limit in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from corpus_align.checks import check_rows, encoding, numbers, omission, params, rows_from_pairs, typos
from corpus_align.io.read import document_of
from corpus_align.model import SourceText
from corpus_align.normalize import find_english_damage, normalize_zh
from corpus_align.segment import presegmented, segment, split_en, split_zh, tokens
from corpus_align.text.numbers import zh as zh_reader
from tests.conftest import ROOT

ZH = "他去了北京。"
EN = "He went to Beijing."
SHORT, LONG = 500, 2000
# Linear work grows 4 times for a line 4 times longer (a little less, with the fixed cost of a
# row); quadratic work 16 times.  The bound leaves room for the first and excludes the second.
GROWTH_BOUND = 5.0

# One line of each hostile kind, ``length`` characters long.
HOSTILE_LINES = {
    "one-huge-word": lambda length: "q" + "bcdefghijk" * (length // 10),
    "digit-run-with-commas": lambda length: ("1," * length)[:length],
    "run-of-one-chinese-character": lambda length: "的" * length,
    "run-of-punctuation": lambda length: "。.!?" * (length // 4),
    "alternating-scripts": lambda length: ("a中" * length)[:length],
    "url-like": lambda length: ("http://a.b/c?d=e&f" * length)[:length],
    "mojibake-letters": lambda length: ("\u00c3\u00aa" * length)[:length],  # every pair is a damage record
    "many-numbers": lambda length: " ".join(str(i) for i in range(length))[:length],
    # Clause openings without a sentence mark, then one question mark: each opening looks ahead for it.
    "clause-openings-then-a-question": lambda length: ("when was His a, was " * length)[: length - 1] + "?",
    # Many distinct romanized names and many characters they could spell: names times characters.
    "names-and-characters": lambda length: "王" * (length // 2) + " " + " ".join(
        "Wang" + chr(97 + i % 26) + chr(97 + i // 26 % 26) + chr(97 + i // 676 % 26) for i in range(length)
    )[: length // 2],
}


def python_calls(run) -> int:
    """The Python function calls (and builtin calls) made while ``run()`` runs: deterministic work."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Dictionaries and models load on first use; load them before any work is counted."""
    check_rows(rows_from_pairs([(ZH, EN), ("我们必须相信政府。", "We must trust the goverment.")]))
    tokens.tokenize_zh(ZH)
    segment(document_of(SourceText("a", EN, "utf-8"), "en"))


def _check_documents(line: str) -> None:
    # The line alone on each side and on both: some evidence is taken only when the other side is ordinary.
    for pairs in ([(ZH, line)], [(line, EN)], [(line, line)]):
        check_rows(rows_from_pairs(pairs))


@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_bounds_checks_work_grows_linearly_with_a_hostile_line(kind, monkeypatch):
    # The typo check's one-edit variants are built in C (list comprehensions): their characters are
    # counted as work too, as they are what filled memory.
    built = []
    edits1 = typos._edits1

    def counted_edits1(word):
        variants = edits1(word)
        built.append(sum(map(len, variants)))
        return variants

    monkeypatch.setattr(typos, "_edits1", counted_edits1)

    def work(line: str) -> int:
        built.clear()
        return python_calls(lambda: _check_documents(line)) + sum(built)

    make = HOSTILE_LINES[kind]
    short, long = work(make(SHORT)), work(make(LONG))
    assert long <= GROWTH_BOUND * short, f"{kind}: work {long} for {LONG} characters, {short} for {SHORT}"


@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_bounds_segmenters_work_grows_linearly_with_a_hostile_line(kind, monkeypatch):
    real = tokens.jieba_tokenizer()
    given: list[int] = []

    class Recording:
        def lcut(self, text):
            given.append(len(text))
            return real.lcut(text)

    monkeypatch.setattr(tokens, "jieba_tokenizer", Recording)

    def segment_all(line: str) -> None:
        split_zh(line)
        split_en(line)
        tokens.tokenize_en(line)
        tokens.tokenize_zh(line)
        normalize_zh(line, "t2s")
        find_english_damage(line)
        for lang in ("zh", "en"):
            document = document_of(SourceText("a", line, "utf-8"), lang)
            segment(document)
            presegmented(document)

    make = HOSTILE_LINES[kind]
    short = python_calls(lambda: segment_all(make(SHORT)))
    long = python_calls(lambda: segment_all(make(LONG)))
    assert long <= GROWTH_BOUND * short, f"{kind}: {long} calls for {LONG} characters, {short} for {SHORT}"
    # jieba's HMM is quadratic in what it is given at once (in C, where no call is counted).
    assert max(given) <= tokens.JIEBA_PIECE_CHARS


def test_bounds_typo_suggestions_skip_tokens_longer_than_a_word(monkeypatch):
    def no_edits(word):
        raise AssertionError(f"one-edit variants built for a {len(word)}-letter token")

    monkeypatch.setattr(typos, "_edits1", no_edits)
    letters = "bcdefghijk" * 1000
    rows = rows_from_pairs([(ZH, "Q" + letters + "."), (ZH, "the q" + letters + " went")])
    assert [f for f in check_rows(rows, select=["typo"])] == []
    assert typos.suggest("q" + letters) is None


def test_bounds_typo_bound_never_hides_a_suggestion():
    # One edit changes a word's length by one: a token can have a suggestion only if it is at most
    # one letter longer than the longest word common enough to be suggested.
    assert typos.longest_word(typos.MIN_SUGGESTION_FREQUENCY) + 1 <= typos.MAX_WORD_LETTERS
    assert typos.suggest("goverment") == "government"


def test_bounds_typo_known_word_test_tries_few_compound_cuts(monkeypatch):
    words = typos.english_words()
    looked_up = []

    class CountingWords(dict):
        def get(self, key, default=None):
            looked_up.append(key)
            return words.get(key, default)

    counting = CountingWords(words)
    monkeypatch.setattr(typos, "english_words", lambda: counting)
    assert not typos.is_known.__wrapped__("xq" + "bcdefghijk" * 10_000)
    assert len(looked_up) <= 2 * typos.MAX_WORD_LETTERS


def test_bounds_typo_check_of_a_100000_letter_word_fits_in_1_5_gb():
    script = textwrap.dedent(
        """
        import resource
        limit = 1536 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from corpus_align.checks import check_rows, rows_from_pairs
        word = "Q" + "bcdefghijk" * 10_000
        rows = rows_from_pairs([("我们必须相信政府。", word + " goverment.")])
        print(sorted(f.suggestion for f in check_rows(rows, select=["typo"])))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['government']"


def test_bounds_numbers_many_unmatched_numbers_stay_within_the_pair_budget(monkeypatch):
    compared = []
    compatible = numbers._compatible

    def counting(a, b):
        compared.append(1)
        return compatible(a, b)

    monkeypatch.setattr(numbers, "_compatible", counting)
    zh = numbers.zh_numbers(" ".join(str(i) for i in range(1000)))
    en = numbers.en_numbers(" ".join(str(5000 + i) for i in range(1000)))
    lost, extra = numbers.match_numbers(zh, en)
    assert len(lost) == len(zh) and len(extra) == len(en)
    assert len(compared) <= numbers.MATCH_PAIRS_BUDGET


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (ZH, "1" * 400),  # more digits than a float holds
        ("１" * 400 + "个", EN),  # full-width digits, folded to ASCII
        ("五" * 5000, EN),  # a numeral run whose value has more digits than int() converts
        (ZH, "about " + "hundred " * 500),  # a product of 500 scale words
    ],
    ids=["digits", "full-width-digits", "numeral-run", "scale-words"],
)
def test_bounds_numbers_absurd_numbers_do_not_crash_the_check(zh, en):
    check_rows(rows_from_pairs([(zh, en)]), select=["number-mismatch"])


def test_bounds_numbers_fraction_pattern_starts_only_where_a_run_starts():
    # A start inside a numeral run would scan the rest of the run again: quadratic on a long run.
    assert zh_reader._ZH_FRACTION.match("一一分之一", 1) is None
    assert zh_reader._ZH_FRACTION.match("12分之1", 1) is None
    assert zh_reader._ZH_FRACTION.search("有三十分之一").group() == "三十分之一"


def test_bounds_encoding_artifact_context_is_a_word_not_the_line():
    line = "\u00c3\u00aa" * 1000  # 1,000 mojibake records, all letters: one "word"
    [finding] = check_rows(rows_from_pairs([(ZH, line)]), select=["encoding-artifact"])
    assert len(finding.spans) == 1000
    shown = finding.en_text.removesuffix(", …").split(", ")
    assert len(shown) <= encoding.SHOWN_SPANS and max(map(len, shown)) <= 2 * encoding.CONTEXT_MAX_CHARS + 2
    assert len(finding.message) < 200 + encoding.SHOWN_SPANS * (2 * encoding.CONTEXT_MAX_CHARS + 4)


def test_bounds_omission_lexicon_learns_from_a_bead_not_a_chapter(monkeypatch):
    # The document's lexicon pairs every Chinese word of a row with every English stem: a chapter in
    # one row (thousands of distinct words a side) made millions of pairs, minutes and gigabytes.
    import random
    from importlib import resources

    chosen = random.Random(7)
    characters = sorted(resources.files("corpus_align.resources").joinpath("common_chars.txt").read_text("utf-8").strip())
    english = sorted(w for w, frequency in typos.english_words().items() if frequency >= 5000 and w.isalpha())
    chapter_zh = "".join(chosen.choice(characters) for _ in range(4000)) + "。"
    chapter_en = " ".join(chosen.choice(english) for _ in range(3000)) + "."
    learned = []
    lexicon = omission.DocumentLexicon

    class Recording(lexicon):
        def __init__(self, rows):
            learned.extend(len({w for w, _ in ev.zh_words}) * len(set(ev.en_stems)) for ev in rows)
            super().__init__(rows)

    monkeypatch.setattr(omission, "DocumentLexicon", Recording)
    bead = ("她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的。",
            "She admitted that she had been wrong to slap me and had not treated me well, but said my friendship was false.")
    rows = rows_from_pairs([bead, (chapter_zh, chapter_en), bead])
    check_rows(rows, select=["omission", "addition"])
    assert learned and max(learned) <= params.LEXICON_ROW_PAIRS


def test_bounds_rows_find_their_damage_without_reading_all_of_it():
    # Every sentence of a converted book can carry a pinyin annotation: rows used to read the whole
    # document's damage each, beads times damages.  Counted: the damage records read.
    import dataclasses

    from corpus_align import align
    from corpus_align.qa import rows_from_alignment

    class CountedDamage(tuple):
        reads = 0

        def __iter__(self):
            for item in tuple.__iter__(self):
                CountedDamage.reads += 1
                yield item

        def __getitem__(self, k):
            CountedDamage.reads += 1
            return tuple.__getitem__(self, k)

    def reads(count: int) -> int:
        zh = "\n".join(f"關(guān)於第{i}次合作。" for i in range(count))
        en = "\n".join(f"About cooperation number {i}." for i in range(count))
        alignment = align(zh, en, presegmented=True)
        counted = dataclasses.replace(alignment, zh=alignment.zh.with_(damage=CountedDamage(alignment.zh.damage)))
        CountedDamage.reads = 0
        rows = rows_from_alignment(counted)
        assert sum(len(row.zh_damage) for row in rows) == count
        return CountedDamage.reads

    assert reads(800) <= GROWTH_BOUND * reads(200)


def test_bounds_untranslated_looks_up_a_bounded_number_of_literals_in_the_source():
    from corpus_align.checks.untranslated import MAX_LITERAL_LOOKUPS, copied_literals

    class CountingSource(str):
        lookups = 0

        def __contains__(self, token):
            CountingSource.lookups += 1
            return super().__contains__(token)

    line = " ".join(f"a/中{i}" for i in range(10_000))
    copied_literals(line, CountingSource(line.replace(" ", "")))
    assert 0 < CountingSource.lookups <= MAX_LITERAL_LOOKUPS
