"""Quality and speed of `corpus-align diff` on a two-release benchmark built from the dev sets, and `batch --previous`.

Release 1 is the dev documents (MAC-Dev and NewDomains-Dev), one row per gold
bead, replicated under new names up to ``--documents`` (200). Release 2 is
release 1 with known edits, drawn per document with a fixed seed:

* 5% of the rows with English get a word edit (a word replaced, inserted or deleted): ``en-revised``;
* 2 rows removed, and 2 sentences of another dev set inserted: ``removed`` and ``new``;
* one document removed and one added.

Both releases are written as ``batch`` output folders (``NAME.tsv`` as
``align`` writes it, ``NAME.findings.jsonl``, ``summary.json``), so the diff
sees exactly the rows of the gold; ``corpus-align diff OLD NEW --format jsonl``
is then scored, per row class, against the known edits (precision and recall,
target 1.00 / 1.00), and timed with its peak memory (``--html`` too).

Then ``batch --previous`` on real alignment: the distinct dev documents as a
release (``--presegmented``), one batch into OUT, OUT copied to PREVIOUS; a
second release with ``--changed`` documents edited, one added and one removed;
``batch RELEASE2 -o OUT --previous PREVIOUS`` (the unchanged documents are kept
from the first run) against a full ``batch RELEASE2 -o FULL --force --previous
PREVIOUS``. ``--skip-batch`` leaves this part out.

Run: python benchmarks/release_diff.py [--documents 200] [--changed 3] [--workers 2] [--skip-batch]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from devsets import EvalDoc, distinct, load_mac, load_newdomains

ROOT = Path(__file__).resolve().parents[1]
TSV_HEADER = "row\tzh\ten\ttype\tscore\tzh_ids\ten_ids\tissues\n"
REVISED_SHARE = 0.05
ADDED_ROWS = REMOVED_ROWS = 2
CLASSES = ("unchanged", "en-revised", "new", "removed")
_WORD = re.compile(r"[A-Za-z]{3,}")
# Runs the CLI and reports its peak memory on stderr's last line (the resident set of this one process).
_MEASURED = (
    "import resource, sys\n"
    "from corpus_align.cli import main\n"
    "try:\n    main(sys.argv[1:])\n"
    "except SystemExit as done:\n    code = done.code\n"
    "else:\n    code = 0\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(f'peak-rss-kb {usage.ru_maxrss} cpu-s {usage.ru_utime + usage.ru_stime:.2f}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def rows_of(doc: EvalDoc) -> list[tuple[str, str]]:
    """One (zh, en) row per gold bead, sentences joined as ``align`` joins them."""
    return [("".join(doc.zh[i] for i in zh), " ".join(doc.en[j] for j in en)) for zh, en in doc.gold]


def word_edit(text: str, rng: random.Random) -> str:
    """``text`` with one word replaced, inserted before or deleted (a word of three letters or more)."""
    words = list(_WORD.finditer(text))
    if not words:
        return text + " indeed"
    word = rng.choice(words)
    kind = rng.choice(("replace", "insert", "delete"))
    replacement = {"replace": "splendid", "insert": f"truly {word.group()}", "delete": ""}[kind]
    edited = text[: word.start()] + replacement + text[word.end() :]
    return " ".join(edited.split()) if kind == "delete" else edited


def revise(name: str, rows: list[tuple[str, str]], spare: list[tuple[str, str]], seed: int):
    """Release 2 of one document and its known edits: (new rows, {(class, old_row, new_row)})."""
    rng = random.Random(f"{seed}:{name}")
    with_english = [k for k, (_, en) in enumerate(rows) if en.strip()]
    revised = set(rng.sample(with_english, max(1, round(REVISED_SHARE * len(with_english)))))
    removable = [k for k in range(len(rows)) if k not in revised]
    removed = set(rng.sample(removable, min(REMOVED_ROWS, len(removable) - 1)))
    inserted = {rng.randrange(len(rows) + 1): rng.choice(spare) for _ in range(ADDED_ROWS)}
    new_rows: list[tuple[str, str]] = []
    expected: set[tuple[str, int | None, int | None]] = set()
    for k in range(len(rows) + 1):
        if k in inserted:
            new_rows.append(inserted[k])
            expected.add(("new", None, len(new_rows)))
        if k == len(rows):
            break
        zh, en = rows[k]
        if k in removed:
            expected.add(("removed", k + 1, None))
            continue
        if k in revised:
            edited = word_edit(en, rng)
            new_rows.append((zh, edited))
            expected.add(("en-revised" if edited != en else "unchanged", k + 1, len(new_rows)))
        else:
            new_rows.append((zh, en))
            expected.add(("unchanged", k + 1, len(new_rows)))
    return new_rows, expected


def write_batch_folder(folder: Path, documents: dict[str, list[tuple[str, str]]]) -> None:
    """A folder as ``batch`` writes it: NAME.tsv, an empty NAME.findings.jsonl, summary.json."""
    folder.mkdir(parents=True)
    for name, rows in documents.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        lines = (f"{n}\t{zh}\t{en}\t1-1\t0.9\t\t\t" for n, (zh, en) in enumerate(rows, start=1))
        (folder / f"{name}.tsv").write_text(TSV_HEADER + "".join(line + "\n" for line in lines), "utf-8")
        (folder / f"{name}.findings.jsonl").write_text("", "utf-8")
    summary = {"version": "benchmark", "interrupted": False, "documents": [{"name": n, "status": "done"} for n in documents]}
    (folder / "summary.json").write_text(json.dumps(summary, ensure_ascii=False), "utf-8")


def build_releases(scratch: Path, documents: int, seed: int):
    """Two batch output folders and the known edits: {(document, class, old_row, new_row)}."""
    mac, newdomains = load_mac(), load_newdomains()
    docs = mac + newdomains
    spare = {d.set_name: [row for other in docs if other.set_name != d.set_name for row in rows_of(other)[:50]] for d in docs}
    old: dict[str, list[tuple[str, str]]] = {}
    new: dict[str, list[tuple[str, str]]] = {}
    expected: set = set()
    for k in range(documents):
        doc = docs[k % len(docs)]
        name = f"{doc.set_name}/{doc.name}" + (f"-copy{k // len(docs)}" if k >= len(docs) else "")
        rows = rows_of(doc)
        old[name] = rows
        if k == 0:  # removed from release 2
            expected |= {(name, "removed", n, None) for n in range(1, len(rows) + 1)}
            continue
        new[name], edits = revise(name, rows, spare[doc.set_name], seed)
        expected |= {(name, *edit) for edit in edits}
    added = distinct(docs)[-1]
    new["added/" + added.name] = rows_of(added)
    expected |= {("added/" + added.name, "new", None, n) for n in range(1, len(rows_of(added)) + 1)}
    write_batch_folder(scratch / "v1", old)
    write_batch_folder(scratch / "v2", new)
    return sum(len(rows) for rows in old.values()), expected


def run_measured(*args: str) -> tuple[subprocess.CompletedProcess, str, float]:
    """Run ``corpus-align ARGS`` in a fresh process: the result, its wall and CPU time as text, its peak RSS (MB).

    The CPU time is this process's own (batch workers not counted); on a shared machine it is the steadier figure.
    """
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    measured = re.search(r"peak-rss-kb (\d+) cpu-s ([\d.]+)", done.stderr)
    if measured is None:
        return done, f"{seconds:.1f} s", float("nan")
    return done, f"{seconds:.1f} s (CPU {float(measured.group(2)):.1f} s)", int(measured.group(1)) / 1024


def score(found: set, expected: set) -> None:
    print(f"{'class':12} {'precision':>9} {'recall':>7} {'expected':>9} {'found':>7}")
    for kind in CLASSES:
        want = {e for e in expected if e[1] == kind}
        got = {f for f in found if f[1] == kind}
        hits = len(want & got)
        precision = hits / len(got) if got else 1.0
        recall = hits / len(want) if want else 1.0
        print(f"{kind:12} {precision:9.3f} {recall:7.3f} {len(want):9,} {len(got):7,}")


def diff_quality_and_speed(scratch: Path, documents: int, seed: int) -> None:
    rows, expected = build_releases(scratch, documents, seed)
    print(f"two releases of {documents} documents, {rows:,} rows in release 1; "
          f"{sum(1 for e in expected if e[1] == 'en-revised'):,} rows revised")
    done, seconds, peak = run_measured("diff", str(scratch / "v1"), str(scratch / "v2"), "--format", "jsonl",
                                       "--unchanged", "-o", str(scratch / "changes.jsonl"))
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    found = set()
    with open(scratch / "changes.jsonl", encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            record = json.loads(line)
            if record["kind"] == "row":
                found.add((record["document"], record["change"], record["old_row"], record["new_row"]))
    score(found, expected)
    print(f"diff --format jsonl --unchanged: {seconds}, peak {peak:.0f} MB")
    done, seconds, peak = run_measured("diff", str(scratch / "v1"), str(scratch / "v2"), "--html", str(scratch / "html"))
    print(f"diff --html (summary on stdout, {sum(1 for _ in (scratch / 'html').rglob('*.html'))} pages): "
          f"{seconds}, peak {peak:.0f} MB")


def write_release(folder: Path, documents: dict[str, tuple[list[str], list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (zh, en) in documents.items():
        (folder / f"{name}.zh.txt").write_text("\n".join(zh) + "\n", "utf-8")
        (folder / f"{name}.en.txt").write_text("\n".join(en) + "\n", "utf-8")


def batch_previous(scratch: Path, changed: int, workers: int, seed: int) -> None:
    docs = distinct(load_mac() + load_newdomains())
    rng = random.Random(seed)
    first = {d.name: (d.zh, d.en) for d in docs[:-1]}
    second = dict(first)
    del second[docs[0].name]
    second[docs[-1].name] = (docs[-1].zh, docs[-1].en)
    for name in rng.sample(sorted(second), changed):
        zh, en = second[name]
        picked = set(rng.sample(range(len(en)), max(1, round(REVISED_SHARE * len(en)))))
        second[name] = (zh, [word_edit(line, rng) if k in picked else line for k, line in enumerate(en)])
    write_release(scratch / "r1", first)
    write_release(scratch / "r2", second)
    common = ["--presegmented", "--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "corpus_align", "batch", str(scratch / "r1"), "-o", str(scratch / "out"), *common],
                   check=False)
    print(f"batch release 1 ({len(first)} documents, {sum(len(zh) + len(en) for zh, en in first.values()):,} sentences): "
          f"{time.perf_counter() - started:.1f} s")
    shutil.copytree(scratch / "out", scratch / "previous")
    started = time.perf_counter()
    done, again, peak = run_measured("batch", str(scratch / "r2"), "-o", str(scratch / "out"), "--previous",
                                     str(scratch / "previous"), "--presegmented", "--workers", str(workers))
    incremental = time.perf_counter() - started
    print(f"batch release 2 --previous, into the same OUT ({changed} documents edited, 1 added, 1 removed): "
          f"{again}, peak {peak:.0f} MB")
    said = [line for line in done.stderr.splitlines() if line.startswith("since ")]
    print("   ", said[0] if said else done.stderr.strip()[-300:])
    started = time.perf_counter()
    done, full, peak = run_measured("batch", str(scratch / "r2"), "-o", str(scratch / "full"), "--force", "--previous",
                                    str(scratch / "previous"), "--presegmented", "--workers", str(workers))
    full_seconds = time.perf_counter() - started
    print(f"batch release 2 --previous --force, a full run: {full}, peak {peak:.0f} MB "
          f"({full_seconds / incremental:.1f}x the wall time of --previous)")
    summary = json.loads((scratch / "out" / "diff" / "summary.json").read_text("utf-8"))
    by_document = defaultdict(int)
    for document in summary["documents"]:
        by_document[document["status"]] += 1
    print(f"    diff of the batch outputs: {dict(by_document)}, rows {summary['rows']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--changed", type=int, default=3, help="documents edited in the batch part")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        diff_quality_and_speed(scratch / "diff", args.documents, args.seed)
        if not args.skip_batch:
            batch_previous(scratch / "batch", args.changed, args.workers, args.seed)


if __name__ == "__main__":
    main()
