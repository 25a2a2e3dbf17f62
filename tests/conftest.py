from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "000_389ae536b82fb46d.txt"

# A two-column TSV with a spreadsheet's quoting and four kinds of broken record: lines 2-4 are rows 1-3 (quoted
# cells with doubled quotes and a tab), line 5 has a cell too many, line 6 opens a quote that never closes.
MALFORMED_TSV = (
    "zh\ten\n"
    '"他说""好"""\tHe said "fine".\n'
    '"甲\t乙"\tA and B.\n'
    "他二十一岁。\tHe is twenty-two.\n"
    "他四岁。\tHe is five.\tone cell too many\n"
    '"他三岁。\tHe is four.\n'
    "他五岁。\tHe is six.\n"
)


def _find_bench() -> Path | None:
    """The development sets: ``$CORPUS_ALIGN_BENCH``, ``../shared/bench`` beside this checkout (as in CI),
    or beside the local checkout this one was cloned from."""
    candidates = [Path(os.environ["CORPUS_ALIGN_BENCH"])] if os.environ.get("CORPUS_ALIGN_BENCH") else []
    candidates.append(ROOT.parent / "shared" / "bench")
    origin = subprocess.run(
        ["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"], capture_output=True, text=True
    ).stdout.strip()
    if origin and "://" not in origin and ":" not in origin.split("/")[0]:
        candidates.append(Path(origin).resolve().parent / "shared" / "bench")
    return next((c for c in candidates if (c / "mac-dev").is_dir() and (c / "newdomains-dev").is_dir()), None)


BENCH = _find_bench()


def bench_dir(name: str) -> Path:
    """One development set (``mac-dev`` or ``newdomains-dev``); the test is skipped, with the reason, when they are not here."""
    if BENCH is None:
        pytest.skip("development sets not found: put shared/bench beside the repository or set CORPUS_ALIGN_BENCH")
    return BENCH / name


@pytest.fixture(autouse=True)
def _no_project_settings(monkeypatch):
    """Every test runs with the built-in defaults: a corpus-align.toml above the checkout (in a home folder, in /tmp)
    must not change what the suite sees. Tests of the settings file take this away (monkeypatch.delenv)."""
    monkeypatch.setenv("CORPUS_ALIGN_NO_CONFIG", "1")


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


def run_cli_process(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m corpus_align`` in a new process, as a user would, capturing bytes.

    For what only a real process shows: signals, exit without teardown,
    closed descriptors, memory limits, start-up imports.
    """
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "corpus_align", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in this process (:func:`corpus_align.cli.main`) with bytes in and out, like :func:`run_cli_process`.

    The dictionaries stay loaded from one test to the next, which is what
    keeps the suite fast; standard input, output and error are byte streams
    that are not terminals.
    """
    import contextlib
    import io

    from corpus_align.cli import main

    def stream(data: bytes = b"") -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="", write_through=True)

    stdin_stream, stdout_stream, stderr_stream = stream(stdin or b""), stream(), stream()
    saved = sys.stdin, sys.stdout, sys.stderr
    saved_cwd = os.getcwd()
    code = 0
    try:
        sys.stdin, sys.stdout, sys.stderr = stdin_stream, stdout_stream, stderr_stream
        if cwd is not None:
            os.chdir(cwd)
        try:
            main(list(args))
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            if done.code is not None and not isinstance(done.code, int):
                print(done.code, file=sys.stderr)
        with contextlib.suppress(ValueError):
            stdout_stream.flush()
            stderr_stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        os.chdir(saved_cwd)
    output = stdout_stream.buffer.getvalue() if not stdout_stream.closed else b""
    errors = stderr_stream.buffer.getvalue() if not stderr_stream.closed else b""
    return subprocess.CompletedProcess(["corpus-align", *args], code, output, errors)


@pytest.fixture
def serial_batch(monkeypatch):
    """Documents aligned one after the other in this process instead of by worker processes: faster for tiny releases,
    and patches of the pipeline reach the work."""
    from corpus_align.batch import process_document, run

    def in_this_process(tasks, workers, settings):
        return (process_document(task) for task in tasks)

    monkeypatch.setattr(run, "map_local", in_this_process)


@pytest.fixture(scope="session")
def sample_alignment_and_findings():
    """The bundled sample aligned and checked, named by its path relative to the repository (as golden files show it)."""
    from corpus_align import align_files
    from corpus_align.qa import check_alignment

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        alignment = align_files("data/samples/000_389ae536b82fb46d.txt")
    finally:
        os.chdir(cwd)
    return alignment, check_alignment(alignment)


def is_running(pid: int) -> bool:
    """Alive and not a zombie: an orphan that is dead but not yet reaped by init is gone for our purpose."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def output_here_and_under_another_hash_seed(code: str, *, stdin: str = "", timeout: float = 300) -> tuple[str, str]:
    """What ``code`` prints in this process and in a fresh ``python -c code`` under another ``PYTHONHASHSEED``.

    One new process instead of several: this one is already warm, and its own
    hash seed is another sample of set orders (a fixed seed other than ours
    when ``PYTHONHASHSEED`` is set, else both are random and differ).
    """
    import contextlib
    import io

    ours = os.environ.get("PYTHONHASHSEED", "random")
    other = str(int(ours) + 1) if ours.isdigit() else "4242"
    run = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, env={**os.environ, "PYTHONHASHSEED": other})
    try:
        run.stdin.write(stdin)  # type: ignore[union-attr]
        run.stdin.close()  # type: ignore[union-attr]
        run.stdin = None  # written: communicate() must not touch it again
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), _stdin_from(stdin):
            exec(compile(code, "<hash-seed check>", "exec"), {"__name__": "__main__"})
        out, err = run.communicate(timeout=timeout)
    finally:
        run.kill()
    assert run.returncode == 0, err[-3000:]
    return printed.getvalue(), out


@contextlib.contextmanager
def _stdin_from(text: str):
    import io

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved
