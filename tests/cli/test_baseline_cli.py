"""check, batch and accept with a baseline of accepted findings."""

from __future__ import annotations

import json
from pathlib import Path

from corpus_align.io.findings import finding_record
from corpus_align.qa import check_file
from tests.conftest import run_cli

# Two number mismatches (errors); the first row is fixed in EDITED, a new mismatch is added.
PAIRS = "他二十一岁。\tHe is twenty-two.\n我很好。\tI am fine.\n他三岁。\tHe is four.\n"
EDITED = "他二十一岁。\tHe is twenty-one.\n我很好。\tI am fine.\n他三岁。\tHe is four.\n她五岁。\tShe is six.\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def baseline_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_cli_baseline_update_then_accepted_findings_do_not_fail(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", PAIRS), tmp_path / "baseline.jsonl"
    assert run_cli("check", str(pairs), "--baseline", str(baseline)).returncode == 2  # no file yet
    created = run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline")
    assert created.returncode == 0, created.stderr.decode()
    assert f"baseline: 2 added, 0 removed, 0 kept ({baseline})" in created.stderr.decode()
    assert run_cli("check", str(pairs), "--fail-on", "error").returncode == 1
    result = run_cli("check", str(pairs), "--baseline", str(baseline), "--fail-on", "warning")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "accepted error   number-mismatch" in out and "2 accepted finding(s) not counted" in out
    assert "no findings in 3 row(s)" in out


def test_cli_baseline_update_keeps_reasons_and_removes_fixed_findings(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", PAIRS), tmp_path / "baseline.jsonl"
    run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline")
    records = baseline_records(baseline)
    for record in records:
        record["reason"] = f"reviewed: {record['en']}"
    baseline.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")

    write(pairs, EDITED)
    updated = run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline", "--format", "jsonl")
    assert updated.returncode == 0
    assert updated.stderr.decode().startswith("baseline: 1 added, 1 removed, 1 kept")
    after = {r["en"]: r["reason"] for r in baseline_records(baseline)}
    assert after == {"He is four.": "reviewed: He is four.", "She is six.": ""}
    # The run that writes the baseline reports every finding as accepted, with the reasons kept.
    found = [json.loads(line) for line in updated.stdout.decode().splitlines()]
    assert {(f["row"], f["accepted"], f["reason"]) for f in found} == {(3, True, "reviewed: He is four."), (4, True, "")}


def test_cli_baseline_update_is_sorted_and_stable(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", EDITED), tmp_path / "baseline.jsonl"
    run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline")
    first = baseline.read_bytes()
    again = run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline")
    assert baseline.read_bytes() == first and "baseline: 0 added, 0 removed, 2 kept" in again.stderr.decode()
    keys = [(r["code"], r["fingerprint"]) for r in baseline_records(baseline)]
    assert keys == sorted(keys)
    # Rows moved and a row added elsewhere: the same entries, the same bytes.
    write(pairs, "新的一行。\tA new row.\n" + "".join(reversed(EDITED.splitlines(keepends=True))))
    run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline", "--select", "number-mismatch")
    assert baseline.read_bytes() == first


def test_cli_baseline_only_some_codes_checked_keeps_the_others(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", PAIRS), tmp_path / "baseline.jsonl"
    run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline")
    before = baseline.read_bytes()
    result = run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline", "--select", "typo")
    assert "0 removed, 2 kept" in result.stderr.decode() and baseline.read_bytes() == before


def test_cli_baseline_jsonl_and_tsv_mark_accepted_and_match_the_api(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", PAIRS), tmp_path / "baseline.jsonl"
    run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline", "--select", "number-mismatch")
    write(pairs, EDITED)
    as_jsonl = run_cli("check", str(pairs), "--baseline", str(baseline), "--format", "jsonl", "--fail-on", "never")
    records = [json.loads(line) for line in as_jsonl.stdout.decode().splitlines()]
    api = check_file(pairs, baseline=baseline).findings
    assert records == [finding_record(f, baseline=True) for f in api]
    assert [(r["row"], r["accepted"]) for r in records if r["code"] == "number-mismatch"] == [(3, True), (4, False)]
    as_tsv = run_cli("check", str(pairs), "--baseline", str(baseline), "--format", "tsv", "--fail-on", "never")
    header, *rows = as_tsv.stdout.decode().splitlines()
    assert header.split("\t")[-3:] == ["fingerprint", "accepted", "reason"]
    assert [row.split("\t")[-2] for row in rows if "\tnumber-mismatch\t" in row] == ["yes", ""]
    # Without a baseline the output is as it always was.
    plain = run_cli("check", str(pairs), "--format", "jsonl", "--fail-on", "never").stdout.decode()
    assert "accepted" not in json.loads(plain.splitlines()[0])


def test_cli_baseline_malformed_file_is_one_line_exit_2(tmp_path):
    pairs = write(tmp_path / "pairs.tsv", PAIRS)
    baseline = write(tmp_path / "baseline.jsonl", '{"fingerprint": "a1", "code": "typo"}\n{"fingerprint": "a2"\n')
    result = run_cli("check", str(pairs), "--baseline", str(baseline))
    err = result.stderr.decode()
    assert result.returncode == 2 and result.stdout == b""
    assert err == f"corpus-align: error: {baseline}: line 2: not a JSON object (Expecting ',' delimiter); " \
                  "each line is a baseline entry\n"
    assert run_cli("check", str(pairs), "--baseline", str(baseline), "--update-baseline").returncode == 2
    assert baseline.read_text("utf-8").count("\n") == 2  # a baseline that cannot be read is never overwritten


def test_cli_update_baseline_needs_a_baseline(tmp_path):
    result = run_cli("check", str(write(tmp_path / "pairs.tsv", PAIRS)), "--update-baseline")
    assert result.returncode == 2 and "give --baseline FILE" in result.stderr.decode()


def test_cli_accept_creates_merges_and_unaccepts(tmp_path):
    pairs, baseline = write(tmp_path / "pairs.tsv", PAIRS), tmp_path / "review" / "baseline.jsonl"
    found = check_file(pairs, baseline={}).findings
    mismatch = [f for f in found if f.code == "number-mismatch"]
    decisions = write(tmp_path / "decisions.jsonl", "".join(
        json.dumps({"fingerprint": f.fingerprint, "code": f.code, "zh": "", "en": "", "evidence": {"zh": f.zh_text, "en": ""},
                    "reason": "ok" if f.row == 1 else "", "accepted": True}) + "\n" for f in mismatch))
    merged = run_cli("accept", str(decisions), str(baseline))
    assert merged.returncode == 0 and "baseline: 2 added, 0 removed, 0 kept" in merged.stderr.decode()
    assert run_cli("check", str(pairs), "--baseline", str(baseline), "--select", "number-mismatch").returncode == 0

    write(decisions, json.dumps({"fingerprint": mismatch[1].fingerprint, "code": "number-mismatch", "accepted": False}) + "\n")
    again = run_cli("accept", str(decisions), str(baseline))
    assert "baseline: 0 added, 1 removed, 1 kept" in again.stderr.decode()
    assert [r["reason"] for r in baseline_records(baseline)] == ["ok"]
    assert run_cli("check", str(pairs), "--baseline", str(baseline), "--select", "number-mismatch").returncode == 1


def test_cli_accept_bad_decisions_file_is_exit_2(tmp_path):
    decisions = write(tmp_path / "decisions.jsonl", "not json\n")
    result = run_cli("accept", str(decisions), str(tmp_path / "baseline.jsonl"))
    assert result.returncode == 2 and f"{decisions}: line 1: not a JSON object" in result.stderr.decode()
    assert not (tmp_path / "baseline.jsonl").exists()


def test_cli_batch_baseline_accepts_and_redoes_documents_when_it_changes(tmp_path, serial_batch):
    release, out = tmp_path / "release", tmp_path / "out"
    release.mkdir()
    write(release / "doc.txt", "他二十一岁。\n我很好。\nHe is twenty-two.\nI am fine.\n")
    first = run_cli("batch", str(release), "-o", str(out), "--fail-on", "error", "--select", "number-mismatch")
    assert first.returncode == 1
    findings = [json.loads(line) for line in (out / "doc.findings.jsonl").read_text("utf-8").splitlines()]
    assert "accepted" not in findings[0]

    # The fingerprint in the report is the one a baseline needs: accept it from there.
    page = (out / "doc.html").read_text("utf-8")
    fingerprint = page.split('data-code="number-mismatch" data-severity="error" data-fingerprint="')[1].split('"')[0]
    baseline = write(tmp_path / "baseline.jsonl", json.dumps({"fingerprint": fingerprint, "code": "number-mismatch",
                                                              "reason": "the source is wrong"}) + "\n")
    second = run_cli("batch", str(release), "-o", str(out), "--fail-on", "error", "--select", "number-mismatch",
                     "--baseline", str(baseline), "--format", "xlsx")
    assert second.returncode == 0, second.stderr.decode()
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    record = summary["documents"][0]
    assert record["status"] == "done" and record["errors"] == 0 and record["accepted"] == 1
    assert summary["settings"]["baseline"] == {"accepted": 1}
    findings = [json.loads(line) for line in (out / "doc.findings.jsonl").read_text("utf-8").splitlines()]
    assert (findings[0]["accepted"], findings[0]["reason"]) == (True, "the source is wrong")
    page = (out / "doc.html").read_text("utf-8")
    assert 'class="finding accepted"' in page and "the source is wrong" in page and 'data-count="accepted">1<' in page

    from openpyxl import load_workbook

    sheet = load_workbook(out / "doc.xlsx").active
    assert sheet["I2"].value.startswith("accepted: error number-mismatch") and sheet["A2"].fill.fgColor.rgb == "FFE7E7E7"

    # A new reason changes the reports: the document is redone, not kept as unchanged.
    write(baseline, json.dumps({"fingerprint": fingerprint, "code": "number-mismatch", "reason": "confirmed"}) + "\n")
    third = run_cli("batch", str(release), "-o", str(out), "--select", "number-mismatch", "--baseline", str(baseline),
                    "--format", "xlsx", "--verbose")
    assert ": done" in third.stderr.decode() and "confirmed" in (out / "doc.html").read_text("utf-8")


def test_cli_batch_update_baseline_writes_the_release_findings_and_keeps_reasons(tmp_path, serial_batch):
    release, out, baseline = tmp_path / "release", tmp_path / "out", tmp_path / "baseline.jsonl"
    release.mkdir()
    write(release / "a.txt", "他二十一岁。\n我很好。\nHe is twenty-two.\nI am fine.\n")
    write(release / "b.txt", "她有三个孩子。\nShe has four children.\n")
    options = ["--fail-on", "error", "--select", "number-mismatch", "--baseline", str(baseline)]
    assert run_cli("batch", str(release), "-o", str(out), "--select", "number-mismatch", "--update-baseline").returncode == 2
    created = run_cli("batch", str(release), "-o", str(out), *options, "--update-baseline")
    assert created.returncode == 1  # this run's reports show the baseline as it was: none yet
    assert f"baseline: 2 added, 0 removed, 0 kept ({baseline})" in created.stderr.decode()
    entries = [json.loads(line) for line in baseline.read_text("utf-8").splitlines()]
    assert sorted(e["evidence"]["zh"] for e in entries) == ["三", "二十一"] and all(e["zh"] for e in entries)

    # A reason given, one document fixed: the fixed finding leaves the file, the reason stays with the other.
    write(baseline, "".join(json.dumps({**e, "reason": "the source is wrong"}) + "\n" for e in entries))
    write(release / "b.txt", "她有三个孩子。\nShe has three children.\n")
    assert run_cli("batch", str(release), "-o", str(out), *options).returncode == 0  # all accepted
    updated = run_cli("batch", str(release), "-o", str(out), *options, "--update-baseline")
    assert "baseline: 0 added, 1 removed, 1 kept" in updated.stderr.decode()
    (kept,) = [json.loads(line) for line in baseline.read_text("utf-8").splitlines()]
    assert (kept["evidence"]["zh"], kept["reason"]) == ("二十一", "the source is wrong")
