"""untranslated: Chinese left in the English, or English identical to the source.

Evidence: the runs of Chinese characters in the English text, and whether the
English equals the Chinese once white space is ignored.  Decision: any
Chinese character in the English is reported (the English column should hold
none), as is a copy of the source.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..text.patterns import CJK, CJK_RUN
from .context import CheckContext
from .registry import register


@register(
    "untranslated",
    severity="error",
    family="untranslated",
    what="Chinese characters left in the English, or an English side that is a copy of the Chinese.",
    why="Untranslated text means the translator skipped a passage or pasted the wrong column; the reader of the "
    "English cannot read it.",
    example=("他们在成都开会。", "They met in 成都."),
    silence="`--ignore untranslated`. Chinese quoted on purpose (a calligraphy inscription, a glossed term) "
    "can be put in the glossary's note and the row ignored.",
    false_positives="Translations that deliberately keep a Chinese term next to its gloss, e.g. 'qi (气)'.",
)
def check_untranslated(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        row = view.row
        en = row.en.strip()
        if not en:
            continue
        copied = "".join(en.split()) in ("".join(row.zh.split()), "".join(row.zh_normalized.split()))
        if copied and CJK.search(en):  # a URL, a hashtag or a code line is the same in both languages
            yield ctx.finding("untranslated", view, "the English is a copy of the Chinese", zh_text=row.zh, en_text=row.en,
                              signals={"copy": 1.0})
            continue
        runs = CJK_RUN.findall(row.en)
        if runs:
            shown = "".join(runs[:3])
            yield ctx.finding(
                "untranslated", view,
                f"Chinese text left in the English: {'、'.join(runs[:3])}",
                zh_text=shown, en_text="、".join(runs[:3]),
                signals={"cjk_share": sum(map(len, runs)) / max(1, len("".join(row.en.split())))},
            )
