"""low-confidence: a bead the aligner itself thinks is more likely wrong than right.

Evidence: the bead's ``score``, the probability that it is right (exactly the
bead a careful human aligner would make), which the aligner computes from the
bead's evidence measured against its own document and calibrated on the
development sets (:mod:`corpus_align.aligner.probability`); and the unsure
stretches the aligner reported (:class:`~corpus_align.model.UnsureRegion`).
Decision: a two-sided bead whose probability is under :data:`LIKELY_WRONG`
(0.5: more likely wrong than right) is reported; so is every two-sided bead
inside an unsure stretch and the first row of a stretch of one-sided rows
(the rest are left to ``omission``/``addition``).  Rows without a score
(plain two-column files) are never reported.

>>> from corpus_align.checks import check_rows
>>> from corpus_align.model import CheckRow
>>> [f.row for f in check_rows([CheckRow(1, "你好。", "你好。", "Hello.", "1-1", 0.97),
...                              CheckRow(2, "再见。", "再见。", "The river froze.", "1-1", 0.2)], select=["low-confidence"])]
[2]
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import CheckContext
from .registry import register

# A bead is reported when the probability that it is right is below this: more likely wrong than right.
LIKELY_WRONG = 0.5


@register(
    "low-confidence",
    severity="warning",
    family="confidence",
    what="An aligned bead that is more likely wrong than right: its score, the probability that the bead "
    "is exactly right, is below 0.5 (the two sides share few dictionary words, names or numbers for this "
    "document, a neighbouring line fits better, or the lengths disagree); or a row inside a stretch where "
    "the aligner reported that its evidence dropped to chance level or that one side has no counterpart.",
    why="Such a bead is either misaligned (a sentence belongs to the bead before or after, or elsewhere) or a "
    "very free or wrong translation; either way a reviewer should read it.",
    example=("这件事我们明天再谈。", "The river was frozen all winter."),
    silence="`--ignore low-confidence`. Rows read from a plain two-column file have no score and are never reported.",
    false_positives="Very free literary renderings and idioms translated by sense (画蛇添足 → 'overdo it'); short "
    "lines with no dictionary word in an otherwise sparse passage. On the literary dev chapters about 40% "
    "of the beads reported are right.",
)
def check_low_confidence(ctx: CheckContext) -> Iterator:
    previous_unsure = ""
    for view in ctx.rows:
        row = view.row
        two_sided = row.type not in ("0-1", "1-0") and bool(row.zh.strip()) and bool(row.en.strip())
        if row.unsure and (two_sided or row.unsure != previous_unsure):
            yield ctx.finding("low-confidence", view, row.unsure, zh_text=row.zh, en_text=row.en)
        previous_unsure = row.unsure
        if row.unsure or row.score is None or not two_sided:
            continue
        if row.score < LIKELY_WRONG:
            yield ctx.finding(
                "low-confidence", view,
                f"this bead is more likely wrong than right (probability {row.score:.2f} that it is right): a sentence "
                f"may belong to the row before or after, or the two sides may not translate each other",
                zh_text=row.zh, en_text=row.en,
            )
