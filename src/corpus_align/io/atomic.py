"""Write files atomically: a run that dies half way leaves the old file or none, never half a file.

Only regular files are replaced this way. A rename replaces the *name*: over
a symlink it would drop the link, over ``/dev/null`` or a FIFO it would
delete the node, so symlinks are followed to their target and anything that
is not a regular file is refused (:mod:`corpus_align.io.output` writes into
streams in place).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_text_atomic(target, "hi").read_text()
    'hi'
    """
    return write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file + ``os.replace``); return the path.

    A symlink is kept and its target replaced; an existing file keeps its
    permissions; a missing folder is created. Raises :class:`OSError` (and
    leaves no temporary file) when the write fails, and
    :class:`FileExistsError` when ``path`` is something other than a regular
    file, which a rename would destroy.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "real.txt").write_bytes(b"old")
    3
    >>> (folder / "link.txt").symlink_to("real.txt")
    >>> _ = write_bytes_atomic(folder / "link.txt", b"new")
    >>> (folder / "link.txt").is_symlink(), (folder / "real.txt").read_bytes()
    (True, b'new')
    >>> write_bytes_atomic("/dev/null", b"x")
    Traceback (most recent call last):
    FileExistsError: [Errno 17] not a regular file, refusing to replace it: '/dev/null'
    """
    with atomic_file(path) as stream:
        stream.write(data)
    return Path(path)


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` atomically when the ``with`` block ends without an error.

    The same rules as :func:`write_bytes_atomic`, for content written piece
    by piece (findings streamed as they are found): until the block ends the
    old file stays as it was; if the block raises, the temporary file is
    removed and the old file kept.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> with atomic_file(target) as stream:
    ...     _ = stream.write(b"{}\\n")
    >>> target.read_bytes()
    b'{}\\n'
    """
    target = Path(os.path.realpath(path))
    mode = _existing_regular_file_mode(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        _replace_keeping_mode(Path(temporary), target, mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def move_into_place(temporary: str | Path, path: str | Path) -> Path:
    """Move the finished ``temporary`` file (made in ``path``'s folder) over ``path`` with one rename.

    For content that a library writes to a file name of its own (an SQLite
    database) rather than to a stream; the same rules as
    :func:`write_bytes_atomic`: a symlink's target is replaced, an existing
    file keeps its permissions, anything but a regular file is refused (and
    ``temporary`` then removed).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".new.tmp").write_bytes(b"new")
    >>> move_into_place(folder / ".new.tmp", folder / "a.db").read_bytes(), (folder / ".new.tmp").exists()
    (b'new', False)
    """
    target = Path(os.path.realpath(path))
    try:
        _replace_keeping_mode(Path(temporary), target, _existing_regular_file_mode(target))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _replace_keeping_mode(temporary: Path, target: Path, mode: int | None) -> None:
    # mkstemp makes the file private (0600); give it the permissions the old file had, or any new file would get.
    os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
    os.replace(temporary, target)


def _existing_regular_file_mode(target: Path) -> int | None:
    """The permission bits of the regular file at ``target``, ``None`` when there is none; refuse anything else."""
    try:
        status = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(status.st_mode):
        raise FileExistsError(errno.EEXIST, "not a regular file, refusing to replace it", str(target))
    return stat.S_IMODE(status.st_mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
