"""Typo recall on one-edit slips of common English words, none filtered by the checker.

``check_quality.py`` and ``check_documents.py`` inject only slips the checker's own word test rejects, so a rule that
reads a slip as a word (a compound, an inflection, a British spelling) never costs them recall.  This benchmark
types one slip (a transposition, a deletion, an insertion or a substitution) into each of the commonest words of the
word list, keeps those that are not words themselves, and checks each in a two-row document; it prints the share
reported at warning or above, per kind of edit, with the time and peak memory.

Usage::

    python benchmarks/typo_slips.py [--words 4000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter

_KINDS = ("transposition", "deletion", "insertion", "substitution")
_LETTERS = "aeioulnrst"  # the letters a slip most often adds or swaps in


def slip(word: str, kind: str, rng: random.Random) -> str:
    """``word`` with one edit of ``kind`` at a random place.

    >>> slip("going", "deletion", random.Random(0))
    'goig'
    """
    i = rng.randrange(len(word) - 1)
    if kind == "transposition":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "deletion":
        return word[:i] + word[i + 1 :]
    if kind == "insertion":
        return word[:i] + rng.choice(_LETTERS) + word[i:]
    return word[:i] + rng.choice(_LETTERS) + word[i + 1 :]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=4000, help="the commonest words of four letters or more to slip")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from corpus_align.checks import check_rows, rows_from_pairs
    from corpus_align.checks.resources import english_words
    from corpus_align.text.lexicon import EN_STOPWORDS

    words = english_words()
    common = [w for w, _ in sorted(words.items(), key=lambda item: (-item[1], item[0])) if w.isalpha() and len(w) >= 4]
    rng = random.Random(args.seed)
    slips = []
    for word in common[: args.words]:
        kind = rng.choice(_KINDS)
        typed = slip(word, kind, rng)
        if typed != word and typed not in words and typed not in EN_STOPWORDS:
            slips.append((kind, typed, word))
    started, cpu_started = time.perf_counter(), time.process_time()
    found: Counter = Counter()
    total: Counter = Counter()
    missed = []
    for kind, typed, word in slips:
        rows = rows_from_pairs([("他说了这句话。", f"He said the word {typed} then."), ("我们走吧。", "Let us go.")])
        reported = any(f.severity in ("warning", "error") for f in check_rows(rows, select=["typo"]))
        total[kind] += 1
        found[kind] += reported
        if not reported:
            missed.append(f"{typed} ({word})")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(slips)} slips of the {args.words} commonest words (seed {args.seed}); reported at warning or above:")
    for kind in _KINDS:
        print(f"  {kind:13s} {found[kind] / max(total[kind], 1):.3f} ({total[kind]})")
    print(f"  {'all':13s} {sum(found.values()) / max(len(slips), 1):.3f}")
    print(f"not reported, first 30: {', '.join(missed[:30])}")
    print(f"{elapsed:.1f} s (CPU {cpu:.1f} s); peak RSS {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
