"""Alignment quality on the dev sets and on harder variants derived from them.

Each document is aligned as ``corpus-align align --presegmented`` does
(through ``corpus_align.alignment.align``) and scored against its gold ladder
with the Vecalign/Bertalign metric (``corpus_align.aligner.evaluate``):
strict P/R/F1, lax F1, the one-sided share (test beads with an empty side /
all test beads), null-R (gold one-sided beads output exactly), seconds.
Documents are pooled per set by summing counts.  The sets
(``benchmarks/devsets.py`` builds them, seed 0 unless ``--seed``):

* ``mac``: the 6 MAC-Dev chapters (literary);
* ``news``, ``docs``, ``ted``: the NewDomains-Dev documents of that domain.
  The ``long-*`` documents (marked ``*``) repeat the lines of the others, so
  they are shown but left out of every pooled number;
* ``joined``: every distinct document with ~15% of neighbouring lines joined
  on one side (English, Chinese, English, ... across documents): 2-1 and 1-2 beads;
* ``deleted``: every distinct document with ~2% of one side's lines deleted:
  their partners should come out one-sided;
* ``block``: every distinct document of 800 lines or more with 200
  consecutive lines cut from one side in its middle third.  ``blk-1s`` is the
  share of the block's partner lines output one-sided (the F1 inside the
  block), ``out-F1`` the strict F1 of the beads outside the block;
* ``chapter``: the six MAC-Dev chapters as one document with one chapter
  missing from one side (English, Chinese, ... in turn): six variants, scored
  like ``block`` over the missing chapter's partner lines;
* ``concat``: the 28 distinct documents as one document of ~22k lines a side:
  the pooled score of the whole, then each document's strict F1 inside the
  concatenation against the same document aligned alone, and the largest drop.

The derived sets come from all distinct documents whatever base sets are
chosen.  A per-domain summary and the peak RSS of the process end the report.

Usage::

    python benchmarks/align_quality.py                       # everything (several minutes)
    python benchmarks/align_quality.py --sets mac,block      # some sets
    python benchmarks/align_quality.py --quick --json q.json # no concat, no long-* documents; numbers as JSON
    python benchmarks/align_quality.py --sets mac --baseline # with nltk's Gale–Church on MAC-Dev

From Python, ``evaluate(docs, align_fn)`` scores any aligner that maps
``(zh_lines, en_lines)`` to a list of ``(zh_ids, en_ids)`` beads.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import devsets
from corpus_align.aligner.evaluate import pool, score
from devsets import Bead, EvalDoc

AlignFn = Callable[[list[str], list[str]], list[Bead]]

SETS = ("mac", "news", "docs", "ted", "joined", "deleted", "block", "chapter", "concat")
BASE_SETS = ("mac", "news", "docs", "ted")
TITLES = {
    "mac": "MAC-Dev (literary)",
    "news": "NewDomains-Dev: news",
    "docs": "NewDomains-Dev: Python docs",
    "ted": "NewDomains-Dev: TED",
    "joined": "joined: ~15% of neighbouring lines joined on one side",
    "deleted": "deleted: ~2% of one side's lines deleted",
    "block": "block: 200 consecutive lines cut from one side",
    "chapter": "chapter: the six MAC-Dev chapters as one document, one chapter missing from one side",
    "concat": "concat: the distinct documents as one document",
}
PUBLISHED = [("Gale–Church", 0.485), ("Hunalign", 0.610), ("Bleualign", 0.641), ("Vecalign", 0.863), ("Bertalign", 0.911)]


# ---------------------------------------------------------------------------
# Aligners


def engine_align(zh: list[str], en: list[str], **options) -> list[Bead]:
    """corpus-align on presegmented lines (one paragraph: the lines hold no blank line)."""
    from corpus_align.alignment import align

    result = align("\n".join(zh), "\n".join(en), presegmented=True, **options)
    return [(tuple(b.zh), tuple(b.en)) for b in result.beads]


def gale_church_beads(zh: list[str], en: list[str]) -> list[Bead]:
    """nltk's Gale–Church with character lengths, the whole document as one block."""
    from nltk.translate.gale_church import align_blocks

    zl = [max(1, len(s.replace(" ", ""))) for s in zh]
    el = [max(1, len(s.replace(" ", ""))) for s in en]
    # nltk assumes equal expected lengths; rescale the Chinese side by the document's ratio.
    ratio = sum(el) / sum(zl)
    pairs = align_blocks([max(1, round(x * ratio)) for x in zl], el)
    # Turn sentence links into beads: connected components of the link graph.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(("z", a))] = find(("e", b))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i in range(len(zh)):
        groups.setdefault(find(("z", i)), (set(), set()))[0].add(i)
    for j in range(len(en)):
        groups.setdefault(find(("e", j)), (set(), set()))[1].add(j)
    beads = [(tuple(sorted(z)), tuple(sorted(e))) for z, e in groups.values()]
    return sorted(beads, key=lambda b: (min(b[0], default=1e9) if b[0] else min(b[1]) - 0.5, min(b[1], default=1e9)))


# ---------------------------------------------------------------------------
# Measuring (no printing)


def measure(doc: EvalDoc, test: Sequence[Bead], seconds: float) -> dict:
    """Every number for one aligned document, as a JSON-ready dict."""
    test = [(tuple(z), tuple(e)) for z, e in test]
    have = set(test)
    nulls = [b for b in doc.gold if not b[0] or not b[1]]
    result: dict = {
        "name": doc.name,
        "set": doc.set_name,
        "domain": doc.domain,
        "distinct": doc.distinct,
        "complete": doc.complete,
        "n_zh": len(doc.zh),
        "n_en": len(doc.en),
        "seconds": seconds,
        "n_beads": len(test),
        "one_sided": sum(1 for z, e in test if not z or not e),
        "one_sided_share": devsets.one_sided_share(test),
        "gold_nulls": len(nulls),
        "nulls_found": sum(1 for b in nulls if b in have),
        "score": score(doc.gold, test),
    }
    if doc.block:
        side, start, stop = doc.block
        result["block"] = {
            "side": side,
            "start": start,
            "stop": stop,
            "lines": stop - start,
            "one_sided_share": devsets.one_sided_in_range(test, start, stop, side=side),
            "outside": devsets.score_range(doc.gold, test, start, stop, side=side, inside=False),
        }
    if doc.parts:
        result["parts"] = [
            {"name": p.name, "domain": p.domain, "score": score(gold, part)}
            for p, gold, part in zip(doc.parts, devsets.split_parts(doc.gold, doc.parts), devsets.split_parts(test, doc.parts), strict=True)
        ]
    return result


def evaluate(docs: Iterable[EvalDoc], align_fn: AlignFn = engine_align, on_result: Callable[[dict], None] | None = None) -> list[dict]:
    """Align and score each document; ``on_result`` sees each result as soon as it is ready."""
    results = []
    for doc in docs:
        started = time.perf_counter()
        test = align_fn(list(doc.zh), list(doc.en))
        result = measure(doc, test, time.perf_counter() - started)
        results.append(result)
        if on_result:
            on_result(result)
    return results


def pooled(results: Sequence[dict]) -> dict:
    """Pool documents: summed counts, summed seconds, one-sided share over all their test beads."""
    beads = sum(r["n_beads"] for r in results)
    out = {
        "documents": len(results),
        "n_zh": sum(r["n_zh"] for r in results),
        "n_en": sum(r["n_en"] for r in results),
        "seconds": sum(r["seconds"] for r in results),
        "n_beads": beads,
        "one_sided": sum(r["one_sided"] for r in results),
        "one_sided_share": sum(r["one_sided"] for r in results) / beads if beads else 0.0,
        "gold_nulls": sum(r["gold_nulls"] for r in results),
        "nulls_found": sum(r["nulls_found"] for r in results),
        "score": pool(r["score"] for r in results),
    }
    blocks = [r["block"] for r in results if "block" in r]
    if blocks:
        lines = sum(b["lines"] for b in blocks)
        out["block"] = {
            "lines": lines,
            "one_sided_share": sum(b["one_sided_share"] * b["lines"] for b in blocks) / lines if lines else 0.0,
            "outside": pool(b["outside"] for b in blocks),
        }
    return out


def concat_comparison(concat: dict, alone: dict[str, dict]) -> list[dict]:
    """Each part of the concatenation: its strict F1 there and aligned alone (``alone`` maps names to results)."""
    rows = []
    for part in concat["parts"]:
        single = alone[part["name"]]["score"]["strict_f1"]
        inside = part["score"]["strict_f1"]
        rows.append({"name": part["name"], "domain": part["domain"], "alone_f1": single, "concat_f1": inside, "drop": single - inside})
    return rows


def domain_summary(results: Sequence[dict]) -> dict[str, dict]:
    """Pooled numbers per domain: the distinct base documents, each derived set, and the parts of the concatenation."""
    summary: dict[str, dict] = {}
    for domain in devsets.DOMAINS:
        row: dict = {}
        base = [r for r in results if r["set"] in ("mac-dev", "newdomains-dev") and r["distinct"] and r["domain"] == domain]
        if base:
            row["base"] = pooled(base)
        for name in ("joined", "deleted", "block", "chapter"):
            chosen = [r for r in results if r["set"] == name and r["domain"] == domain]
            if chosen:
                row[name] = pooled(chosen)
        parts = [p["score"] for r in results if r["set"] == "concat" for p in r["parts"] if p["domain"] == domain]
        if parts:
            row["concat"] = {"score": pool(parts)}
        if row:
            summary[domain] = row
    return summary


def signature(args: argparse.Namespace) -> dict:
    """What produced the numbers: versions, commit, settings."""
    import corpus_align

    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", None
    return {
        "corpus_align": corpus_align.__version__,
        "commit": commit,
        "src_modified": dirty,
        "python": platform.python_version(),
        "sets": list(args.sets),
        "seed": args.seed,
        "sides": args.sides,
        "quick": args.quick,
        "realign": not args.no_realign,
    }


# ---------------------------------------------------------------------------
# Building the documents of each set


def docs_for(set_name: str, mac: list[EvalDoc], newdomains: list[EvalDoc], args: argparse.Namespace) -> list[EvalDoc]:
    base = devsets.distinct(mac + newdomains)
    if set_name == "mac":
        return mac
    if set_name in ("news", "docs", "ted"):
        return [d for d in newdomains if d.domain == set_name and (d.distinct or not args.quick)]
    if set_name == "joined":
        return [devsets.joined(d, side, seed=args.seed) for d, side in devsets.alternate_sides(base, args.sides)]
    if set_name == "deleted":
        return [devsets.deleted(d, side, seed=args.seed) for d, side in devsets.alternate_sides(base, args.sides)]
    if set_name == "block":
        candidates = (devsets.with_block_removed(d, side, seed=args.seed) for d, side in devsets.alternate_sides(base, args.sides))
        return [d for d in candidates if d is not None]
    if set_name == "chapter":
        book = replace(devsets.concatenated(mac, name="mac-dev"), domain="literary")
        return [devsets.with_part_removed(book, index, "en" if index % 2 == 0 else "zh") for index in range(len(mac))]
    if set_name == "concat":
        return [devsets.concatenated(base, name=f"concat-{len(base)}")]
    raise ValueError(f"unknown set {set_name!r}; choose from {', '.join(SETS)}")


# ---------------------------------------------------------------------------
# Printing


def out(text: str = "") -> None:
    print(text, flush=True)


def _f(x: float | None, width: int = 7, digits: int = 3) -> str:
    return f"{'-':>{width}}" if x is None else f"{x:>{width}.{digits}f}"


HEADER = f"{'document':<32}{'zh':>6}{'en':>6}{'str-P':>7}{'str-R':>7}{'str-F1':>7}{'lax-F1':>7}{'1-side':>7}{'null-R':>7}{'sec':>8}"
BLOCK_HEADER = HEADER + f"{'blk-1s':>7}{'out-F1':>7}"


def row(name: str, r: dict) -> str:
    s = r["score"]
    null_r = r["nulls_found"] / r["gold_nulls"] if r["gold_nulls"] else None
    line = (f"{name[:32]:<32}{r['n_zh']:>6}{r['n_en']:>6}{_f(s['strict_p'])}{_f(s['strict_r'])}{_f(s['strict_f1'])}"
            f"{_f(s['lax_f1'])}{_f(r['one_sided_share'])}{_f(null_r)}{_f(r['seconds'], 8, 1)}")
    if "block" in r:
        line += _f(r["block"]["one_sided_share"]) + _f(r["block"]["outside"]["strict_f1"])
    return line


def print_doc(r: dict) -> None:
    out(row(r["name"] + ("" if r["distinct"] else " *"), r))


def run_set(set_name: str, docs: list[EvalDoc], align_fn: AlignFn) -> tuple[list[dict], dict | None]:
    out()
    out(TITLES[set_name])
    out(BLOCK_HEADER if set_name in ("block", "chapter") else HEADER)
    results = evaluate(docs, align_fn, print_doc)
    counted = [r for r in results if r["distinct"]]
    total = pooled(counted) if counted else None
    if total and set_name != "concat":
        out(row(f"pooled ({len(counted)} documents)", total))
    if len(counted) < len(results):
        out("* repeats other documents' lines: not pooled")
    return results, total


def run_baseline(mac: list[EvalDoc]) -> dict:
    """nltk's Gale–Church on MAC-Dev, pooled, printed under the MAC-Dev table."""
    total = pooled(evaluate(mac, gale_church_beads))
    out(row("nltk Gale–Church, pooled", total))
    out("published strict F1 on MAC-Dev: " + ", ".join(f"{n} {f:.3f}" for n, f in PUBLISHED))
    return {"name": "nltk gale_church.align_blocks", "pooled": total}


def print_concat(concat: dict, comparison: list[dict]) -> None:
    out()
    out("concat: each document inside the concatenation vs aligned alone (strict F1)")
    out(f"{'document':<32}{'domain':>9}{'alone':>8}{'concat':>8}{'drop':>8}")
    for c in comparison:
        out(f"{c['name']:<32}{c['domain']:>9}{_f(c['alone_f1'], 8)}{_f(c['concat_f1'], 8)}{_f(c['drop'], 8)}")
    parts = pool(p["score"] for p in concat["parts"])
    out(f"{'parts pooled':<32}{'':>9}{'':>8}{_f(parts['strict_f1'], 8)}")
    worst = max(comparison, key=lambda c: c["drop"])
    out(
        f"largest drop: {worst['name']} {worst['alone_f1']:.3f} alone -> {worst['concat_f1']:.3f} in the concatenation"
        f" ({worst['concat_f1'] - worst['alone_f1']:+.3f})"
    )


def compare_concat(results: list[dict], parts: list[EvalDoc], align_fn: AlignFn) -> list[dict]:
    """Print the concatenation's parts against the same documents aligned alone; align those not yet in ``results`` (added to it)."""
    concat = next(r for r in results if r["set"] == "concat")
    alone = {r["name"]: r for r in results if r["set"] in ("mac-dev", "newdomains-dev")}
    missing = [d for d in parts if d.name not in alone]
    if missing:
        out()
        out("aligned alone, for the comparison")
        out(HEADER)
        extra = evaluate(missing, align_fn, print_doc)
        results += extra
        alone.update((r["name"], r) for r in extra)
    comparison = concat_comparison(concat, alone)
    print_concat(concat, comparison)
    return comparison


def print_domains(summary: dict[str, dict]) -> None:
    out()
    out("per domain (pooled; strict F1 unless marked; distinct documents only)")
    out(f"{'domain':<10}{'zh':>7}{'str-F1':>8}{'lax-F1':>8}{'1-side':>8}{'joined':>8}{'deleted':>8}{'blk-1s':>8}{'blk-out':>8}{'concat':>8}")
    for domain, row_ in summary.items():
        base = row_.get("base")

        def f1(key: str, row_: dict = row_) -> float | None:
            return row_[key]["score"]["strict_f1"] if key in row_ else None

        block = (row_.get("block") or row_.get("chapter") or {}).get("block")
        out(f"{domain:<10}{base['n_zh'] if base else '-':>7}{_f(f1('base'), 8)}{_f(base['score']['lax_f1'] if base else None, 8)}"
            f"{_f(base['one_sided_share'] if base else None, 8)}{_f(f1('joined'), 8)}{_f(f1('deleted'), 8)}"
            f"{_f(block['one_sided_share'] if block else None, 8)}{_f(block['outside']['strict_f1'] if block else None, 8)}"
            f"{_f(f1('concat'), 8)}")


# ---------------------------------------------------------------------------


def parse_sets(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(x.strip() for x in text.split(",") if x.strip()))
    unknown = [n for n in names if n not in SETS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown set(s) {', '.join(unknown) or '(none)'}; choose from {','.join(SETS)}")
    return tuple(n for n in SETS if n in names)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Example: python benchmarks/align_quality.py --sets mac,block --json quality.json",
    )
    parser.add_argument("--sets", type=parse_sets, default=SETS, help=f"comma list of sets (default all: {','.join(SETS)})")
    parser.add_argument("--json", type=Path, help="write every number to this JSON file")
    parser.add_argument("--quick", action="store_true", help="skip concat and the long-* documents")
    parser.add_argument("--baseline", action="store_true", help="also run nltk's Gale–Church on MAC-Dev")
    parser.add_argument("--seed", type=int, default=0, help="seed of the derived sets (default 0)")
    parser.add_argument(
        "--sides", default="alternate", choices=("alternate", "both", "zh", "en"), help="side the derived sets change (default alternate)"
    )
    parser.add_argument("--no-realign", action="store_true", help="align without the second pass")
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets if not (args.quick and s == "concat")]

    def align_fn(zh: list[str], en: list[str]) -> list[Bead]:
        return engine_align(zh, en, realign=False) if args.no_realign else engine_align(zh, en)

    mac, newdomains = devsets.load_mac(args.bench), devsets.load_newdomains(args.bench)
    report: dict = {"signature": signature(args)}
    started = time.perf_counter()
    align_fn(["我去了重庆。"], ["I went to Chongqing."])
    out(f"corpus-align {report['signature']['corpus_align']} at {report['signature']['commit'][:10]}"
        f"{' (src modified)' if report['signature']['src_modified'] else ''}{' (no realign)' if args.no_realign else ''}; "
        f"seed {args.seed}; warm-up (lexicon, jieba, compiled kernels) {time.perf_counter() - started:.1f} s")

    if args.quick:
        out("--quick: no concat, no long-* documents")
    newdomain_sets = [s for s in sets if s in ("news", "docs", "ted")]
    last_newdomains = newdomain_sets[-1] if newdomain_sets else None
    results: list[dict] = []
    totals: dict[str, dict] = {}
    for set_name in sets:
        set_results, total = run_set(set_name, docs_for(set_name, mac, newdomains, args), align_fn)
        results += set_results
        if total:
            totals[set_name] = total
        if set_name == "mac" and args.baseline:
            report["baseline"] = run_baseline(mac)
        if set_name == last_newdomains and len(newdomain_sets) > 1:
            nd = [r for r in results if r["set"] == "newdomains-dev" and r["distinct"]]
            totals["newdomains"] = pooled(nd)
            out()
            out(row(f"NewDomains-Dev, {len(nd)} distinct", totals["newdomains"]))
    if args.baseline and "mac" not in sets:
        out()
        out(TITLES["mac"])
        out(HEADER)
        report["baseline"] = run_baseline(mac)

    if "concat" in sets:
        report["concat_comparison"] = compare_concat(results, devsets.distinct(mac + newdomains), align_fn)

    report["domains"] = domain_summary(results)
    print_domains(report["domains"])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out()
    out(f"peak RSS of this process: {peak_mb:.0f} MB")
    report.update(results=results, pooled=totals, peak_rss_mb=peak_mb)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
        out(f"numbers written to {args.json}")


if __name__ == "__main__":
    main(sys.argv[1:])
