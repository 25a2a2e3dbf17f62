"""False alarms and recall of the QA checks on whole documents of every domain.

``check_quality.py`` measures the checks on MAC-Dev pairs shuffled together.
A translator checks a whole document, of any kind: this benchmark checks each
distinct development document (the six MAC-Dev chapters; the NewDomains-Dev
news, software documentation and TED talks) as one file, its rows being the
gold beads with both sides, in document order, so that every check sees the
document around each row (names learnt from it, its usual length ratio, its
own lexicon).

Two runs per document, each in Simplified and in Traditional (OpenCC s2t):

* **nothing injected**: the published translation as it is.  The share of
  rows with a finding of severity warning or error is what a translator sees
  on a clean text (the gold of a published translation is mostly clean, so
  this counts some real slips too);
* **injected**: with a fixed seed, about ``--share`` of the rows (6 %) get one
  error of a known kind, with ``check_quality.py``'s injectors (a name
  removed, a number changed, a typo, Chinese left in the English, clauses
  dropped, an unrelated sentence appended); recall per code, and false alarms
  on the rows left as they were.

Prints per domain: rows, false alarms with nothing injected (any code, and the
codes that fire most), recall per code and false alarms with errors injected,
and whether Simplified and Traditional agree; then the time.

Usage::

    python benchmarks/check_documents.py                 # every domain (a few minutes)
    python benchmarks/check_documents.py --domains news  # one domain
    python benchmarks/check_documents.py --show news     # print the clean rows flagged in news
    python benchmarks/check_documents.py --calibration lodo  # confidence models fitted without each document's domain
    python benchmarks/check_documents.py --doubtful-below 0  # no finding kept at info for doubt: what that rule buys
    python benchmarks/check_documents.py --probes --share 0.3 --seeds 0-9  # the unseen-domain probe documents
    python benchmarks/check_documents.py --probes --probes-file new.tsv --share 0.3 --seeds 0-9  # probes of your own

``--probes`` checks the short documents of ``tests/data/other_domains_clean.tsv`` (law, contracts, recipes,
subtitles, scripture ...: kinds the dev sets lack) instead, as one domain, ``probes``; the shipped confidence
models never saw them.  They were written while the classes they probe were fixed: they guard those classes,
they do not measure unseen text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import devsets
from check_quality import INJECTORS, KINDS, _seed_list

SERIOUS = ("warning", "error")
# The --min-confidence levels measured besides none: what a reviewer trades for fewer false alarms.
CONFIDENCE_LEVELS = (0.5, 0.8)
# Rarer kinds first, so that they get the rows that suit them (as in check_quality.build).
ORDER = ("number-mismatch", "entity-missing", "omission", "typo", "addition", "untranslated")


def document_rows(doc: devsets.EvalDoc) -> list[tuple[str, str]]:
    """``(zh, en)`` of every gold bead with both sides, in order, each side's sentences joined as the aligner joins them.

    >>> d = devsets.EvalDoc("d", "s", "news", ["甲。", "乙。", "丙。"], ["A.", "B."], [((0, 1), (0,)), ((2,), ()), ((), (1,))], True)
    >>> document_rows(d)
    [('甲。乙。', 'A.')]
    """
    rows = []
    for zh_ids, en_ids in doc.gold:
        if zh_ids and en_ids:
            zh = "".join(doc.zh[i].strip() for i in zh_ids)
            en = " ".join(doc.en[j].strip() for j in en_ids)
            if zh and en:
                rows.append((zh, en))
    return rows


def inject(rows: list[tuple[str, str]], others: list[str], share: float, seed: int) -> list[tuple[str, str, str]]:
    """``(kind or 'clean', zh, en)`` per row: about ``share`` of the rows, picked at random, get one error each.

    A picked row gets the first kind, in turn, that suits it; one that suits none stays clean.

    >>> rows = [("他有三个孩子。", "He has 3 children.")] * 50
    >>> kinds = [k for k, _, _ in inject(rows, ["It rained."], 0.1, 1)]
    >>> len(kinds), 3 <= sum(k != "clean" for k in kinds) <= 6
    (50, True)
    """
    rng = random.Random(seed)
    picked = set(rng.sample(range(len(rows)), max(1, round(share * len(rows))))) if rows else set()
    out = []
    turn = 0
    for index, (zh, en) in enumerate(rows):
        if index not in picked:
            out.append(("clean", zh, en))
            continue
        for step in range(len(ORDER)):
            kind = ORDER[(turn + step) % len(ORDER)]
            damaged = INJECTORS[kind](zh, en, rng, others)
            new_zh, new_en = damaged if isinstance(damaged, tuple) else (zh, damaged)
            if new_en and (new_zh, new_en) != (zh, en):
                out.append((kind, new_zh, new_en))
                turn += 1
                break
        else:
            out.append(("clean", zh, en))
    return out


def check_document(pairs: list[tuple[str, str]], calibration: dict | None = None) -> dict[int, list]:
    """Findings of severity warning or error by row (0-based), the document checked as one file.

    ``calibration``: confidence models to use instead of the shipped ones.
    """
    from corpus_align.checks import check_rows, rows_from_pairs

    by_row: dict[int, list] = defaultdict(list)
    for finding in check_rows(rows_from_pairs(pairs), calibration=calibration):
        if finding.severity in SERIOUS:
            by_row[finding.row - 1].append(finding)
    return by_row


def score(kinds: list[str], by_row: dict[int, list]) -> dict:
    """Counts of one checked document: clean rows and those flagged (by code), injected rows and those found.

    ``at_confidence`` holds the same counts for the findings kept by each ``--min-confidence`` level.
    """
    result = _score(kinds, by_row)
    result["at_confidence"] = {
        level: _score(kinds, {i: [f for f in found if f.confidence is None or f.confidence >= level] for i, found in by_row.items()})
        for level in CONFIDENCE_LEVELS
    }
    return result


def _score(kinds: list[str], by_row: dict[int, list]) -> dict:
    clean = [i for i, k in enumerate(kinds) if k == "clean"]
    flagged_codes: Counter = Counter()
    for i in clean:
        flagged_codes.update({f.code for f in by_row[i]})
    found = {kind: [0, 0] for kind in KINDS}
    for i, kind in enumerate(kinds):
        if kind != "clean":
            found[kind][1] += 1
            found[kind][0] += any(f.code == kind for f in by_row[i])
    return {"clean": len(clean), "flagged": sum(1 for i in clean if by_row[i]), "codes": flagged_codes, "found": found,
            "flagged_rows": [i for i in clean if by_row[i]]}


def _add(total: dict, part: dict) -> None:
    for level, counts in part.get("at_confidence", {}).items():
        _add(total.setdefault("at_confidence", {}).setdefault(level, _empty()), counts)
    total["clean"] += part["clean"]
    total["flagged"] += part["flagged"]
    total["codes"].update(part["codes"])
    for kind, (hit, n) in part["found"].items():
        total["found"][kind][0] += hit
        total["found"][kind][1] += n


def _empty() -> dict:
    return {"clean": 0, "flagged": 0, "codes": Counter(), "found": {kind: [0, 0] for kind in KINDS}}


def _rate(hit: int, n: int) -> str:
    return f"{hit / n:.3f}" if n else "-"


def leave_one_domain_out_models(data_path: Path | None, bench: Path) -> dict[str, dict]:
    """``domain -> code -> weights``: the confidence models refitted without that domain's documents.

    The labelled findings are ``calibrate_findings.py``'s (seeds 0-2), read from ``data_path`` when it
    exists, else collected (about 1.5 minutes) and written there if a path is given.
    """
    import pickle

    import calibrate_findings

    if data_path and data_path.exists():
        data = pickle.loads(data_path.read_bytes())
    else:
        every = devsets.distinct(devsets.load_mac(bench) + devsets.load_newdomains(bench))
        data = calibrate_findings.collect(every, [0, 1, 2], 0.06)
        if data_path:
            data_path.write_bytes(pickle.dumps(data))
    models: dict[str, dict] = {}
    for domain in devsets.DOMAINS:
        models[domain] = {code: calibrate_findings.model_of([s for s in samples if s[2] != domain])
                          for code, samples in data.items() if any(right for _, right, dom in samples if dom != domain)}
    return models


def run(docs: list[devsets.EvalDoc], share: float, seeds: list[int], show: str, lodo: dict[str, dict] | None = None) -> int:
    from corpus_align._lazy import opencc_converter

    to_traditional = opencc_converter("s2t").convert
    english = [line for d in docs for line in d.en if line.strip()]
    totals: dict[tuple[str, str, str], dict] = defaultdict(_empty)
    agree = True
    started = time.perf_counter()
    n_rows = 0
    for seed, doc in ((seed, doc) for seed in seeds for doc in docs):
        rows = document_rows(doc)
        n_rows += len(rows)
        others = [line for line in english if line not in set(doc.en)] or english
        injected = inject(rows, others, share, seed)
        variants = {"nothing injected": (["clean"] * len(rows), rows),
                    "injected": ([k for k, _, _ in injected], [(zh, en) for _, zh, en in injected])}
        for variant, (kinds, pairs) in variants.items():
            results, simplified_findings = {}, {}
            for script, data in (("Simplified", pairs), ("Traditional", [(to_traditional(zh), en) for zh, en in pairs])):
                by_row = check_document(data, lodo.get(doc.domain) if lodo else None)  # probes: no model saw them
                if script == "Simplified":
                    simplified_findings = by_row
                results[script] = score(kinds, by_row)
                _add(totals[doc.domain, variant, script], results[script])
            s, t = results["Simplified"], results["Traditional"]
            agree &= (s["flagged_rows"], s["found"]) == (t["flagged_rows"], t["found"])
            if show == doc.domain and variant == "nothing injected":
                for i in s["flagged_rows"]:
                    zh, en = pairs[i]
                    found = "; ".join(f"{f.code} {f.confidence} {f.message}" for f in simplified_findings[i])
                    print(f"FLAGGED {doc.name}:{i + 1} {zh} | {en}\n    {found}")
    elapsed = time.perf_counter() - started
    domains = sorted({d for d, _, _ in totals}, key=lambda d: devsets.DOMAINS.index(d) if d in devsets.DOMAINS else len(devsets.DOMAINS))
    probes_only = all(doc.set_name == "probes" for doc in docs)
    print("Confidence models: " + ("shipped (fitted on the development documents, none of these)" if probes_only else
                                   "refitted without the document's domain (leave-one-domain-out)" if lodo
                                   else "shipped (fitted on these documents: in-sample)"))
    print()
    print("False alarms: clean rows with a finding of severity warning or error (Simplified; Traditional after /)")
    print()
    print("| domain | rows | nothing injected | most frequent codes | injected: clean rows flagged |")
    print("|---|---|---|---|---|")
    for domain in domains:
        s, t = totals[domain, "nothing injected", "Simplified"], totals[domain, "nothing injected", "Traditional"]
        si, ti = totals[domain, "injected", "Simplified"], totals[domain, "injected", "Traditional"]
        codes = ", ".join(f"{code} {count / s['clean']:.3f}" for code, count in s["codes"].most_common(3))
        print(f"| {domain} | {s['clean']} | {_rate(s['flagged'], s['clean'])} / {_rate(t['flagged'], t['clean'])} | {codes} "
              f"| {_rate(si['flagged'], si['clean'])} / {_rate(ti['flagged'], ti['clean'])} |")
    print()
    print("Recall on injected rows (Simplified; injected count in brackets)")
    print()
    print("| domain | " + " | ".join(KINDS) + " |")
    print("|---" * (len(KINDS) + 1) + "|")
    for domain in domains:
        found = totals[domain, "injected", "Simplified"]["found"]
        print(f"| {domain} | " + " | ".join(f"{_rate(*found[k])} ({found[k][1]})" for k in KINDS) + " |")
    print()
    print("With --min-confidence (Simplified): clean rows flagged, nothing injected / recall on injected rows, all codes pooled")
    print()
    print("| domain | none | " + " | ".join(f"≥ {level}" for level in CONFIDENCE_LEVELS) + " |")
    print("|---" * (len(CONFIDENCE_LEVELS) + 2) + "|")
    for domain in domains:
        cells = []
        for level in (None, *CONFIDENCE_LEVELS):
            clean = totals[domain, "nothing injected", "Simplified"]
            injected = totals[domain, "injected", "Simplified"]
            if level is not None:
                clean, injected = clean["at_confidence"][level], injected["at_confidence"][level]
            hit = sum(h for h, _ in injected["found"].values())
            n = sum(n for _, n in injected["found"].values())
            cells.append(f"{_rate(clean['flagged'], clean['clean'])} / {_rate(hit, n)}")
        print(f"| {domain} | " + " | ".join(cells) + " |")
    print()
    print("Simplified and Traditional agree on every document" if agree else "Simplified and Traditional DIFFER on some document")
    print(f"{len(docs)} documents, {n_rows // len(seeds)} rows, {len(seeds)} injection seed{'s' * (len(seeds) > 1)}, "
          f"each checked 4 times a seed (nothing injected / injected, Simplified / Traditional): "
          f"{elapsed:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    parser.add_argument("--domains", default="", help="comma list of domains (default all: literary,news,docs,ted)")
    parser.add_argument("--share", type=float, default=0.06, help="share of the rows injected (default 0.06)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", default="", help="several injection seeds, pooled: '0-9' or '0,1,2' (instead of --seed)")
    parser.add_argument("--probes", action="store_true",
                        help="check the unseen-domain probe documents (tests/data/other_domains_clean.tsv) instead")
    parser.add_argument("--probes-file", type=Path, default=None,
                        help="with --probes: another file of clean documents (domain<TAB>zh<TAB>en per row), such as "
                             "new probes written before any change, to measure them as unseen text")
    parser.add_argument("--show", default="", help="print the rows of this domain flagged with nothing injected")
    parser.add_argument("--calibration", choices=("shipped", "lodo"), default="shipped",
                        help="confidence models: the shipped ones (in-sample) or refitted leaving each domain out")
    parser.add_argument("--data", type=Path, help="with --calibration lodo: calibrate_findings.py's labelled findings (pickle), "
                                                  "read if it exists, else written")
    parser.add_argument("--doubtful-below", type=float, default=None,
                        help="report findings under this confidence at severity info instead of the shipped "
                             "checks/params.py DOUBTFUL_BELOW (0 reports every finding at its check's severity: what "
                             "the doubtful rule costs and saves)")
    args = parser.parse_args(argv)
    if args.doubtful_below is not None:
        import corpus_align.checks.params as check_params

        check_params.DOUBTFUL_BELOW = args.doubtful_below
    if args.probes_file and not args.probes:
        parser.error("--probes-file needs --probes")
    if args.probes_file and not args.probes_file.is_file():
        parser.error(f"--probes-file {args.probes_file}: no such file")
    if args.probes:
        docs = devsets.load_probes(args.probes_file or devsets.PROBES)
    else:
        docs = devsets.distinct(devsets.load_mac(args.bench) + devsets.load_newdomains(args.bench))
    wanted = [d.strip() for d in args.domains.split(",") if d.strip()]
    unknown = [d for d in wanted if d not in devsets.DOMAINS]
    if unknown:
        parser.error(f"unknown domain {unknown[0]!r}; choose from {', '.join(devsets.DOMAINS)}")
    if wanted:
        docs = [d for d in docs if d.domain in wanted]
    lodo = leave_one_domain_out_models(args.data, args.bench) if args.calibration == "lodo" else None
    seeds = _seed_list(args.seeds) if args.seeds else [args.seed]
    return run(docs, args.share, seeds, args.show, lodo)


if __name__ == "__main__":
    sys.exit(main())
