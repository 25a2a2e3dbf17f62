"""Where the CLI writes its result: never over an input, never over a device, one line when it cannot.

Two steps, both for ``-o``/``--output``:

* :func:`check_output_target` runs *before* the work, so a run that cannot
  write its result fails in a moment instead of after aligning a book;
* :func:`write_output` writes the result: to standard output, straight into a
  stream (a FIFO, ``/dev/null``, ``/dev/fd/N`` from ``>(...)``), or
  atomically (temporary file and rename) to a regular file, through a
  symlink to its target.

A rename replaces whatever the name points at, so it is only used for
regular files and new names: renamed over ``/dev/null`` it would delete the
device.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import OutputError, UsageError

#: Names that are open descriptors of this process (``-o >(gzip > x.gz)``, ``-o /dev/stdout``): whatever
#: file they reach, it was opened by someone else and must be written in place, never renamed over.
_DESCRIPTOR_PREFIXES = ("/dev/fd/", "/proc/", "/dev/stdout", "/dev/stderr")


def check_output_target(output: str | None, inputs: Sequence[str | Path | None] = ()) -> None:
    """Refuse, before any work, an output that would destroy an input or cannot be written.

    Does nothing for standard output (``None`` or ``-``) and for streams (a
    FIFO, a character device such as ``/dev/null``). Inputs that are ``-`` or
    ``None`` are standard input and skipped.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "book.txt").write_text("书")
    1
    >>> check_output_target(str(folder / "book.tsv"), [folder / "book.txt"])
    >>> check_output_target(str(folder / "book.txt"), [folder / "book.txt"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.OutputError: .../book.txt: is the input .../book.txt; write the result to another file
    >>> check_output_target(str(folder / "missing" / "book.tsv"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.OutputError: .../missing/book.tsv: folder .../missing does not exist
    """
    if output in (None, "-"):
        return
    status = _stat_or_none(output)
    if status is not None:
        _refuse_an_input(output, status, inputs)
        _refuse_a_special_file(output, status)
        if _is_stream(output, status):
            return
    _refuse_an_unwritable_folder(output)


def write_output(content: str | bytes, output: str | None) -> None:
    """Write ``content`` (text is written as UTF-8) where ``output`` says.

    ``None`` or ``-``: standard output (binary content is refused on a
    terminal). A FIFO or character device: written straight into it. Anything
    else: atomically, replacing a symlink's target and keeping the link. An
    :class:`OSError` becomes an :class:`~corpus_align.errors.OutputError`
    naming ``output``, and no temporary file is left behind.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.tsv"
    >>> write_output("你好\\thello\\n", str(target))
    >>> target.read_text(encoding="utf-8")
    '你好\\thello\\n'
    >>> write_output("lost", "/dev/null")
    >>> write_output("x", "/dev/full")
    Traceback (most recent call last):
    corpus_align.errors.OutputError: /dev/full: cannot write: No space left on device
    """
    if output in (None, "-"):
        _write_to_standard_output(content)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        status = _stat_or_none(output)
        if status is not None and _is_stream(output, status):
            _write_into_stream(output, data, binary=isinstance(content, bytes))
        else:
            from .atomic import write_bytes_atomic

            write_bytes_atomic(output, data)  # follows a symlink: the link stays, its target is replaced
    except OSError as error:
        raise OutputError(output, f"cannot write: {error.strerror or error}") from None


@contextlib.contextmanager
def open_output(output: str | None) -> Iterator[TextIO]:
    """A text stream (UTF-8) for a result written piece by piece, with the rules of :func:`write_output`.

    Standard output for ``None`` or ``-``; a FIFO, character device or open
    descriptor (``/dev/fd/N``) written in place; anything else written to a
    temporary file beside the target (beside a symlink's target) and renamed
    over it only when the ``with`` block ends without an error, so a failed
    run leaves the old file or none.  An :class:`OSError` becomes an
    :class:`~corpus_align.errors.OutputError` naming ``output``.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "findings.jsonl"
    >>> with open_output(str(target)) as stream:
    ...     _ = stream.write("{}\\n")
    >>> target.read_text()
    '{}\\n'
    """
    if output in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        status = _stat_or_none(output)
        if status is not None and _is_stream(output, status):
            with open(output, "w", encoding="utf-8", newline="") as stream:
                yield stream
            return
        from .atomic import atomic_file

        with atomic_file(output) as binary:
            stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            yield stream
            stream.flush()
            stream.detach()  # the atomic file closes the binary stream itself
    except OSError as error:
        raise OutputError(output, f"cannot write: {error.strerror or error}") from None


def _write_to_standard_output(content: str | bytes) -> None:
    if isinstance(content, bytes):
        if sys.stdout.isatty():
            raise UsageError("this format is binary; write it to a file with -o FILE")
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(content)
        sys.stdout.flush()


def _write_into_stream(output: str, data: bytes, *, binary: bool) -> None:
    """Write into a FIFO or device in place: opening it for writing leaves the node itself alone."""
    with open(output, "wb") as stream:
        if binary and stream.isatty():
            raise UsageError("this format is binary; write it to a file with -o FILE")
        stream.write(data)


def _stat_or_none(path: str | Path) -> os.stat_result | None:
    """``os.stat`` (through symlinks), or ``None`` when there is nothing there (yet) to stat."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise OutputError(str(path), f"cannot reach it: {error.strerror or error}") from None


def _is_stream(output: str, status: os.stat_result) -> bool:
    """Written in place, never renamed over: FIFOs, character devices and this process's open descriptors."""
    if stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode):
        return True
    return os.path.abspath(output).startswith(_DESCRIPTOR_PREFIXES)


def _refuse_an_input(output: str, status: os.stat_result, inputs: Sequence[str | Path | None]) -> None:
    # A character device (a terminal, /dev/null) can be read and written without harm: `align /dev/stdin -o /dev/stdout`.
    if stat.S_ISCHR(status.st_mode):
        return
    for name in inputs:
        if name is None or str(name) == "-":
            continue
        source = _stat_or_none_quietly(name)
        if source is not None and (source.st_dev, source.st_ino) == (status.st_dev, status.st_ino):
            raise OutputError(output, f"is the input {name}; write the result to another file")


def _stat_or_none_quietly(path: str | Path) -> os.stat_result | None:
    """An input that cannot be stat'ed cannot be overwritten either; reading it reports the problem."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _refuse_a_special_file(output: str, status: os.stat_result) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(output, "is a folder; give a file name")
    if stat.S_ISSOCK(mode):
        raise OutputError(output, "is a socket; give a file name")
    if stat.S_ISBLK(mode):
        raise OutputError(output, "is a block device; give a file name")


def _refuse_an_unwritable_folder(output: str) -> None:
    """The rename needs a writable folder where the file really is (a symlink's target may live elsewhere)."""
    folder = Path(os.path.realpath(output)).parent
    if not folder.exists():
        raise OutputError(output, f"folder {Path(output).parent} does not exist")
    if not folder.is_dir():
        raise OutputError(output, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK):
        raise OutputError(output, f"cannot write in folder {folder}: permission denied")
    # os.access does not see read-only mounts, full disks or quotas; creating a file does.
    try:
        handle, probe = tempfile.mkstemp(prefix=".corpus-align-probe.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(output, f"cannot write in folder {folder}: {error.strerror or error}") from None
    os.close(handle)
    os.unlink(probe)
