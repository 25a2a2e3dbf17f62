"""low-confidence: a bead the aligner itself doubts.

Evidence: the bead's alignment score (two-way dictionary coverage, 0–1), the
median score of the document's 1-1 beads, and the unsure stretches the aligner
reported (:class:`~corpus_align.model.UnsureRegion`).  Decision: a bead with
both sides inside an unsure stretch is reported with the stretch's
description, and so is the first row of a stretch of one-sided rows (the rest
are left to ``omission``/``addition``); elsewhere a 1-1 (or n-m) bead scoring
under :data:`ABSOLUTE` and under a third of the document's median is
reported.  Rows without a score (plain two-column files) are never reported.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from .context import CheckContext
from .registry import register

ABSOLUTE = 0.1


@register(
    "low-confidence",
    severity="warning",
    family="confidence",
    what="An aligned bead whose alignment score is far below the rest of the document: the two sides "
    "share almost no dictionary words, names or numbers; or a row inside a stretch where the aligner "
    "reported that its evidence dropped to chance level or that one side has no counterpart.",
    why="Such a bead is either misaligned (the sentences belong elsewhere) or a very free or wrong "
    "translation; either way a reviewer should read it.",
    example=("这件事我们明天再谈。", "The river was frozen all winter."),
    silence="`--ignore low-confidence`. Rows read from a plain two-column file have no score and are never reported.",
    false_positives="Very free literary renderings and idioms translated by sense (画蛇添足 → 'overdo it').",
)
def check_low_confidence(ctx: CheckContext) -> Iterator:
    scored = [v.row.score for v in ctx.rows if v.row.score is not None and v.row.type == "1-1"]
    median = statistics.median(scored) if scored else None
    previous_unsure = ""
    for view in ctx.rows:
        row = view.row
        two_sided = row.type not in ("0-1", "1-0") and bool(row.zh.strip()) and bool(row.en.strip())
        if row.unsure and (two_sided or row.unsure != previous_unsure):
            yield ctx.finding("low-confidence", view, row.unsure, zh_text=row.zh, en_text=row.en)
        previous_unsure = row.unsure
        if row.unsure or row.score is None or not two_sided:
            continue
        limit = ABSOLUTE if median is None else min(ABSOLUTE, median / 3)
        if row.score < limit:
            yield ctx.finding(
                "low-confidence", view,
                f"alignment score {row.score:.2f} is far below the document's typical "
                f"{median:.2f}" if median is not None else f"alignment score {row.score:.2f} is very low",
                zh_text=row.zh, en_text=row.en,
            )
