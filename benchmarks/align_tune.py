"""Choose the bead-cost constants on the union of the development sets, and report leave-one-domain-out figures.

Every configuration of a small grid (two stages: null cost and length weight,
then lexical weight and prior scale at the first stage's choice) aligns every distinct document of MAC-Dev
and NewDomains-Dev plus their joined-lines and deleted-lines variants (see
``devsets.py``).  For each domain (literary, news, docs, ted) the strict F1 is
pooled over its documents and variants; a configuration's objective is the
mean over domains, so the 13,700 lines of documentation do not outvote the
1,460 of literature.  Leave-one-domain-out: for each domain, the configuration
best on the *other* three domains, and its F1 on the held-out one compared
with the configuration chosen on all four.  One-sided beads are reported as a
share of the beads of the complete (unmodified) documents.

Run: python benchmarks/align_tune.py [--workers 2] [--json FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets  # noqa: E402

DOMAINS = ("literary", "news", "docs", "ted")
# Two stages: the second searches its grid at the first stage's choice.
STAGES = [{"null_cost": [2.0, 3.0, 4.0], "w_len": [0.25, 0.5]}, {"w_lex": [4.0, 6.0, 8.0], "prior_scale": [0.75, 1.0, 1.5]}]


def documents() -> list:
    base = devsets.distinct(devsets.load_mac() + devsets.load_newdomains())
    docs = list(base)
    for doc, side in devsets.alternate_sides(base):
        docs.append(devsets.joined(doc, side))
        docs.append(devsets.deleted(doc, side))
    return docs


def run_config(config: dict) -> dict:
    from corpus_align.aligner.engine import align_document
    from corpus_align.aligner.evaluate import pool, score
    from corpus_align.aligner.scores import CostParams

    params = CostParams.default().with_(**config)
    by_domain: dict[str, list] = {d: [] for d in DOMAINS}
    one_sided = total = 0
    started = time.perf_counter()
    for doc in documents():
        beads = [(b.zh, b.en) for b in align_document(doc.zh, doc.en, params=params).beads]
        by_domain[doc.domain].append(score(doc.gold, beads))
        if doc.set_name in ("mac-dev", "newdomains-dev"):
            one_sided += sum(1 for z, e in beads if not z or not e)
            total += len(beads)
    f1 = {d: pool(scores)["strict_f1"] for d, scores in by_domain.items()}
    return {"config": config, "f1": f1, "one_sided": one_sided / max(total, 1), "seconds": time.perf_counter() - started}


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: list[dict] = []
    chosen: dict = {}
    for grid in STAGES:
        configs = [{**chosen, **dict(zip(grid, values, strict=True))} for values in itertools.product(*grid.values())]
        configs = [c for c in configs if c not in [r["config"] for r in results]]
        if args.workers > 1:
            from multiprocessing import Pool

            with Pool(args.workers) as workers:
                results += workers.map(run_config, configs)
        else:
            results += [run_config(c) for c in configs]
        chosen = max(results, key=lambda r: mean(r["f1"].values()))["config"]

    print("strict F1 pooled per domain (documents + joined + deleted variants); one-sided share on complete documents")
    print(f"{'config':<60}" + "".join(f"{d:>10}" for d in DOMAINS) + f"{'mean':>8}{'1-side':>8}{'sec':>7}")
    for r in results:
        label = " ".join(f"{k}={v}" for k, v in r["config"].items())
        print(f"{label:<60}" + "".join(f"{r['f1'][d]:>10.3f}" for d in DOMAINS)
              + f"{mean(r['f1'].values()):>8.3f}{r['one_sided']:>8.4f}{r['seconds']:>7.0f}")
    best = max(results, key=lambda r: mean(r["f1"].values()))
    print(f"\nchosen on all four domains: {best['config']}")
    print("\nleave one domain out: the configuration best on the other three, scored on the held-out domain")
    print(f"{'held out':<10}{'chosen without it':<60}{'F1 there':>9}{'all-domain choice':>19}{'diff':>7}")
    lodo = {}
    for held in DOMAINS:
        others = [d for d in DOMAINS if d != held]
        pick = max(results, key=lambda r: mean(r["f1"][d] for d in others))
        label = " ".join(f"{k}={v}" for k, v in pick["config"].items())
        diff = pick["f1"][held] - best["f1"][held]
        lodo[held] = {"config": pick["config"], "f1": pick["f1"][held], "all_domain_f1": best["f1"][held], "diff": diff}
        print(f"{held:<10}{label:<60}{pick['f1'][held]:>9.3f}{best['f1'][held]:>19.3f}{diff:>7.3f}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "chosen": best["config"], "lodo": lodo}, indent=2))


if __name__ == "__main__":
    main()
