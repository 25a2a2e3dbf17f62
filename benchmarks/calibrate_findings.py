"""Calibrate the confidence of QA findings, and measure how well it is calibrated.

Data: every distinct development document (MAC-Dev's six chapters; NewDomains-Dev news,
documentation and TED talks), checked as one file, with about 6 % of its rows given one
injected error each (``check_documents.py``'s injection; one run per seed).  A finding of
the injected code on an injected row is *right*; a finding on a row left clean is *wrong*
(the published translations are mostly clean, so a few of these are real slips); a
finding of another code on an injected row is left out (an omission that drops a number
makes a number-mismatch that is neither).

For each code with injected errors, a logistic model over the features of
``corpus_align.checks.calibration.finding_features`` (L2-regularised, Newton's method)
gives the confidence.  Printed per code: findings, the share right, and at confidence
≥ 0.8 the findings kept, the share of them right (target ≥ 0.9) and the share of the right
findings kept; a reliability table (mean confidence against the share right, by bin); and
the same at ≥ 0.8 leaving each domain out of the fit (leave-one-domain-out).

Usage::

    python benchmarks/calibrate_findings.py            # evaluate the shipped calibration (about 1.5 minutes)
    python benchmarks/calibrate_findings.py --write    # refit on seeds 0-2 and write resources/checks/calibration.json
    python benchmarks/calibrate_findings.py --write --codes omission   # refit one code, keep the others' models
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

import devsets
from check_documents import document_rows, inject
from check_quality import KINDS

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION = ROOT / "src" / "corpus_align" / "resources" / "checks" / "calibration.json"
THRESHOLD = 0.8
L2 = 1.0
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


def collect(docs: list[devsets.EvalDoc], seeds: list[int], share: float) -> dict[str, list[tuple[dict, bool, str]]]:
    """``code -> [(features, right, domain)]`` over every document and seed."""
    from corpus_align.checks import check_rows, rows_from_pairs
    from corpus_align.checks.calibration import finding_features

    english = [line for d in docs for line in d.en if line.strip()]
    data: dict[str, list[tuple[dict, bool, str]]] = defaultdict(list)
    for seed in seeds:
        for doc in docs:
            own = set(doc.en)
            others = [line for line in english if line not in own] or english
            injected = inject(document_rows(doc), others, share, seed)
            rows = rows_from_pairs([(zh, en) for _, zh, en in injected])
            findings = check_rows(rows)
            for finding, features in zip(findings, finding_features(findings, rows), strict=True):
                kind = injected[finding.row - 1][0]
                if kind == "clean" or kind == finding.code:
                    data[finding.code].append((features, kind == finding.code, doc.domain))
    return data


def _matrix(samples: list[tuple[dict, bool, str]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[1.0] + [features.get(name, 0.0) for name in names] for features, _, _ in samples])
    y = np.array([right for _, right, _ in samples], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights of an L2-regularised logistic regression (the intercept, column 0, not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def feature_names(samples: list[tuple[dict, bool, str]]) -> list[str]:
    return sorted({name for features, _, _ in samples for name in features})


def predict(model: dict[str, float], samples: list[tuple[dict, bool, str]]) -> np.ndarray:
    from corpus_align.checks.calibration import confidence_of

    return np.array([confidence_of(model, features) for features, _, _ in samples])


def model_of(samples: list[tuple[dict, bool, str]], l2: float = L2) -> dict[str, float]:
    """The weights of one code's model, and the range of each feature in ``samples`` (``low:NAME``, ``high:NAME``)."""
    names = feature_names(samples)
    x, y = _matrix(samples, names)
    w = fit(x, y, l2=l2)
    model = {"intercept": float(w[0]), **{name: float(weight) for name, weight in zip(names, w[1:], strict=True)}}
    for i, name in enumerate(names, start=1):
        model["low:" + name], model["high:" + name] = float(x[:, i].min()), float(x[:, i].max())
    return model


def at_threshold(confidence: np.ndarray, right: np.ndarray) -> tuple[int, float | None, float | None]:
    kept = confidence >= THRESHOLD
    precision = float(right[kept].mean()) if kept.any() else None
    recall = float(right[kept].sum() / right.sum()) if right.sum() else None
    return int(kept.sum()), precision, recall


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def evaluate(data: dict[str, list[tuple[dict, bool, str]]], models: dict[str, dict[str, float]], l2: float = L2) -> dict:
    """Print and return the figures of ``models`` on ``data``, and leave-one-domain-out refits."""
    figures: dict = {}
    print(f"| code | findings | right | kept at ≥ {THRESHOLD} | right among kept | right findings kept |")
    print("|---|---|---|---|---|---|")
    for code in KINDS:
        samples = data.get(code, [])
        if not samples or code not in models:
            continue
        right = np.array([r for _, r, _ in samples], dtype=float)
        kept, precision, recall = at_threshold(predict(models[code], samples), right)
        figures[code] = {"findings": len(samples), "right": float(right.mean()), "kept": kept, "precision": precision,
                         "right_kept": recall}
        print(f"| {code} | {len(samples)} | {right.mean():.3f} | {kept} | {_f(precision)} | {_f(recall)} |")
    print()
    print("Reliability: mean confidence / share right (findings) per confidence bin, all codes above")
    print()
    print("| bin | " + " | ".join(f"{lo:.1f}–{min(hi, 1):.1f}" for lo, hi in zip(BINS, BINS[1:], strict=False)) + " |")
    print("|---" * len(BINS) + "|")
    confidences = np.concatenate([predict(models[c], data[c]) for c in KINDS if c in models and data.get(c)])
    rights = np.concatenate([[r for _, r, _ in data[c]] for c in KINDS if c in models and data.get(c)]).astype(float)
    cells = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = (confidences >= lo) & (confidences < hi)
        cells.append(f"{confidences[inside].mean():.2f} / {rights[inside].mean():.2f} ({inside.sum()})" if inside.any() else "-")
    print("| all | " + " | ".join(cells) + " |")
    print()
    print(f"Leave one domain out (fitted on the others): right among findings kept at ≥ {THRESHOLD} / right findings kept")
    print()
    domains = [d for d in devsets.DOMAINS if any(dom == d for c in KINDS for _, _, dom in data.get(c, []))]
    print("| code | " + " | ".join(domains) + " |")
    print("|---" * (len(domains) + 1) + "|")
    lodo: dict = defaultdict(dict)
    for code in KINDS:
        samples = data.get(code, [])
        if not samples or code not in models:
            continue
        cells = []
        for domain in domains:
            train = [s for s in samples if s[2] != domain]
            test = [s for s in samples if s[2] == domain]
            if not test or not any(r for _, r, _ in train):
                cells.append("-")
                continue
            right = np.array([r for _, r, _ in test], dtype=float)
            kept, precision, recall = at_threshold(predict(model_of(train, l2), test), right)
            lodo[code][domain] = {"kept": kept, "precision": precision, "right_kept": recall, "findings": len(test)}
            cells.append(f"{_f(precision)} / {_f(recall)} ({len(test)})")
        print(f"| {code} | " + " | ".join(cells) + " |")
    figures["leave_one_domain_out"] = lodo
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    parser.add_argument("--seeds", default="0,1,2", help="comma list of injection seeds (default 0,1,2)")
    parser.add_argument("--share", type=float, default=0.06, help="share of the rows injected (default 0.06)")
    parser.add_argument("--l2", type=float, default=L2, help=f"weight of the L2 penalty (default {L2})")
    parser.add_argument("--data", type=Path, help="read the labelled findings from this pickle, or write them there when it is missing")
    parser.add_argument("--write", action="store_true", help=f"refit and write {CALIBRATION.relative_to(ROOT)}")
    parser.add_argument("--codes", help="with --write, refit only these codes (comma list) and keep the shipped models of the others")
    args = parser.parse_args(argv)
    if args.codes and not args.write:
        parser.error("--codes chooses the codes --write refits; give --write as well")
    from corpus_align.checks.calibration import CALIBRATION_FORMAT, shipped_models

    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    docs = devsets.distinct(devsets.load_mac(args.bench) + devsets.load_newdomains(args.bench))
    started = time.perf_counter()
    if args.data and args.data.exists():
        data = pickle.loads(args.data.read_bytes())
    else:
        data = collect(docs, seeds, args.share)
        if args.data:
            args.data.write_bytes(pickle.dumps(data))
    print(f"{len(docs)} documents, seeds {', '.join(map(str, seeds))}, {args.share:.0%} of rows injected: "
          f"{sum(len(s) for s in data.values())} findings labelled in {time.perf_counter() - started:.1f} s")
    print()
    refit = [code.strip() for code in args.codes.split(",")] if args.codes else list(KINDS)
    unknown = sorted(set(refit) - set(KINDS))
    if unknown:
        parser.error(f"--codes: unknown {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    fitted = {code: model_of(data[code], args.l2) for code in refit if any(r for _, r, _ in data.get(code, []))}
    models = ({**shipped_models(), **fitted} if args.codes else fitted) if args.write or args.l2 != L2 else shipped_models()
    figures = evaluate(data, models, args.l2)
    if args.write:
        document = {
            "format": CALIBRATION_FORMAT,
            "fitted_by": "python benchmarks/calibrate_findings.py --write",
            "data": f"{len(docs)} distinct dev documents (MAC-Dev, NewDomains-Dev), seeds {seeds}, "
                    f"{args.share:.0%} of rows injected; right = the injected code on an injected row, wrong = any finding on a clean row",
            "l2": args.l2,
            "codes": {code: {"weights": model, "figures": figures.get(code, {}),
                             "leave_one_domain_out": figures["leave_one_domain_out"].get(code, {})}
                      for code, model in models.items()},
        }
        CALIBRATION.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwritten: {CALIBRATION.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
