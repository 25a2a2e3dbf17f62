"""The resume state: an append-only log of the documents done, which a rerun trusts only as far as it can check."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from ..io.atomic import write_bytes_atomic
from .settings import LEGACY_STATE_FILE, STATE_FILE


@dataclass(frozen=True)
class StateRead:
    """What a state file vouches for (name → ``{"hash", "record"}``) and what was wrong with the rest ('' if nothing)."""

    entries: dict[str, dict]
    problem: str = ""


def _is_state_entry(value: object) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("hash"), str)
        and isinstance(value.get("record"), dict) and isinstance(value["record"].get("status"), str)
    )


def state_line(name: str, entry: dict) -> bytes:
    """One line of the state log for document ``name``.

    ASCII only, so that a file name that is not UTF-8 (lone surrogates) is
    written, and read back, as it is.

    >>> state_line("a", {"hash": "h1", "record": {"status": "ok"}})
    b'{"name":"a","hash":"h1","record":{"status":"ok"}}\\n'
    """
    line = {"name": name, "hash": entry["hash"], "record": entry["record"]}
    return (json.dumps(line, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def parse_state_log(data: bytes) -> StateRead:
    """Read a JSON-lines state: a later line for a name replaces an earlier one; bad lines are counted, not trusted.

    >>> read = parse_state_log(b'{"name":"a","hash":"h1","record":{"status":"ok"}}\\n{"name":"b","ha')
    >>> read.entries, read.problem
    ({'a': {'hash': 'h1', 'record': {'status': 'ok'}}}, 'its last line is cut short')
    """
    entries: dict[str, dict] = {}
    lines = data.split(b"\n")
    complete = lines[-1] == b""  # every line the log writes ends with a newline
    if complete:
        lines.pop()
    bad: list[int] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is one
            bad.append(number)
            continue
        if not (isinstance(value, dict) and isinstance(value.get("name"), str) and _is_state_entry(value)):
            bad.append(number)
            continue
        entries[value["name"]] = {"hash": value["hash"], "record": value["record"]}
    if not bad:
        return StateRead(entries)
    if bad == [len(lines)] and not complete:
        return StateRead(entries, "its last line is cut short")
    if not entries:
        return StateRead(entries, "it is not a state log (no line is a state record)")
    return StateRead(entries, f"{len(bad)} of {len(lines)} lines are not state records (line {bad[0]} first)")


def parse_legacy_state(data: bytes) -> StateRead:
    """Read the ``state.json`` of earlier versions: one JSON object, document name → ``{"hash", "record"}``.

    >>> parse_legacy_state(b'{"a": {"hash": "h1", "record": {"status": "ok"}}, "b": 5}').problem
    '1 of 2 entries have the wrong shape'
    >>> parse_legacy_state(b'[1, 2]').problem
    'it is JSON but not a map of documents'
    """
    try:
        value = json.loads(data.decode("utf-8"))
    except ValueError:
        return StateRead({}, "it is not JSON")
    if not isinstance(value, dict):
        return StateRead({}, "it is JSON but not a map of documents")
    entries = {
        name: {"hash": entry["hash"], "record": entry["record"]}
        for name, entry in value.items() if _is_state_entry(entry)
    }
    wrong = len(value) - len(entries)
    return StateRead(entries, f"{wrong} of {len(value)} entries have the wrong shape" if wrong else "")


def _read_state_file(path: Path, parse: Callable[[bytes], StateRead]) -> StateRead:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe there would hang the read
            return StateRead({}, "it is not a regular file")
        return parse(path.read_bytes())
    except OSError as error:
        return StateRead({}, f"it cannot be read ({error.strerror or error})")


class StateLog:
    """The resume state of a batch, ``OUT/.corpus-align/state.jsonl``: one JSON line per finished document.

    Recording a document appends one line, so it costs the same for the first
    document of a release and the ten-thousandth (the ``state.json`` of earlier
    versions was rewritten whole after each: quadratic in the release). Opening
    the log compacts it to one line per document of the release, so it never
    grows beyond that plus the documents finished since. Each line is flushed
    at once, so a killed batch loses nothing; it is forced to disk
    (``fsync``) at most once per :data:`SYNC_INTERVAL` seconds and at the end,
    because a sync per document costs more than a small document takes, and a
    power cut can only lose the last moment's records, whose documents are
    then redone.

    A state that is not a log, a line that is not a record, a last line cut
    short: each file with such a problem gets one call of ``warn``, and the
    documents it cannot vouch for are done again.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with StateLog.open(folder, keep={"a"}) as log:
    ...     log.record("a", "h1", {"name": "a", "status": "ok"})
    >>> with StateLog.open(folder, keep={"a"}) as log:
    ...     print(log.entries["a"]["hash"])
    h1
    """

    SYNC_INTERVAL = 1.0

    def __init__(self, path: Path, entries: dict[str, dict], stream) -> None:
        self.path = path
        self.entries = entries
        self._stream = stream
        self._synced = time.monotonic()

    @classmethod
    def open(
        cls, folder: Path, *, keep: Collection[str], fresh: bool = False, warn: Callable[[str], None] | None = None,
    ) -> StateLog:
        """Read the state in ``folder`` (or migrate an old ``state.json``), keep the entries of ``keep``, compact it.

        ``fresh`` starts from nothing (``--force``). Raises :class:`OutputError`
        when the state cannot be written.
        """
        path = folder / STATE_FILE
        legacy = folder / LEGACY_STATE_FILE
        if fresh:
            read, source = StateRead({}), path
        elif os.path.lexists(path):
            read, source = _read_state_file(path, parse_state_log), path
        elif os.path.lexists(legacy):
            read, source = _read_state_file(legacy, parse_legacy_state), legacy
        else:
            read, source = StateRead({}), path
        if read.problem and warn is not None:
            warn(f"{source}: {read.problem}; rebuilt, and the documents it cannot vouch for are done again")
        entries = {name: entry for name, entry in read.entries.items() if name in keep}
        try:
            write_bytes_atomic(path, b"".join(state_line(name, entry) for name, entry in sorted(entries.items())))
            if os.path.lexists(legacy):
                legacy.unlink()
            stream = open(path, "ab")  # noqa: SIM115  (kept open for the log's lifetime; closed by StateLog.close)
        except OSError as error:
            raise OutputError(str(path), f"cannot write the resume state: {error.strerror or error}") from None
        return cls(path, entries, stream)

    def record(self, name: str, digest: str, record: dict) -> None:
        """Remember that document ``name``, whose inputs hash to ``digest``, ended with ``record``."""
        entry = {"hash": digest, "record": record}
        self.entries[name] = entry
        try:
            self._stream.write(state_line(name, entry))
            self._stream.flush()
            if time.monotonic() - self._synced >= self.SYNC_INTERVAL:
                os.fsync(self._stream.fileno())
                self._synced = time.monotonic()
        except OSError as error:
            raise OutputError(str(self.path), f"cannot write the resume state: {error.strerror or error}") from None

    def close(self) -> None:
        """Force what was recorded to disk and close the log."""
        if self._stream.closed:
            return
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError:
            pass  # the lines are written; only their durability against a power cut is in doubt
        finally:
            self._stream.close()

    def __enter__(self) -> StateLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
