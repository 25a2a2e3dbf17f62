"""Batch output folders built by hand: summary.json, NAME.tsv and NAME.findings.jsonl, without aligning anything."""

from __future__ import annotations

import json
from pathlib import Path

from corpus_align.io.findings import findings_to_jsonl
from corpus_align.model import Finding

TSV_HEADER = "row\tzh\ten\ttype\tscore\tzh_ids\ten_ids\tissues\n"


AGE = ("他二十一岁。", "He is twenty-two.")
FINE = ("我很好。", "I am fine.")


def age_finding(row: int) -> Finding:
    """The number mismatch of the row AGE (twenty-one in the Chinese, twenty-two in the English) on row ``row``."""
    return Finding("number-mismatch", "error", row, "21 in Chinese, 22 in English", zh_text="二十一", en_text="twenty-two")


def aligned_tsv(rows: list[tuple[str, str]]) -> str:
    """The TSV ``align`` writes for these (zh, en) rows (ids and scores made up)."""
    lines = [f"{n}\t{zh}\t{en}\t1-1\t0.9\t{n - 1}\t{n - 1}\t" for n, (zh, en) in enumerate(rows, start=1)]
    return TSV_HEADER + "".join(line + "\n" for line in lines)


def batch_output(root: Path, documents: dict[str, tuple[list[tuple[str, str]], list[Finding]]], *,
                 failed: dict[str, str] | None = None, interrupted: bool = False) -> Path:
    """A batch output folder with a document per name: its rows and findings (``failed``: name -> error, no outputs)."""
    root.mkdir(parents=True, exist_ok=True)
    records = []
    for name, (rows, findings) in documents.items():
        (root / f"{name}.tsv").parent.mkdir(parents=True, exist_ok=True)
        (root / f"{name}.tsv").write_text(aligned_tsv(rows), "utf-8")
        (root / f"{name}.findings.jsonl").write_text(findings_to_jsonl(findings), "utf-8")
        records.append({"name": name, "status": "done"})
    records += [{"name": name, "status": "failed", "error": error} for name, error in (failed or {}).items()]
    summary = {"version": "test", "interrupted": interrupted, "totals": {}, "documents": records}
    (root / "summary.json").write_text(json.dumps(summary, ensure_ascii=False), "utf-8")
    return root
