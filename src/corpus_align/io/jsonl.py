"""JSON Lines output: a metadata record first, then one record per bead."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..model import Alignment
from .records import bead_records, metadata


def to_jsonl(
    alignment: Alignment, *, text: str = "original", issues: Mapping[int, Sequence[str]] | None = None
) -> str:
    """Render the alignment as JSON Lines.

    The first line is ``{"meta": {...}}`` (version, settings, counts,
    warnings); every further line is a bead with the TSV's fields, ids as
    lists.

    >>> from corpus_align import align
    >>> lines = to_jsonl(align("你好。", "Hello.")).splitlines()
    >>> json.loads(lines[0])["meta"]["beads"], json.loads(lines[1])["en"]
    (1, 'Hello.')
    """
    lines = [json.dumps({"meta": metadata(alignment)}, ensure_ascii=False)]
    lines += [
        json.dumps(record, ensure_ascii=False)
        for record in bead_records(alignment, text=text, issues=issues)
    ]
    return "\n".join(lines) + "\n"
