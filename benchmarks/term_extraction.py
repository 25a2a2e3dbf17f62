"""Precision and recall of term extraction (``corpus-align terms``) against hand-built name and term lists.

Five development documents — two MAC-Dev chapters (002 *The Deer and the Cauldron*, 003 *The Story of the
Stone*), one news set (news-wmt21-enzh), one TED talk (ted2016-2357) and one Python documentation section
(pydoc-tutorial) — each read as its gold rows with both sides (``check_documents.document_rows``), as an
aligned file would give them.  The lists are ``benchmarks/data/terms/<doc>.tsv``: ``zh<TAB>en[|en...]<TAB>kind``,
built by hand; how, and their caveat, is in ``benchmarks/data/terms/README.md``.

Per document and pooled: precision of the top ``--top`` candidates (100; all of them when there are fewer),
the share of the hand list found among them (recall), the time of the extraction and its peak memory
(Python's allocations, tracemalloc, NumPy's included), and the process's peak RSS at the end.

A candidate is right when the list has its Chinese (Simplified) and one of the list's English renderings,
compared without case and a final plural *s*.

Usage::

    python benchmarks/term_extraction.py               # the five documents, --min-count 3 as the command
    python benchmarks/term_extraction.py --min-count 2 --show 002   # and print 002's candidates, marked
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets  # noqa: E402
from check_documents import document_rows  # noqa: E402

DOCUMENTS = (("mac-dev", "002"), ("mac-dev", "003"), ("newdomains-dev", "news-wmt21-enzh"),
             ("newdomains-dev", "ted2016-2357"), ("newdomains-dev", "pydoc-tutorial"))
LISTS = Path(__file__).resolve().parent / "data" / "terms"


def read_list(path: Path) -> dict[str, set[str]]:
    """A hand list: Chinese → its accepted English renderings, folded by :func:`fold`."""
    found: dict[str, set[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en = line.split("\t")[:2]
        found.setdefault(zh, set()).update(fold(e) for e in en.split("|"))
    return found


def fold(english: str) -> str:
    """English compared without case, hyphens as spaces, and without a final plural *s*.

    >>> fold("Goong-goong"), fold("Functions")
    ('goong goong', 'function')
    """
    text = " ".join(english.lower().replace("-", " ").split())
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def load(set_name: str, name: str) -> devsets.EvalDoc:
    docs = devsets.load_mac() if set_name == "mac-dev" else devsets.load_newdomains()
    return next(d for d in docs if d.name == name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--show", action="append", default=[], help="print this document's candidates, marked right (+) or not (-)")
    args = parser.parse_args(argv)
    from corpus_align.terms import extract_terms

    extract_terms(document_rows(load(*DOCUMENTS[0]))[:40])  # load the dictionaries before the clock starts
    print(f"{'document':<18}{'rows':>6}{'cands':>7}{'N':>5}{'P@N':>7}{'list':>6}{'recall':>8}{'s':>7}{'MB':>7}")
    pooled = [0, 0, 0, 0]  # right, N, found, listed
    for set_name, name in DOCUMENTS:
        rows = document_rows(load(set_name, name))
        truth = read_list(LISTS / f"{name}.tsv")
        tracemalloc.start()
        started = time.perf_counter()
        candidates = extract_terms(rows, min_count=args.min_count)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        top = candidates[: args.top]
        marks = [fold(c.en) in truth.get(c.zh, ()) for c in top]
        found = {c.zh for c, ok in zip(top, marks, strict=True) if ok}
        right, n = sum(marks), len(top)
        print(f"{name:<18}{len(rows):>6}{len(candidates):>7}{n:>5}{right / max(n, 1):>7.2f}{len(truth):>6}"
              f"{len(found) / max(len(truth), 1):>8.2f}{seconds:>7.1f}{peak:>7.0f}")
        pooled = [pooled[0] + right, pooled[1] + n, pooled[2] + len(found), pooled[3] + len(truth)]
        if name in args.show:
            for c, ok in zip(top, marks, strict=True):
                print(f"  {'+' if ok else '-'} {c.zh}\t{c.en}\t{c.kind}\t{c.rows}/{c.zh_rows}\t{c.score:.0f}\trow {c.example_row}")
    print(f"{'pooled':<18}{'':>6}{'':>7}{pooled[1]:>5}{pooled[0] / max(pooled[1], 1):>7.2f}{pooled[3]:>6}"
          f"{pooled[2] / max(pooled[3], 1):>8.2f}")
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
