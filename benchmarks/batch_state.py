"""What the resume state of `corpus-align batch` costs per document, for a release of many tiny documents.

Three ways of saving it after each finished document, on the disk of the output folder:

- rewrite: the ``state.json`` of earlier versions, the whole map rewritten (atomically) after every
  document, so the n-th document pays for n entries: quadratic in the release;
- log, sync each: one JSON line appended to ``state.jsonl`` and ``fsync``'d after every document;
- log (the batch's way): one line appended and flushed per document, ``fsync``'d at most once per
  ``StateLog.SYNC_INTERVAL`` seconds and at the end.

Also timed: opening (reading and compacting) a log of the whole release, which a re-run does once.
Only the state is timed, no alignment; the records are shaped like those of real tiny documents.

Run: python benchmarks/batch_state.py [--documents N] [--folder DIR] [--without-rewrite]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from corpus_align.batch import StateLog
from corpus_align.io.atomic import write_text_atomic


def record_of(index: int) -> tuple[str, str, dict]:
    name = f"chapters/doc_{index:05d}"
    record = {
        "name": name, "zh_file": f"{name}.zh.txt", "en_file": f"{name}.en.txt", "status": "done", "error": "",
        "zh_sentences": 12, "en_sentences": 13, "beads": 12, "bead_types": {"1-1": 11, "1-2": 1},
        "mean_score": 0.873, "errors": 0, "warnings": 2, "infos": 3,
        "codes": {"number-mismatch": 1, "untranslated": 1, "encoding-artifact": 3}, "alignment_warnings": [],
        "seconds": 0.071,
    }
    return name, f"{index:064x}", record


def rewrite_each(folder: Path, documents: int) -> list[float]:
    """The earlier versions' way, as run_batch did it: the whole state rewritten after each document."""
    state: dict = {}
    costs = []
    for index in range(documents):
        name, digest, record = record_of(index)
        started = time.perf_counter()
        state[name] = {"hash": digest, "record": record}
        write_text_atomic(folder / "state.json", json.dumps(state, ensure_ascii=False))
        costs.append(time.perf_counter() - started)
    return costs


def append_each(folder: Path, documents: int, sync_interval: float) -> list[float]:
    names = {record_of(index)[0] for index in range(documents)}
    costs = []
    log = StateLog.open(folder, keep=names, fresh=True)
    log.SYNC_INTERVAL = sync_interval
    try:
        for index in range(documents):
            name, digest, record = record_of(index)
            started = time.perf_counter()
            log.record(name, digest, record)
            costs.append(time.perf_counter() - started)
    finally:
        started = time.perf_counter()
        log.close()
        costs[-1] += time.perf_counter() - started
    return costs


def open_log(folder: Path, documents: int) -> float:
    names = {record_of(index)[0] for index in range(documents)}
    started = time.perf_counter()
    with StateLog.open(folder, keep=names) as log:
        assert len(log.entries) == documents
    return time.perf_counter() - started


def describe(label: str, costs: list[float]) -> str:
    first, last = costs[:100], costs[-100:]
    return (
        f"{label:<20} total {sum(costs):8.2f} s   per document: first 100 {1000 * statistics.mean(first):7.3f} ms,"
        f" last 100 {1000 * statistics.mean(last):7.3f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--folder", type=Path, default=None, help="where to write (default: a temporary folder)")
    parser.add_argument("--without-rewrite", action="store_true", help="skip the old way (minutes for 5,000 documents)")
    args = parser.parse_args()
    ways = {
        "rewrite (old)": lambda folder: rewrite_each(folder, args.documents),
        "log, sync each": lambda folder: append_each(folder, args.documents, 0.0),
        f"log, sync {StateLog.SYNC_INTERVAL:g} s": lambda folder: append_each(folder, args.documents, StateLog.SYNC_INTERVAL),
    }
    if args.without_rewrite:
        del ways["rewrite (old)"]
    with tempfile.TemporaryDirectory(dir=args.folder) as scratch:
        base = Path(scratch)
        print(f"resume state for {args.documents} documents, written in {base}")
        for number, (label, run) in enumerate(ways.items()):
            folder = base / str(number)
            folder.mkdir()
            print(describe(label, run(folder)), flush=True)
        print(f"{'open + compact log':<20} total {open_log(folder, args.documents):8.2f} s (once per run)")


if __name__ == "__main__":
    main()
