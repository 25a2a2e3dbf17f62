"""The baseline file: the findings a team has accepted, one JSON object a line, sorted, so that it can be committed.

Each line holds ``fingerprint``, ``code``, ``zh``, ``en``, ``evidence``
(``{"zh": ..., "en": ...}``) and ``reason``, in that order; lines are sorted
by code, then fingerprint, so that adding or removing one finding changes one
line of the file's diff.  The fingerprint (see
:func:`corpus_align.baseline.finding_fingerprint`) is what matches a finding;
the text beside it is for the people who read the diff.

A decisions file (what the HTML report's Export button writes, what
``corpus-align accept`` reads) has the same lines, each with
``"accepted": true`` or ``false`` (a finding the reviewer un-accepted).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, OutputError
from .atomic import write_text_atomic

BASELINE_KEYS = ("fingerprint", "code", "zh", "en", "evidence", "reason")


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding: its ``fingerprint``, ``code``, row text and evidence as written, and the reviewer's ``reason``.

    >>> BaselineEntry("3f2a", "number-mismatch", "他二十一岁。", "He is 22.", "二十一", "22", "the source is wrong").reason
    'the source is wrong'
    """

    fingerprint: str
    code: str
    zh: str = ""
    en: str = ""
    zh_evidence: str = ""
    en_evidence: str = ""
    reason: str = ""

    def record(self) -> dict:
        """The entry as one line of the file shows it (keys in the file's order).

        >>> BaselineEntry("3f2a", "typo", en="Goverment.", en_evidence="Goverment").record()["evidence"]
        {'zh': '', 'en': 'Goverment'}
        """
        return {
            "fingerprint": self.fingerprint, "code": self.code, "zh": self.zh, "en": self.en,
            "evidence": {"zh": self.zh_evidence, "en": self.en_evidence}, "reason": self.reason,
        }


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one finding, from the report's export: accept it (with the entry's reason) or not."""

    entry: BaselineEntry
    accepted: bool = True


def baseline_lines(entries: Iterable[BaselineEntry]) -> str:
    """The file's text: one JSON line per entry, sorted by code then fingerprint.

    >>> print(baseline_lines([BaselineEntry("b2", "typo"), BaselineEntry("a1", "typo")]), end="")
    {"fingerprint": "a1", "code": "typo", "zh": "", "en": "", "evidence": {"zh": "", "en": ""}, "reason": ""}
    {"fingerprint": "b2", "code": "typo", "zh": "", "en": "", "evidence": {"zh": "", "en": ""}, "reason": ""}
    """
    ordered = sorted(entries, key=lambda entry: (entry.code, entry.fingerprint))
    return "".join(json.dumps(entry.record(), ensure_ascii=False) + "\n" for entry in ordered)


def write_baseline(path: str | Path, entries: Iterable[BaselineEntry]) -> None:
    """Write the baseline atomically: a run that dies half way leaves the old file, never half of a new one.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "baseline.jsonl"
    >>> write_baseline(target, [BaselineEntry("a1", "typo", reason="a name")])
    >>> load_baseline(target)["a1"].reason
    'a name'
    """
    try:
        write_text_atomic(path, baseline_lines(entries))
    except OSError as error:
        raise OutputError(str(path), f"cannot write the baseline: {error.strerror or error}") from None


def load_baseline(path: str | Path) -> dict[str, BaselineEntry]:
    """The entries of a baseline file by fingerprint; a line that is not an entry is an :class:`InputError` naming it.

    The same fingerprint twice is allowed when the lines agree (a merge of
    two branches that accepted the same finding), an error when they do not.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "baseline.jsonl"
    >>> _ = target.write_text('{"fingerprint": "a1", "code": "typo"}\\nnot json\\n')
    >>> load_baseline(target)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.InputError: .../baseline.jsonl: line 2: not a JSON object (Expecting value); ...
    """
    entries: dict[str, BaselineEntry] = {}
    first_line: dict[str, int] = {}
    for number, decision in _read_lines(path, decisions=False):
        entry = decision.entry
        if entry.fingerprint in entries and entries[entry.fingerprint] != entry:
            raise InputError(str(path), f"line {number}: fingerprint {entry.fingerprint} is on line "
                                        f"{first_line[entry.fingerprint]} too, with other text; keep one of the two")
        entries.setdefault(entry.fingerprint, entry)
        first_line.setdefault(entry.fingerprint, number)
    return entries


def load_decisions(path: str | Path) -> list[Decision]:
    """The decisions of an exported decisions file, in file order (a later line on a finding wins when merged).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "decisions.jsonl"
    >>> _ = target.write_text('{"fingerprint": "a1", "code": "typo", "accepted": false}\\n')
    >>> load_decisions(target)[0].accepted
    False
    """
    return [decision for _, decision in _read_lines(path, decisions=True)]


def _read_lines(path: str | Path, *, decisions: bool) -> Iterable[tuple[int, Decision]]:
    name = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe would hang the read
            raise InputError(name, "is not a regular file")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        hint = "" if decisions else " (create it with check --update-baseline, or corpus-align accept)"
        raise InputError(name, f"no such file{hint}") from None
    except OSError as error:
        raise InputError(name, f"cannot be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
        raise InputError(name, f"line {bad_line}: not UTF-8") from None
    what = "a decision" if decisions else "a baseline entry"
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(name, f"line {number}: not a JSON object ({error.msg}); each line is {what}") from None
        problem = _entry_problem(value, decisions=decisions)
        if problem:
            raise InputError(name, f"line {number}: {problem}; each line is {what}")
        evidence = value.get("evidence") or {}
        entry = BaselineEntry(
            value["fingerprint"], value["code"], value.get("zh", ""), value.get("en", ""),
            evidence.get("zh", ""), evidence.get("en", ""), value.get("reason", ""),
        )
        yield number, Decision(entry, value.get("accepted", True))


def _entry_problem(value: object, *, decisions: bool) -> str:
    """What is wrong with one parsed line ('' when nothing is).

    >>> _entry_problem({"fingerprint": "a1", "code": 3}, decisions=False)
    "'code' must be a non-empty string"
    """
    if not isinstance(value, dict):
        return "not a JSON object"
    for key in ("fingerprint", "code"):
        if not isinstance(value.get(key), str) or not value[key]:
            return f"{key!r} must be a non-empty string"
    for key in ("zh", "en", "reason"):
        if not isinstance(value.get(key, ""), str):
            return f"{key!r} must be a string"
    evidence = value.get("evidence", {})
    if not isinstance(evidence, Mapping) or not all(isinstance(evidence.get(side, ""), str) for side in ("zh", "en")):
        return "'evidence' must be an object with the strings 'zh' and 'en'"
    if decisions and not isinstance(value.get("accepted", True), bool):
        return "'accepted' must be true or false"
    return ""


__all__ = ["BASELINE_KEYS", "BaselineEntry", "Decision", "baseline_lines", "load_baseline", "load_decisions",
           "write_baseline"]
