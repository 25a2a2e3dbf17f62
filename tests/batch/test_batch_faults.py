"""A batch survives what one document or one file can do to it: dead workers, named pipes, links, a broken state.

These tests need a POSIX system with fork, ``os.mkfifo`` and ``/proc`` (Linux), as CI has.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from corpus_align.batch import STATE_DIR, process_document, run_batch
from tests.batch.conftest import EN, ZH
from tests.conftest import is_running

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux: fork, FIFOs and /proc")

STATE_LOG = f"{STATE_DIR}/state.jsonl"
LEGACY_STATE = f"{STATE_DIR}/state.json"


def bilingual(folder: Path, filename: str | bytes, index: int = 0) -> None:
    """A tiny bilingual document: one Chinese sentence, a blank line, its English."""
    folder.mkdir(parents=True, exist_ok=True)
    path = os.path.join(os.fsencode(folder), os.fsencode(filename))
    with open(path, "wb") as stream:
        stream.write(f"{ZH[index % len(ZH)]}\n\n{EN[index % len(EN)]}\n".encode())


def tiny_release(root: Path, names: list[str]) -> Path:
    for index, name in enumerate(names):
        bilingual(root, f"{name}.txt", index)
    return root


def batch_cli(capsys, release: Path, out: Path, *options: str) -> tuple[int, str]:
    """``corpus-align batch`` in this process (so monkeypatches reach the forked workers): exit code and stderr."""
    from corpus_align.cli import main

    capsys.readouterr()
    try:
        main(["batch", str(release), "-o", str(out), *options])
        code = 0
    except SystemExit as done:
        code = done.code
    return code, capsys.readouterr().err


def summary_by_name(out: Path) -> dict[str, dict]:
    return {d["name"]: d for d in json.loads((out / "summary.json").read_text("utf-8"))["documents"]}


def state_lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / STATE_LOG).read_text("utf-8").splitlines()]


def within(seconds: float, call, *, unblock: tuple[Path, ...] | list[Path] = ()):
    """``call()``, failing the test if it takes longer; a named pipe someone opened for reading is then unblocked."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for fifo in unblock:
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail(f"did not finish within {seconds} s (a named pipe opened for reading?)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


TEST_PROCESS = os.getpid()


def crash_on_boom(task):
    """process_document, except that the worker given the document ``boom`` is killed as the OOM killer would."""
    if task.name == "boom":
        if os.getpid() == TEST_PROCESS:  # never kill the test run itself
            raise RuntimeError("ran in the test process, not in a worker")
        os.kill(os.getpid(), signal.SIGKILL)
    return process_document(task)


@pytest.mark.parametrize(
    ("workers", "oom_kill_counts", "reason"),
    [
        (1, None, "worker died: killed (signal 9)"),
        (2, "rising", "worker died: out of memory (killed by signal 9"),
    ],
    ids=["one-worker-killed", "two-workers-oom-killed"],
)
def test_batch_worker_killed_mid_run_fails_that_document_only(tmp_path, monkeypatch, capsys, workers, oom_kill_counts, reason):
    import multiprocessing

    from corpus_align.batch import workers as batch_workers

    release = tiny_release(tmp_path / "release", ["a", "boom", "c"])
    out = tmp_path / "out"
    monkeypatch.setattr(batch_workers, "process_document", crash_on_boom)
    if oom_kill_counts == "rising":  # the kernel's count of OOM kills rises while the document is at work
        count = itertools.count()
        monkeypatch.setattr(batch_workers, "_oom_kill_count", lambda: next(count))

    code, err = batch_cli(capsys, release, out, "--workers", str(workers))
    assert code == 1, err
    assert f"boom: failed ({reason}" in err and f"corpus-align: error: boom: {reason}" in err
    assert "a: done" in err and "c: done" in err
    assert "2 done, 0 unchanged, 1 failed, 0 unpaired" in err
    summary = summary_by_name(out)
    assert summary["boom"]["status"] == "failed" and summary["boom"]["error"].startswith(reason)
    assert summary["a"]["status"] == summary["c"]["status"] == "done" and (out / "c.tsv").is_file()
    assert {line["name"]: line["record"]["status"] for line in state_lines(out)} == {"a": "done", "boom": "failed", "c": "done"}
    assert not multiprocessing.active_children()

    # The rerun is not killed by it either: the document is tried once more (as every failed one is), and fails alone.
    code, err = batch_cli(capsys, release, out, "--workers", str(workers))
    assert code == 1 and "0 done, 2 unchanged, 1 failed, 0 unpaired" in err
    assert summary_by_name(out)["boom"]["error"].startswith(reason)


def test_batch_worker_death_reasons_say_what_is_known():
    from corpus_align.batch import describe_worker_death

    assert describe_worker_death(-signal.SIGKILL) == "worker died: killed (signal 9)"
    assert describe_worker_death(-signal.SIGKILL, 7, 7) == "worker died: killed (signal 9)"
    assert describe_worker_death(-signal.SIGKILL, 7, 8).startswith("worker died: out of memory")
    assert describe_worker_death(-signal.SIGSEGV, 7, 8) == "worker died: segmentation fault (signal 11)"
    assert describe_worker_death(-signal.SIGABRT) == "worker died: aborted (signal 6)"
    assert describe_worker_death(3) == "worker died: exited with code 3"


HANG_IN_EVERY_WORKER = """
import os, sys, time
import corpus_align.batch as batch
import corpus_align.batch.workers as batch_workers

release, out, seen, mechanism = sys.argv[1:]

def hang(task):
    open(os.path.join(seen, str(os.getpid())), "w").close()
    time.sleep(300)

batch_workers.process_document = hang
batch_workers._warm_up = lambda settings: None  # nothing to align: no dictionaries to load first
if mechanism == "polling-thread":
    batch_workers.die_with_parent = lambda: False
batch.run_batch(release, out, workers=2)
"""


@pytest.mark.parametrize("mechanism", ["prctl", "polling-thread"])
def test_batch_workers_end_when_the_batch_is_killed(tmp_path, mechanism):
    release = tiny_release(tmp_path / "release", ["a", "b"])
    seen = tmp_path / "seen"
    seen.mkdir()
    script = tmp_path / "hang.py"
    script.write_text(HANG_IN_EVERY_WORKER, "utf-8")
    batch = subprocess.Popen([sys.executable, str(script), str(release), str(tmp_path / "out"), str(seen), mechanism])
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and batch.poll() is None:
            workers = [int(p.name) for p in seen.iterdir()]
            time.sleep(0.05)
        assert len(workers) == 2 and all(is_running(pid) for pid in workers)
        batch_score = int(Path(f"/proc/{batch.pid}/oom_score_adj").read_text())
        worker_scores = [int(Path(f"/proc/{pid}/oom_score_adj").read_text()) for pid in workers]
        batch.send_signal(signal.SIGKILL)
        batch.wait(10)
        deadline = time.monotonic() + 5
        while any(is_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if is_running(pid)], "workers outlived the batch"
        # Short of memory, the kernel ends a worker (one document) before the batch (the whole run).
        assert all(score > batch_score for score in worker_scores)
    finally:
        batch.kill()
        batch.wait(10)
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_batch_named_pipes_and_devices_are_not_read_and_say_why(tmp_path, capsys):
    release = tmp_path / "release"
    bilingual(release, "good.txt")
    (release / "lonely.zh.txt").write_text(ZH[0], "utf-8")
    fifos = [release / "lonely.en.txt", release / "pipe.txt"]
    for fifo in fifos:
        os.mkfifo(fifo)
    (release / "zero.txt").symlink_to("/dev/zero")
    (release / "dangling.txt").symlink_to(release / "nowhere.txt")

    code, err = within(120, lambda: batch_cli(capsys, release, tmp_path / "out", "--workers", "1"), unblock=fifos)
    assert code == 0, err
    assert "pipe.txt: a named pipe (FIFO), not a regular file" in err
    assert "zero.txt: a symbolic link to a character device, not a regular file" in err
    assert "dangling.txt: a broken symbolic link" in err
    assert "lonely.zh.txt: its partner lonely.en.txt cannot be paired: a named pipe (FIFO)" in err
    assert "1 done, 0 unchanged, 0 failed, 1 unpaired, 4 not read" in err
    summary = summary_by_name(tmp_path / "out")
    assert {name: d["status"] for name, d in summary.items()} == {
        "good": "done", "lonely.zh.txt": "unpaired", "dangling.txt": "not-read", "lonely.en.txt": "not-read",
        "pipe.txt": "not-read", "zero.txt": "not-read",
    }
    assert "named pipe" in summary["lonely.zh.txt"]["error"] and "character device" in summary["zero.txt"]["error"]


def test_batch_symlinked_folder_is_searched_and_aligned(tmp_path):
    outside = tmp_path / "elsewhere"
    (outside / "x.zh.txt").parent.mkdir()
    (outside / "x.zh.txt").write_text("".join(ZH[:2]), "utf-8")
    (outside / "x.en.txt").write_text(" ".join(EN[:2]), "utf-8")
    release = tiny_release(tmp_path / "release", ["own"])
    (release / "linked").symlink_to(outside, target_is_directory=True)

    report = run_batch(release, tmp_path / "out", workers=1)
    records = {r["name"]: r for r in report.records}
    assert records["linked/x"]["status"] == "done" and records["linked/x"]["zh_sentences"] == 2
    assert (tmp_path / "out" / "linked" / "x.tsv").is_file() and report.done == 2


def test_batch_symlink_loop_is_not_followed_forever(tmp_path):
    from corpus_align.batch import discover

    release = tmp_path / "release"
    bilingual(release / "v2", "doc.txt")
    (release / "v2" / "up").symlink_to(release, target_is_directory=True)  # a loop back to the release
    (release / "v2" / "here").symlink_to(release / "v2", target_is_directory=True)  # a loop onto itself
    (release / "latest").symlink_to(release / "v2", target_is_directory=True)  # sorts first: still named v2

    found = within(30, lambda: discover(release))
    assert [pair.name for pair in found.pairs] == ["v2/doc"]
    reasons = {item.path.relative_to(release).as_posix(): item.reason for item in found.skipped}
    assert set(reasons) == {"latest", "v2/here", "v2/up"}
    assert reasons["v2/up"].startswith("a link to the release folder itself")
    assert reasons["latest"].startswith("a link to v2, searched under that name")


def _corrupt_log_last_line(out: Path) -> None:
    log = out / STATE_LOG
    log.write_bytes(log.read_bytes()[:-20])  # a power cut in the middle of the last line


def _log_of_garbage(out: Path) -> None:
    (out / STATE_LOG).write_bytes(b"\x00\xffnot a state at all\n\x89PNG\r\n")


def _log_lines_of_the_wrong_shape(out: Path) -> None:
    (out / STATE_LOG).write_text('[1, 2]\n{"name": "a", "hash": 5, "record": "ok"}\n"text"\n', "utf-8")


def _legacy_not_json(out: Path) -> None:
    (out / STATE_LOG).unlink()
    (out / LEGACY_STATE).write_text("{not json", "utf-8")


def _legacy_wrong_shape(out: Path) -> None:
    (out / STATE_LOG).unlink()
    (out / LEGACY_STATE).write_text('{"a": 5, "b": [1, 2], "c": {"hash": null}}', "utf-8")


def _legacy_list(out: Path) -> None:
    (out / STATE_LOG).unlink()
    (out / LEGACY_STATE).write_text("[1, 2, 3]", "utf-8")


@pytest.mark.parametrize(
    ("damage", "problem", "unchanged"),
    [
        (_corrupt_log_last_line, "its last line is cut short", 2),
        (_log_of_garbage, "it is not a state log", 0),
        (_log_lines_of_the_wrong_shape, "it is not a state log", 0),
        (_legacy_not_json, "it is not JSON", 0),
        (_legacy_wrong_shape, "3 of 3 entries have the wrong shape", 0),
        (_legacy_list, "it is JSON but not a map of documents", 0),
    ],
    ids=["log-cut-short", "log-garbage", "log-wrong-shape", "old-not-json", "old-wrong-shape", "old-a-list"],
)
def test_batch_state_that_cannot_be_trusted_is_rebuilt(tmp_path, capsys, damage, problem, unchanged):
    release = tiny_release(tmp_path / "release", ["a", "b", "c"])
    out = tmp_path / "out"
    run_batch(release, out, workers=1)
    damage(out)

    code, err = batch_cli(capsys, release, out, "--workers", "1")
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "state.json" in line]
    assert len(warnings) == 1 and problem in warnings[0] and "rebuilt" in warnings[0]
    assert f"{3 - unchanged} done, {unchanged} unchanged, 0 failed" in err
    assert {line["name"] for line in state_lines(out)} == {"a", "b", "c"}
    assert not (out / LEGACY_STATE).exists()
    # Rebuilt: the next run trusts it again, without a word.
    code, err = batch_cli(capsys, release, out, "--workers", "1")
    assert code == 0 and "0 done, 3 unchanged" in err and "warning" not in err


def test_batch_old_state_json_is_migrated(tmp_path):
    release = tiny_release(tmp_path / "release", ["a", "b"])
    out = tmp_path / "out"
    run_batch(release, out, workers=1)
    old = {line["name"]: {"hash": line["hash"], "record": line["record"]} for line in state_lines(out)}
    (out / STATE_LOG).unlink()
    (out / LEGACY_STATE).write_text(json.dumps(old), "utf-8")

    again = run_batch(release, out, workers=1)
    assert (again.done, again.unchanged, again.warnings) == (0, 2, [])
    assert not (out / LEGACY_STATE).exists() and {line["name"] for line in state_lines(out)} == {"a", "b"}


def test_batch_state_is_appended_one_line_per_document(tmp_path):
    release = tiny_release(tmp_path / "release", ["a", "b", "c", "d"])
    out = tmp_path / "out"
    seen: list[tuple[int, int]] = []

    def look_at_the_state(status, record, done, total):
        if status != "start":
            info = os.stat(out / STATE_LOG)
            seen.append((info.st_ino, len((out / STATE_LOG).read_bytes().splitlines())))

    run_batch(release, out, workers=1, progress=look_at_the_state)
    # The same file all along (never rewritten whole), one more line per document.
    assert [lines for _, lines in seen] == [1, 2, 3, 4] and len({inode for inode, _ in seen}) == 1


def test_batch_escape_sequences_in_names_are_printed_escaped(tmp_path, capsys):
    release = tmp_path / "release"
    bilingual(release, "red\x1b[31mtext.txt")
    (release / "title\x1b]0;owned\x07.zh.txt").write_text(ZH[0], "utf-8")
    (release / "clear\x1b[2J.txt").write_bytes(b"\x00\x01binary\x00")
    os.mkfifo(release / "bell\x07.txt")

    code, err = batch_cli(capsys, release, tmp_path / "out", "--workers", "1")
    assert code == 1  # the binary file failed
    assert "\x1b" not in err and "\x07" not in err
    assert "red\\x1b[31mtext: done" in err
    assert "title\\x1b]0;owned\\x07.zh.txt: no partner file found" in err
    assert "corpus-align: error: clear\\x1b[2J:" in err
    assert "bell\\x07.txt: a named pipe" in err


def test_batch_file_name_that_is_not_utf8_is_aligned_and_summarized(tmp_path):
    release = tmp_path / "release"
    bilingual(release, b"caf\xe9.txt")

    report = run_batch(release, tmp_path / "out", workers=1)
    assert report.done == 1 and report.failed == 0
    summary = summary_by_name(tmp_path / "out")
    assert summary["caf\udce9"]["status"] == "done"
    assert os.path.exists(os.path.join(os.fsencode(tmp_path / "out"), b"caf\xe9.html"))


def test_batch_output_that_cannot_be_written_fails_that_document_only(tmp_path, capsys):
    release = tiny_release(tmp_path / "release", ["a", "b"])
    out = tmp_path / "out"
    (out / "a.tsv").mkdir(parents=True)  # a folder where the report goes

    code, err = batch_cli(capsys, release, out, "--workers", "1")
    assert code == 1 and "1 done, 0 unchanged, 1 failed" in err
    summary = summary_by_name(out)
    assert summary["a"]["status"] == "failed" and summary["a"]["error"].startswith("cannot write a.tsv")
    assert summary["b"]["status"] == "done" and (out / "b.tsv").is_file()
