"""Reading hostile inputs: devices, FIFOs, sockets, oversized, unreadable, BOM-less UTF-16, truncated UTF-8."""

from __future__ import annotations

import io
import os
import resource
import socket
import subprocess
import sys
import threading

import pytest

from corpus_align import InputError, decode_bytes, read_text
from corpus_align.errors import UsageError
from tests.conftest import run_cli

TEXT = "你好，世界。\nHello, world.\n"


def run_cli_with_memory_limit(*args: str, gigabytes: float = 3) -> subprocess.CompletedProcess:
    """Like :func:`run_cli`, with the address space limited: code that reads without end fails fast."""
    limit = int(gigabytes * 1024**3)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = dict(os.environ, PYTHONIOENCODING="utf-8", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "corpus_align", *args], capture_output=True, env=env,
                          preexec_fn=limit_memory, timeout=300)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    message = done.stderr.decode("utf-8").strip()
    assert done.returncode == 2, message[-2000:]
    assert "\n" not in message and "Traceback" not in message
    return message


def test_read_refuses_a_symlink_to_dev_zero_through_the_cli(tmp_path):
    link = tmp_path / "chapter.txt"
    link.symlink_to("/dev/zero")
    message = one_line_error(run_cli_with_memory_limit("segment", str(link)))
    assert str(link) in message and "/dev/zero" in message and "character device" in message


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_read_refuses_character_devices(device, tmp_path):
    message = one_line_error(run_cli_with_memory_limit("align", device, str(tmp_path / "en.txt")))
    assert message.endswith(f"{device}: is a character device, not a text file")


def test_read_refuses_a_symlink_to_dev_null(tmp_path):
    # /dev/null reads as an empty file; it is refused as a device, not reported "empty".
    link = tmp_path / "link.txt"
    link.symlink_to("/dev/null")
    with pytest.raises(InputError, match="symbolic link to /dev/null, a character device, not a text file"):
        read_text(link, allow_empty=True)


def test_read_refuses_a_socket(tmp_path):
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as error:  # a path too long for a socket address
        pytest.skip(f"cannot create a socket here: {error}")
    try:
        with pytest.raises(InputError, match="is a socket, not a text file"):
            read_text(path)
    finally:
        server.close()


def _write_to_fifo(path, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            with open(path, "wb") as fifo:
                fifo.write(data)
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_read_reads_a_fifo_up_to_the_limit(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = _write_to_fifo(fifo, TEXT.encode("utf-8"))
    assert read_text(fifo).text == TEXT
    writer.join(timeout=10)
    writer = _write_to_fifo(fifo, b"Hello.\n" * 100_000)  # 700,000 bytes
    with pytest.raises(InputError, match=r"larger than the input limit of 1,000 bytes \(stopped reading there\)"):
        read_text(fifo, max_bytes=1000)
    writer.join(timeout=10)
    assert not writer.is_alive()


def test_read_refuses_a_file_over_the_limit(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Hello, world.\n" * 150_000)  # 2.0 MB
    with pytest.raises(InputError) as caught:
        read_text(big, max_bytes=1024)
    assert str(caught.value) == (
        f"{big}: is 2.0 MB, larger than the input limit of 1,024 bytes; "
        "set CORPUS_ALIGN_MAX_INPUT_MB to a larger number of megabytes to read it"
    )
    monkeypatch.setenv("CORPUS_ALIGN_MAX_INPUT_MB", "1")
    with pytest.raises(InputError, match="is 2.0 MB, larger than the input limit of 1.0 MB"):
        read_text(big)
    message = one_line_error(run_cli("segment", str(big)))
    assert "larger than the input limit of 1.0 MB" in message and "CORPUS_ALIGN_MAX_INPUT_MB" in message
    monkeypatch.setenv("CORPUS_ALIGN_MAX_INPUT_MB", "3")
    assert read_text(big).text.startswith("Hello")


def test_read_refuses_standard_input_over_the_limit(monkeypatch):
    with pytest.raises(InputError, match=r"<stdin>: is larger than the input limit of 10 bytes"):
        read_text("-", stdin=io.BytesIO(TEXT.encode("utf-8")), max_bytes=10)
    monkeypatch.setenv("CORPUS_ALIGN_MAX_INPUT_MB", "lots")
    with pytest.raises(UsageError, match="CORPUS_ALIGN_MAX_INPUT_MB='lots' is not a positive number of megabytes"):
        read_text("-", stdin=io.BytesIO(TEXT.encode("utf-8")))


def test_read_unreadable_file_is_permission_denied(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root, which reads files whatever their permissions")
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, "utf-8")
    locked.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_text(locked)
    assert one_line_error(run_cli("segment", str(locked))).endswith(f"{locked}: permission denied")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_read_utf16_or_32_without_bom_suggests_the_encoding(codec, tmp_path):
    with pytest.raises(InputError, match=f"looks like {codec.upper()} text without a byte order mark; pass --encoding {codec}"):
        decode_bytes(TEXT.encode(codec), "x.txt")
    if codec == "utf-16-le":  # through the CLI once: the hint works as given
        path = tmp_path / "wide.txt"
        path.write_bytes(TEXT.encode(codec))
        assert f"--encoding {codec}" in one_line_error(run_cli("segment", str(path)))
        done = run_cli("segment", str(path), "--encoding", codec)
        assert done.returncode == 0 and "你好，世界。" in done.stdout.decode("utf-8")
    # Binary data with NUL bytes, even on one parity, is still binary.
    for binary in (bytes(range(256)) * 8, b"\x05\x00\x07\x00" * 100, b"\x00unreadable: Permission denied"):
        with pytest.raises(InputError, match="looks binary"):
            decode_bytes(binary, "data.bin")


def test_read_truncated_utf8_says_truncated(tmp_path):
    data = TEXT.encode("utf-8") + "再见".encode()[:-1]
    offset = len(data) - 2
    expected = f"seems truncated: it ends in the middle of a UTF-8 character at byte offset {offset}"
    with pytest.raises(InputError, match=expected):
        decode_bytes(data, "cut.txt")
    with pytest.raises(InputError, match=f"truncated: .* at byte offset {offset}"):
        decode_bytes(data, "cut.txt", "utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    assert expected in one_line_error(run_cli("segment", str(path)))
    # A bad byte inside the file is a wrong encoding, reported where it is, as before.
    with pytest.raises(InputError, match=r"cannot decode: bytes ff .* at byte offset 3"):
        decode_bytes(b"abc\xff" + TEXT.encode("utf-8"), "bad.txt")
