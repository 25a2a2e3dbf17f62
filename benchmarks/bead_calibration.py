"""Bead calibration: is a bead scored p right about p of the time?

Every development document is aligned as ``corpus-align align --presegmented``
does (``corpus_align.alignment.align``), with the sets of
``benchmarks/align_quality.py`` (seed 0): ``mac`` (MAC-Dev, literary),
``news``, ``docs``, ``ted`` (the distinct NewDomains-Dev documents),
``joined``, ``deleted``, ``block`` and ``chapter`` (variants derived from
them), and ``replaced``: every distinct document with ~2% of one side's
lines (in 1-1 gold beads) replaced by lines of other documents, whose gold
makes the two lines one-sided (a bead pairing them is wrong; the dev
translations have hardly any such unrelated pair, which a reviewer most
needs to see).  A bead is *right* when it is exactly a gold bead.  Each bead's
``score`` is the probability of ``corpus_align.aligner.probability``: a
logistic model over inputs measured against the bead's own document.

Printed: the reliability table (score bins: beads, share right) per set and
pooled; the share right among beads scored ≥ 0.9 (target ≥ 0.95) per set;
leave-one-domain-out (the model fitted without a domain, every set, and
evaluated on that domain's beads); ``low-confidence`` findings on the base
sets (how many, and how many on beads that match the gold); time and peak
memory.

The model is fitted by L2-regularised logistic regression (Newton's method)
on every bead of every set, each domain weighing as much as the others in
total (the news and documentation documents have many more lines than the six
literary chapters).

Usage::

    python benchmarks/bead_calibration.py                 # evaluate the shipped coefficients (some minutes)
    python benchmarks/bead_calibration.py --write         # refit and write them into src/corpus_align/aligner/params.py
    python benchmarks/bead_calibration.py --data b.pkl    # keep the aligned beads in b.pkl (read it when it exists)

With ``--data`` read back, the reliability figures are those of the shipped
(or refitted) coefficients, but the ``low-confidence`` findings are those of
the run that wrote the pickle.  The whole run takes about a minute on two
cores (126 documents, 112,257 beads).
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import resource
import sys
import textwrap
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np

import devsets
from align_quality import docs_for

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT / "src" / "corpus_align" / "aligner" / "params.py"
SETS = ("mac", "news", "docs", "ted", "joined", "deleted", "block", "chapter", "replaced")
BASE_SETS = ("mac", "news", "docs", "ted")
BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
HIGH = 0.9
L2 = 1.0
BEGIN = "# BEGIN bead probability: written by benchmarks/bead_calibration.py --write"
END = "# END bead probability"


@dataclass
class Aligned:
    """One aligned document: every bead's probability inputs, whether it is right, and its ``low-confidence`` rows."""

    name: str
    set_name: str
    domain: str
    inputs: np.ndarray
    right: np.ndarray
    raw: np.ndarray
    low_confidence: np.ndarray  # bead indices (0-based) with a low-confidence finding


@contextmanager
def recording() -> Iterator[list]:
    """Record every ``AlignResult`` the engine returns while the block runs (the inputs are not on ``Alignment``)."""
    from corpus_align.aligner import engine

    seen: list = []
    original = engine.align_document

    def align_document(*args, **kwargs):
        result = original(*args, **kwargs)
        seen.append(result)
        return result

    engine.align_document = align_document
    try:
        yield seen
    finally:
        engine.align_document = original


def align_one(doc: devsets.EvalDoc, set_name: str) -> Aligned:
    from corpus_align.alignment import align
    from corpus_align.qa import check_alignment

    with recording() as seen:
        alignment = align("\n".join(doc.zh), "\n".join(doc.en), presegmented=True)
    # A document is aligned in groups (a leading title pair, then the rest), whose beads follow one another. A
    # group with one side empty (a title or paragraph the other side lacks) never reaches the engine: its beads
    # have no raw score and a fixed probability, and are left out here.
    from_engine = np.array([b.raw_score is not None for b in alignment.beads])
    if sum(len(result.beads) for result in seen) != int(from_engine.sum()):
        raise RuntimeError(f"{doc.name}: {int(from_engine.sum())} beads, but the engine aligned {[len(r.beads) for r in seen]}")
    inputs = np.concatenate([result.inputs for result in seen])
    gold = set(doc.gold)
    right = np.array([(tuple(b.zh), tuple(b.en)) in gold for b in alignment.beads])[from_engine]
    low = np.array([], dtype=np.int64)
    if set_name in BASE_SETS:
        engine_index = np.cumsum(from_engine) - 1  # a bead's index among the engine's beads
        rows = {f.row - 1 for f in check_alignment(alignment, select=["low-confidence"])}
        low = np.array(sorted(int(engine_index[r]) for r in rows if from_engine[r]), dtype=np.int64)
    raw = np.array([b.raw_score for result in seen for b in result.beads])
    return Aligned(doc.name, set_name, doc.domain, inputs, right, raw, low)


def replaced(doc: devsets.EvalDoc, side: str, others: Sequence[str], *, share: float = 0.02, seed: int = 0) -> devsets.EvalDoc:
    """``doc`` with ~``share`` of the lines of ``side`` in 1-1 gold beads replaced by lines of other documents.

    A replaced pair is no translation: the gold gets the line left on the other side and the new line as
    one-sided beads, so an output that pairs them is wrong.
    """
    rng = random.Random(f"{seed}:replaced:{doc.name}")
    pairs = [b for b in doc.gold if len(b[0]) == 1 and len(b[1]) == 1]
    chosen = set(rng.sample(pairs, min(len(pairs), max(1, round(share * len(pairs))))))
    lines = list(doc.zh if side == "zh" else doc.en)
    gold: list[devsets.Bead] = []
    for bead in doc.gold:
        if bead in chosen:
            index = bead[0][0] if side == "zh" else bead[1][0]
            lines[index] = rng.choice(others)
            gold += [(bead[0], ()), ((), bead[1])]
        else:
            gold.append(bead)
    zh, en = (lines, doc.en) if side == "zh" else (doc.zh, lines)
    return replace(doc, name=f"{doc.name}+replace-{side}", set_name="replaced", zh=zh, en=en, gold=gold)


def docs_of(set_name: str, mac: list[devsets.EvalDoc], newdomains: list[devsets.EvalDoc]) -> list[devsets.EvalDoc]:
    """The documents of one set: ``align_quality``'s, or ``replaced`` (every distinct document, sides alternating)."""
    if set_name != "replaced":
        return docs_for(set_name, mac, newdomains, SimpleNamespace(seed=0, sides="alternate", quick=True))
    base = devsets.distinct(mac + newdomains)
    out = []
    for doc, side in devsets.alternate_sides(base):
        others = [line for other in base if other.name != doc.name for line in (other.zh if side == "zh" else other.en)]
        out.append(replaced(doc, side, others))
    return out


def collect(bench: Path, sets: Sequence[str]) -> list[Aligned]:
    mac, newdomains = devsets.load_mac(bench), devsets.load_newdomains(bench)
    out = []
    for set_name in sets:
        started = time.perf_counter()
        docs = docs_of(set_name, mac, newdomains)
        out += [align_one(doc, set_name) for doc in docs]
        print(f"aligned {set_name}: {len(docs)} documents in {time.perf_counter() - started:.1f} s", flush=True)
    return out


# ---------------------------------------------------------------------------
# Fitting


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights of an L2-regularised, sample-weighted logistic regression (column 0 the intercept, not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (weights * (p - y)) + penalty * w
        hessian = (x.T * (weights * p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def model_of(data: Sequence[Aligned], l2: float = L2) -> dict[str, float]:
    """Coefficients fitted on ``data``, each domain weighing the same in total."""
    from corpus_align.aligner.probability import INPUTS

    x = np.concatenate([d.inputs for d in data])
    y = np.concatenate([d.right for d in data]).astype(float)
    domains = np.concatenate([[d.domain] * len(d.right) for d in data])
    present = sorted(set(domains.tolist()))
    weights = np.zeros(len(y))
    for domain in present:
        inside = domains == domain
        weights[inside] = len(y) / (len(present) * inside.sum())
    w = fit(np.column_stack([np.ones(len(y)), x]), y, weights, l2)
    return {"intercept": round(float(w[0]), 4), **{name: round(float(v), 4) for name, v in zip(INPUTS, w[1:], strict=True)}}


def scores_of(data: Sequence[Aligned], model: dict[str, float]) -> np.ndarray:
    from corpus_align.aligner.probability import probability

    return np.concatenate([probability(d.inputs, model) for d in data]) if data else np.zeros(0)


# ---------------------------------------------------------------------------
# Figures


def reliability(p: np.ndarray, right: np.ndarray) -> list[tuple[int, float | None]]:
    cells = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = (p >= lo) & (p < hi)
        cells.append((int(inside.sum()), float(right[inside].mean()) if inside.any() else None))
    return cells


def high_share(p: np.ndarray, right: np.ndarray) -> tuple[int, float | None]:
    kept = p >= HIGH
    return int(kept.sum()), float(right[kept].mean()) if kept.any() else None


def brier(p: np.ndarray, right: np.ndarray) -> float:
    return float(np.mean((p - right) ** 2)) if len(p) else float("nan")


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_reliability(groups: dict[str, list[Aligned]], model: dict[str, float]) -> dict:
    figures: dict = {}
    print("Reliability: beads / share right, per score bin")
    print()
    print("| set | " + " | ".join(f"{lo:.1f}–{min(hi, 1):.1f}" for lo, hi in zip(BINS, BINS[1:], strict=False))
          + " | beads | right | Brier | ≥ 0.9: beads | ≥ 0.9: right |")
    print("|---" * (len(BINS) + 5) + "|")
    for name, data in groups.items():
        p = scores_of(data, model)
        right = np.concatenate([d.right for d in data]).astype(float)
        cells = reliability(p, right)
        kept, share = high_share(p, right)
        figures[name] = {"beads": len(p), "right": float(right.mean()), "brier": brier(p, right),
                         "high_beads": kept, "high_right": share, "bins": cells}
        print(f"| {name} | " + " | ".join(f"{n} / {_f(s)}" if n else "-" for n, s in cells)
              + f" | {len(p)} | {right.mean():.3f} | {brier(p, right):.3f} | {kept} | {_f(share)} |")
    return figures


def print_lodo(data: Sequence[Aligned], l2: float) -> dict:
    print()
    print("Leave one domain out: fitted on the other domains (every set), evaluated on this one")
    print()
    print("| domain | beads | right | Brier | ≥ 0.9: beads | ≥ 0.9: right | < 0.5: beads | < 0.5: right |")
    print("|---|---|---|---|---|---|---|---|")
    figures: dict = {}
    for domain in devsets.DOMAINS:
        test = [d for d in data if d.domain == domain]
        train = [d for d in data if d.domain != domain]
        if not test or not train:
            continue
        p = scores_of(test, model_of(train, l2))
        right = np.concatenate([d.right for d in test]).astype(float)
        kept, share = high_share(p, right)
        low = p < 0.5
        figures[domain] = {"beads": len(p), "brier": brier(p, right), "high_beads": kept, "high_right": share,
                           "low_beads": int(low.sum()), "low_right": float(right[low].mean()) if low.any() else None}
        print(f"| {domain} | {len(p)} | {right.mean():.3f} | {brier(p, right):.3f} | {kept} | {_f(share)} | {int(low.sum())} | "
              f"{_f(figures[domain]['low_right'])} |")
    return figures


def print_low_confidence(data: Sequence[Aligned]) -> dict:
    print()
    print("low-confidence findings (shipped rule) on the base sets: rows reported, of them on beads matching the gold")
    print()
    print("| set | documents | beads | reported | on right beads | share |")
    print("|---|---|---|---|---|---|")
    figures: dict = {}
    for set_name in BASE_SETS:
        docs = [d for d in data if d.set_name == set_name]
        if not docs:
            continue
        reported = sum(len(d.low_confidence) for d in docs)
        on_right = sum(int(d.right[d.low_confidence].sum()) for d in docs)
        figures[set_name] = {"reported": reported, "on_right": on_right}
        print(f"| {set_name} | {len(docs)} | {sum(len(d.right) for d in docs)} | {reported} | {on_right} | "
              f"{_f(on_right / reported if reported else None)} |")
    return figures


def write_params(model: dict[str, float], summary: str) -> None:
    """Replace the block between :data:`BEGIN` and :data:`END` of ``aligner/params.py``."""
    text = PARAMS.read_text("utf-8")
    lines = [BEGIN, "", *(f"# {line}" for line in summary.splitlines()), "BEAD_PROBABILITY: dict[str, float] = {"]
    lines += [f'    "{name}": {value!r},' for name, value in model.items()]
    lines += ["}", END]
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{PARAMS}: no block between {BEGIN!r} and {END!r}")
    PARAMS.write_text(pattern.sub(lambda _m: "\n".join(lines), text), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Example: python benchmarks/bead_calibration.py --data /tmp/beads.pkl")
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    parser.add_argument("--data", type=Path, help="read the aligned beads from this pickle, or write them there when it is missing")
    parser.add_argument("--l2", type=float, default=L2, help=f"weight of the L2 penalty (default {L2})")
    parser.add_argument("--write", action="store_true", help="refit and write the coefficients into aligner/params.py")
    args = parser.parse_args(argv)
    from corpus_align.aligner import params

    started = time.perf_counter()
    if args.data and args.data.exists():
        data = [Aligned(**fields) for fields in pickle.loads(args.data.read_bytes())]
    else:
        data = collect(args.bench, SETS)
        if args.data:
            args.data.write_bytes(pickle.dumps([vars(d) for d in data]))
    seconds = time.perf_counter() - started
    print(f"{len(data)} documents, {sum(len(d.right) for d in data)} beads, aligned (or read) in {seconds:.1f} s")
    print()
    model = model_of(data, args.l2) if args.write else dict(params.BEAD_PROBABILITY)
    groups = {s: [d for d in data if d.set_name == s] for s in SETS if any(d.set_name == s for d in data)}
    groups["pooled"] = list(data)
    figures = print_reliability(groups, model)
    lodo = print_lodo(data, args.l2)
    print_low_confidence(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"time {time.perf_counter() - started:.1f} s; peak RSS {peak:.0f} MB")
    if args.write:
        pooled = figures["pooled"]
        by_set = ", ".join(f"{s} {_f(figures[s]['high_right'])}" for s in SETS if s in figures)
        by_domain = ", ".join(f"{d} {_f(f['high_right'])}" for d, f in lodo.items())
        summary = "\n".join(textwrap.wrap(
            f"The logistic model's coefficients (inputs: probability.INPUTS). Fitted on {len(data)} documents "
            f"({', '.join(s for s in groups if s != 'pooled')}; seed 0), {pooled['beads']} beads, each domain weighing the same, "
            f"L2 {args.l2}. Right among beads scored >= {HIGH}: pooled {_f(pooled['high_right'])} ({pooled['high_beads']} beads); "
            f"{by_set}. Left out of the fit (fitted on the other domains): {by_domain}. Brier score pooled {pooled['brier']:.3f}.",
            width=110))
        write_params(model, summary)
        print(f"\nwritten: {PARAMS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
