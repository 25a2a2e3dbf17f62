"""The atomic write replaces regular files only: a link keeps pointing, a FIFO stays a FIFO, a file keeps its mode."""

from __future__ import annotations

import os
import stat

import pytest

from corpus_align.io.atomic import write_bytes_atomic


def test_atomic_write_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "target.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)

    assert write_bytes_atomic(link, b"new") == link
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_atomic_write_refuses_to_rename_over_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    with pytest.raises(FileExistsError, match="not a regular file"):
        write_bytes_atomic(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    private = tmp_path / "private.tsv"
    private.write_bytes(b"old")
    private.chmod(0o600)

    write_bytes_atomic(private, b"new")

    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes() == b"new"
