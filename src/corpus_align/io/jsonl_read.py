"""Read the JSONL that ``align`` writes, for ``check``: a ``{"meta": ...}`` line, then one JSON object per bead.

Any JSON Lines file of objects with ``zh`` and ``en`` strings is read the
same way; ``row``, ``type`` and ``score`` are used when present, every other
field (``zh_ids``, ``issues``, ...) is left alone.  A line that is not JSON,
or not an object with ``zh`` and ``en`` strings, is a :class:`MalformedRow`
naming its line; the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from .tsv_read import MalformedRow, RereadableText, TsvRow, undecodable_problem


def _problem_with(record: object) -> str | None:
    """What keeps a decoded JSON value from being a row, or None.

    >>> _problem_with({"zh": "你好", "en": "Hi"}), _problem_with([1]), _problem_with({"zh": "你好", "en": 3})
    (None, 'expected a JSON object with zh and en, found an array', "expected text in 'en', found a number")
    """
    if not isinstance(record, dict):
        return f"expected a JSON object with zh and en, found {_kind(record)}"
    missing = [key for key in ("zh", "en") if key not in record]
    if missing:
        return f"a JSON object without {' or '.join(repr(key) for key in missing)}"
    for key in ("zh", "en"):
        if not isinstance(record[key], str):
            return f"expected text in {key!r}, found {_kind(record[key])}"
    return None


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    kinds: dict[type, str] = {dict: "an object", list: "an array", str: "text"}
    return kinds.get(type(value), type(value).__name__)


def _is_metadata(record: object) -> bool:
    """The first line ``align`` writes: its version, settings and warnings, not a bead."""
    return isinstance(record, dict) and "meta" in record and "zh" not in record and "en" not in record


def read_jsonl_records(
    lines: Iterable[str], codec: str = "utf-8", *, undecodable: Callable[[], bool] = lambda: True
) -> Iterator[TsvRow | MalformedRow]:
    """The rows and malformed records of JSON ``lines`` in file order (the metadata line and blank lines skipped).

    Data records are numbered from 1 (a record's own integer ``row`` wins).
    ``undecodable`` says whether bytes that do not decode were met yet (see
    :func:`~.tsv_read.read_records`).

    >>> lines = ['{"meta": {"beads": 2}}', '{"row": 1, "zh": "你好。", "en": "Hello.", "type": "1-1", "score": 0.5}', '{"zh": "好"']
    >>> list(read_jsonl_records(lines))  # doctest: +NORMALIZE_WHITESPACE
    [TsvRow(row=1, line=2, zh='你好。', en='Hello.', type='1-1', score=0.5),
     MalformedRow(row=2, line=3, problem="not valid JSON: Expecting ',' delimiter (column 11)", end_line=3, unit='line')]
    """
    data_row = 0
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record: object = None
        problem = undecodable_problem([line], codec) if undecodable() else None
        if problem is None:
            try:
                record = json.loads(line.rstrip("\n"))  # a line break inside a cut string is the cut, not a character
            except json.JSONDecodeError as error:
                problem = f"not valid JSON: {error.msg} (column {error.colno})"
            except RecursionError:
                problem = "not valid JSON: nested too deeply"
        if problem is None and _is_metadata(record):
            continue
        data_row += 1
        problem = problem or _problem_with(record)
        if problem is not None:
            yield MalformedRow(data_row, line_number, problem, line_number)
            continue
        assert isinstance(record, dict)  # _problem_with said so
        declared, kind, score = record.get("row"), record.get("type"), record.get("score")
        yield TsvRow(
            declared if isinstance(declared, int) and not isinstance(declared, bool) and declared > 0 else data_row,
            line_number,
            record["zh"],
            record["en"],
            kind if isinstance(kind, str) else "",
            float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
        )


class AlignedJsonl(RereadableText):
    """An aligned JSONL file opened for reading; :meth:`records` reads it afresh each time it is called.

    >>> import io
    >>> data = io.BytesIO('{"meta": {}}\\n{"zh": "你好。", "en": "Hello."}\\n'.encode())
    >>> [r.en for r in AlignedJsonl(data, "a.jsonl").records()]
    ['Hello.']
    """

    rows_description = "JSON lines with zh and en"

    def records(self) -> Iterator[TsvRow | MalformedRow]:
        """Every row and malformed record, in file order."""
        with self._text(0, self.size) as text:
            yield from read_jsonl_records(text, self.encoding, undecodable=self.undecodable_watch())
