"""Fault injection on what the CLI writes: an input, a device, a FIFO or a link is never destroyed, and a
folder that cannot be written, a full disk, a closed stderr or an exhausted memory end in one line.

Most cases run the CLI in-process (``corpus_align.cli.main``); the ones about file descriptor 2 and
memory limits need a process of their own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from corpus_align.cli import main
from tests.conftest import SAMPLE

TSV_HEADER = "row\tzh\ten\t"
UNRELATED_ZH = "今天天气很好。我们去公园。\n"
UNRELATED_EN = "The invoice is overdue. Please pay it.\n"  # aligned with a warning: the two look unrelated


def _cli(*args: str | Path) -> int:
    """Run the CLI in-process and return its exit code."""
    try:
        main([str(arg) for arg in args])
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def _error_lines(capsys) -> list[str]:
    return capsys.readouterr().err.strip().splitlines()


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A copy of the bilingual sample, safe to lose if a test fails."""
    path = tmp_path / "book.txt"
    shutil.copyfile(SAMPLE, path)
    return path


@pytest.fixture
def work_must_not_start(monkeypatch):
    """Make the alignment itself fail loudly: a check that runs before the work never reaches it."""

    def started(*args, **kwargs):
        raise AssertionError("the alignment started although the output could not be written")

    monkeypatch.setattr("corpus_align.pipeline.run_pipeline", started)


def _python_cli() -> list[str]:
    return [sys.executable, "-m", "corpus_align"]


def _environment() -> dict[str, str]:
    return dict(os.environ, PYTHONIOENCODING="utf-8", OPENBLAS_NUM_THREADS="1")


# --- an input is never overwritten ------------------------------------------------------------------


@pytest.mark.parametrize("alias", ["same name", "symlink", "hard link"])
def test_output_refuses_to_overwrite_the_input(book, tmp_path, capsys, work_must_not_start, alias):
    output = {"same name": book, "symlink": tmp_path / "link.tsv", "hard link": tmp_path / "hard.tsv"}[alias]
    if alias == "symlink":
        output.symlink_to(book)
    elif alias == "hard link":
        os.link(book, output)

    code = _cli("align", book, "-o", output)

    assert code == 2
    assert book.read_bytes() == SAMPLE.read_bytes()
    (line,) = _error_lines(capsys)
    assert line == f"corpus-align: error: {output}: is the input {book}; write the result to another file"


def test_output_refuses_to_overwrite_the_glossary(book, tmp_path, capsys, work_must_not_start):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("重庆\tChongqing\n", encoding="utf-8")

    assert _cli("align", book, "--glossary", glossary, "-o", glossary) == 2
    assert glossary.read_text(encoding="utf-8") == "重庆\tChongqing\n"
    assert "is the input" in _error_lines(capsys)[0]


def test_split_refuses_to_write_through_a_link_onto_its_input(book, tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "book.zh.txt").symlink_to(book)

    assert _cli("split", book, "--out-dir", out_dir) == 2
    assert book.read_bytes() == SAMPLE.read_bytes()
    assert (out_dir / "book.zh.txt").is_symlink()
    assert "is the input" in _error_lines(capsys)[0]


# --- a device, FIFO or link stays what it is --------------------------------------------------------


def test_output_writes_into_a_fifo_and_leaves_it_a_fifo(book, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    # A reader opened without blocking: the CLI's open for writing succeeds at once, the small TSV fits the
    # pipe buffer, and if the FIFO were replaced this reader would see end-of-file instead of hanging.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code = _cli("align", book, "--no-check", "-o", fifo)
        received = _read_to_end(reader)
    finally:
        os.close(reader)

    assert code == 0
    assert received.decode("utf-8").startswith(TSV_HEADER)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_writes_into_dev_null_and_leaves_it_a_device(book):
    assert _cli("align", book, "--no-check", "-o", "/dev/null") == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="no /dev/fd on this system")
def test_output_writes_into_a_dev_fd_pipe(book):
    reader, writer = os.pipe()  # what the shell passes for -o >(gzip > x.gz)
    try:
        code = _cli("align", book, "--no-check", "-o", f"/dev/fd/{writer}")
        os.close(writer)
        writer = -1
        received = _read_to_end(reader)
    finally:
        os.close(reader)
        if writer >= 0:
            os.close(writer)

    assert code == 0
    assert received.decode("utf-8").startswith(TSV_HEADER)


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(book, tmp_path):
    (tmp_path / "results").mkdir()
    target = tmp_path / "results" / "book.tsv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.tsv"
    link.symlink_to(Path("results") / "book.tsv")

    assert _cli("align", book, "--no-check", "-o", link) == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("results") / "book.tsv")
    assert target.read_text(encoding="utf-8").startswith(TSV_HEADER)
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == ["book.tsv"]


def _read_to_end(descriptor: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except BlockingIOError:  # a writer still holds the pipe open but has nothing more to say
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


# --- an output that cannot be written fails before the work -----------------------------------------


def test_output_in_a_missing_folder_fails_before_the_work(book, tmp_path, capsys, work_must_not_start):
    output = tmp_path / "no-such-folder" / "out.tsv"

    assert _cli("align", book, "-o", output) == 2
    (line,) = _error_lines(capsys)
    assert line == f"corpus-align: error: {output}: folder {output.parent} does not exist"
    assert not output.parent.exists()


def test_output_in_a_read_only_folder_fails_before_the_work(book, tmp_path, capsys, work_must_not_start):
    if os.geteuid() == 0:
        pytest.skip("running as root, which ignores folder permissions (the simulated case below still runs)")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert _cli("align", book, "-o", folder / "out.tsv") == 2
    finally:
        folder.chmod(0o700)
    (line,) = _error_lines(capsys)
    assert line.startswith(f"corpus-align: error: {folder / 'out.tsv'}: cannot write in folder {folder}")


@pytest.mark.parametrize("fault", ["permission denied", "read-only file system"])
def test_output_in_an_unwritable_folder_fails_before_the_work(book, tmp_path, capsys, monkeypatch, work_must_not_start, fault):
    """Root ignores permissions, so the folder's refusal is injected: os.access, or the probe file."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if fault == "permission denied":
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda path, mode, **kw: False if Path(path) == folder and mode & os.W_OK else real_access(path, mode, **kw)
        )
    else:
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args, **kwargs):
            if kwargs.get("dir") is not None and Path(kwargs["dir"]) == folder:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)

    assert _cli("align", book, "-o", folder / "out.tsv") == 2
    (line,) = _error_lines(capsys)
    assert line.startswith(f"corpus-align: error: {folder / 'out.tsv'}: cannot write in folder {folder}: ")
    assert line.lower().endswith(fault)
    assert list(folder.iterdir()) == []


def test_output_that_is_a_folder_fails_before_the_work(book, tmp_path, capsys, work_must_not_start):
    assert _cli("align", book, "-o", tmp_path) == 2
    assert _error_lines(capsys) == [f"corpus-align: error: {tmp_path}: is a folder; give a file name"]


# --- a write that fails is one line, with no temporary file left ------------------------------------


def test_output_write_error_is_one_line_and_leaves_no_temporary_file(book, tmp_path, capsys, monkeypatch):
    output = tmp_path / "out.tsv"
    real_replace = os.replace

    def replace(source, destination, **kwargs):
        if Path(destination).name == output.name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source))
        return real_replace(source, destination, **kwargs)

    monkeypatch.setattr(os, "replace", replace)

    assert _cli("align", book, "--no-check", "-o", output) == 2
    assert _error_lines(capsys) == [f"corpus-align: error: {output}: cannot write: No space left on device"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_output_to_a_full_device_is_one_line_and_leaves_the_device(book, capsys):
    assert _cli("align", book, "--no-check", "-o", "/dev/full") == 2
    assert _error_lines(capsys) == ["corpus-align: error: /dev/full: cannot write: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- a closed or broken stderr does not stop the run ------------------------------------------------


def _unrelated_pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(UNRELATED_ZH, encoding="utf-8")
    en.write_text(UNRELATED_EN, encoding="utf-8")
    return zh, en


def test_cli_broken_stderr_in_process_still_writes_the_output(tmp_path, monkeypatch):
    zh, en = _unrelated_pair(tmp_path)
    reader, writer = os.pipe()
    os.close(reader)  # as after `2>&1 | head` once head has left: every write to stderr fails with EPIPE
    broken = open(writer, "w", encoding="utf-8")  # noqa: SIM115 (closed in the finally below)
    monkeypatch.setattr(sys, "stderr", broken)
    try:
        code = _cli("align", zh, en, "--no-check", "-f", "ladder", "-o", tmp_path / "out.txt")
    finally:
        monkeypatch.undo()
        with contextlib.suppress(OSError):
            broken.close()

    assert code == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("[0]:[0]")


def test_cli_broken_stderr_pipe_still_writes_the_output(tmp_path):
    zh, en = _unrelated_pair(tmp_path)
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [*_python_cli(), "align", str(zh), str(en), "--no-check", "-f", "ladder", "-o", str(tmp_path / "out.txt")],
            check=False, stdout=subprocess.DEVNULL, stderr=writer, env=_environment(), timeout=300,
        )
    finally:
        os.close(writer)

    assert done.returncode == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("[0]:[0]")


def test_cli_closed_stderr_keeps_messages_off_standard_output(tmp_path):
    """Started with `2>&-`: the error is lost with stderr, and standard output (the data) stays clean."""
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", *_python_cli(), "segment", str(tmp_path / "missing.txt")],
        check=False, capture_output=True, env=_environment(), timeout=120,
    )

    assert done.returncode == 2
    assert done.stdout == b""


# --- an exhausted memory is one line ----------------------------------------------------------------


def test_cli_out_of_memory_is_one_line(book, capsys, monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("corpus_align.pipeline.run_pipeline", exhausted)

    assert _cli("align", book, "-o", book.with_suffix(".tsv")) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("corpus-align: error: out of memory; split the document")
    assert not book.with_suffix(".tsv").exists()


def test_cli_out_of_memory_inside_a_library_is_one_line(book, capsys, monkeypatch):
    """jieba turns a MemoryError while loading its dictionary into a ValueError."""

    def wrapped(*args, **kwargs):
        try:
            raise MemoryError
        except MemoryError:
            # Deliberately without "from": the MemoryError is only the context, as in jieba.
            raise ValueError("invalid POS dictionary entry in dict.txt at Line 684")  # noqa: B904

    monkeypatch.setattr("corpus_align.pipeline.run_pipeline", wrapped)

    assert _cli("align", book, "-o", book.with_suffix(".tsv")) == 2
    (line,) = _error_lines(capsys)
    assert line.startswith("corpus-align: error: out of memory")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS limits the address space on Linux only")
def test_cli_out_of_memory_under_an_address_space_limit(tmp_path):
    import resource

    def limit_memory() -> None:
        limit = 250 * 1024 * 1024  # enough to start, not enough to load the aligner and align
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    done = subprocess.run(
        [*_python_cli(), "align", str(SAMPLE), "--no-check", "-o", str(tmp_path / "out.tsv")],
        check=False, capture_output=True, env=_environment(), timeout=300, preexec_fn=limit_memory,
    )

    if done.returncode == 0:
        pytest.skip("the alignment fitted in 250 MB of address space here")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert stderr.strip().splitlines()[-1].startswith("corpus-align: error: out of memory"), stderr
    assert "corpus_align/" not in stderr  # no traceback through our code (jieba may log its own cache failure)
    assert not (tmp_path / "out.tsv").exists()
