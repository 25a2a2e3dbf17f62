"""Pair the rows of two releases of one document by their content, and diff a revised row word by word.

Row numbers move whenever a sentence is added or removed above, so rows are
matched on their normalized text (:func:`row_keys`), in passes from the surest
to the loosest:

1. a sequence alignment of the two lists of keys (:class:`difflib.SequenceMatcher`):
   the runs of identical rows, in order;
2. among the rows left, identical keys elsewhere in the document (a moved row);
3. the same Chinese (its English revised), then the same English (its Chinese revised);
4. the most similar pair, both sides compared (both revised), when similar enough.

Passes 2–4 first look inside the stretch where the sequence alignment put a
replacement (the rows left between the same two runs of identical rows), and
then across the whole document, where a pairing means the row moved.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from ..normalize import fold_fullwidth, normalize_en
from ..text.patterns import CJK
from .model import DiffRow, Edit, EditOp, RowChange, RowChangeKind

RowKey = tuple[str, str]
# Two rows that differ on both sides are one revised row when their words (English) and character pairs
# (Chinese) overlap at least this much (Dice coefficient, averaged over the sides either row has); below it
# they are a removed and a new row. Half the words kept reads as a revision to a reviewer.
MIN_SIMILARITY = 0.5
# The similarity pass compares every left old row with every left new row; past this many pairs (a document
# realigned from top to bottom) the document-wide pass is skipped and those rows stay new and removed.
MAX_SIMILARITY_PAIRS = 40_000
_EN_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Chinese is diffed character by character (no word cut needed), Latin words and numbers inside it whole.
_ZH_TOKEN = re.compile(r"[0-9A-Za-z]+|\s+|.", re.DOTALL)
_WORD = re.compile(r"\w+")


def row_keys(rows: Sequence[DiffRow]) -> list[RowKey]:
    """The text rows are compared on: Chinese in Simplified (OpenCC t2s), full-width letters and digits folded,
    runs of spaces as one; so a row converted between scripts or re-spaced is the same row.

    >>> row_keys([DiffRow(1, "關於 ２０２１年", "Hello,   world."), DiffRow(2, "关于 2021年", "Hello, world.")])
    [('关于 2021年', 'Hello, world.'), ('关于 2021年', 'Hello, world.')]
    """
    zh = [" ".join(fold_fullwidth(row.zh).split()) for row in rows]
    if any(CJK.search(text) for text in zh):
        zh = _simplified(zh)
    return [(text, normalize_en(fold_fullwidth(row.en))) for text, row in zip(zh, rows, strict=True)]


def _simplified(texts: list[str]) -> list[str]:
    """Every text in Simplified Chinese, converted in one call (one call per row costs ten times more)."""
    from .._lazy import opencc_converter

    converted = opencc_converter("t2s").convert("\n".join(texts)).split("\n")
    if len(converted) != len(texts):  # a conversion never adds a line break; if it ever did, row by row
        converted = [opencc_converter("t2s").convert(text) for text in texts]
    return converted


def match_rows(old: Sequence[DiffRow], new: Sequence[DiffRow]) -> tuple[RowChange, ...]:
    """Every row of ``old`` and ``new`` once, paired by content, in the new document's order
    (a removed row after the rows that preceded it in the old one).

    >>> old = [DiffRow(1, "甲。", "A."), DiffRow(2, "乙。", "B."), DiffRow(3, "丙。", "C.")]
    >>> new = [DiffRow(1, "乙。", "B."), DiffRow(2, "甲。", "A, revised."), DiffRow(3, "丁。", "D.")]
    >>> [(c.change, c.old and c.old.row, c.new and c.new.row) for c in match_rows(old, new)]
    [('unchanged', 2, 1), ('en-revised', 1, 2), ('removed', 3, None), ('new', None, 3)]
    """
    old_keys, new_keys = row_keys(old), row_keys(new)
    pairs: dict[int, int] = {}  # old index -> new index
    moved: set[int] = set()
    stretches: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            stretches.append((list(range(i1, i2)), list(range(j1, j2))))
    passes: list[Callable[[list[int], list[int]], list[tuple[int, int]]]] = [
        lambda o, n: _same_key(o, n, lambda i: old_keys[i], lambda j: new_keys[j]),
        lambda o, n: _same_key(o, n, lambda i: old_keys[i][0], lambda j: new_keys[j][0]),
        lambda o, n: _same_key(o, n, lambda i: old_keys[i][1], lambda j: new_keys[j][1]),
        lambda o, n: _most_similar(o, n, old_keys, new_keys),
    ]
    taken = set(pairs.values())
    for pairing in passes:
        for old_ids, new_ids in stretches:
            _take(pairing, old_ids, new_ids, pairs, taken)
        left_old = [i for old_ids, _ in stretches for i in old_ids]
        left_new = [j for _, new_ids in stretches for j in new_ids]
        moved.update(i for i, _ in _take(pairing, left_old, left_new, pairs, taken))
    return _in_reading_order(old, new, old_keys, new_keys, pairs, moved)


def _take(pairing, old_ids: list[int], new_ids: list[int], pairs: dict[int, int], taken: set[int]) -> list[tuple[int, int]]:
    """Run one pairing on the rows not yet paired; record its pairs (``taken``: the new rows paired) and return them."""
    found = pairing([i for i in old_ids if i not in pairs], [j for j in new_ids if j not in taken])
    pairs.update(found)
    taken.update(j for _, j in found)
    return found


def _same_key(old_ids: list[int], new_ids: list[int], old_key, new_key) -> list[tuple[int, int]]:
    """Pairs of rows with the same non-empty key, first with first (an empty side is no evidence)."""
    waiting: dict[str | RowKey, deque[int]] = defaultdict(deque)
    for i in old_ids:
        key = old_key(i)
        if key and key != ("", ""):
            waiting[key].append(i)
    found = []
    for j in new_ids:
        queue = waiting.get(new_key(j))
        if queue:
            found.append((queue.popleft(), j))
    return found


def _most_similar(old_ids: list[int], new_ids: list[int], old_keys: list[RowKey], new_keys: list[RowKey]) -> list[tuple[int, int]]:
    """Pairs of the most similar rows first, each at least :data:`MIN_SIMILARITY` alike."""
    if not old_ids or not new_ids or len(old_ids) * len(new_ids) > MAX_SIMILARITY_PAIRS:
        return []
    old_grams = {i: _grams(old_keys[i]) for i in old_ids}
    new_grams = {j: _grams(new_keys[j]) for j in new_ids}
    scored = []
    for i in old_ids:
        for j in new_ids:
            score = similarity(old_grams[i], new_grams[j])
            if score >= MIN_SIMILARITY:
                scored.append((-score, i, j))
    scored.sort()
    found, used_old, used_new = [], set(), set()
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            found.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return found


@lru_cache(maxsize=4096)
def _grams(key: RowKey) -> tuple[frozenset[str], frozenset[str]]:
    """Chinese character pairs (single characters for a one-character text) and lower-cased English words."""
    zh, en = key
    zh_grams = frozenset(zh[k : k + 2] for k in range(len(zh) - 1)) or frozenset(zh)
    return zh_grams, frozenset(word.lower() for word in _WORD.findall(en))


def similarity(old: tuple[frozenset[str], frozenset[str]], new: tuple[frozenset[str], frozenset[str]]) -> float:
    """How alike two rows are, 0–1: the Dice coefficient of each side, averaged over the sides either row has.

    >>> round(similarity(_grams(("", "The cat sat on the mat.")), _grams(("", "The cat sat on a mat."))), 2)
    0.91
    """
    scores = []
    for a, b in zip(old, new, strict=True):
        if a or b:
            scores.append(2 * len(a & b) / (len(a) + len(b)))
    return sum(scores) / len(scores) if scores else 0.0


def _in_reading_order(
    old: Sequence[DiffRow], new: Sequence[DiffRow], old_keys: list[RowKey], new_keys: list[RowKey],
    pairs: dict[int, int], moved: set[int],
) -> tuple[RowChange, ...]:
    placed: list[tuple[tuple[float, int], RowChange]] = []
    paired_new = {j: i for i, j in pairs.items()}
    for j, row in enumerate(new):
        i = paired_new.get(j)
        if i is None:
            placed.append(((j, 0), RowChange("new", None, row)))
        else:
            placed.append(((j, 0), _paired(old[i], row, old_keys[i], new_keys[j], moved=i in moved)))
    # A removed row goes after the new place of the rows above it (the furthest, so that one row moved up
    # does not drag the removed rows below it along).
    after = -0.5
    for i, row in enumerate(old):
        if i in pairs:
            after = max(after, pairs[i] + 0.5)
        else:
            placed.append(((after, i), RowChange("removed", row, None)))
    placed.sort(key=lambda item: item[0])
    return tuple(change for _, change in placed)


def _paired(old: DiffRow, new: DiffRow, old_key: RowKey, new_key: RowKey, *, moved: bool) -> RowChange:
    zh_same, en_same = old_key[0] == new_key[0], old_key[1] == new_key[1]
    kind: RowChangeKind = (
        "unchanged" if zh_same and en_same else "en-revised" if zh_same else "zh-revised" if en_same else "both-revised"
    )
    return RowChange(
        kind, old, new, moved=moved,
        zh_edits=() if zh_same else word_diff(old.zh, new.zh, "zh"),
        en_edits=() if en_same else word_diff(old.en, new.en, "en"),
    )


def word_diff(old: str, new: str, lang: str = "en") -> tuple[Edit, ...]:
    """The word-level diff of two texts as written: English by words, Chinese by characters.

    >>> [(e.op, e.text) for e in word_diff("The cat sat.", "The black cat sat down.")]
    [('=', 'The'), ('+', ' black'), ('=', ' cat sat'), ('+', ' down'), ('=', '.')]
    >>> [(e.op, e.text) for e in word_diff("他去了北京。", "他去了上海。", "zh")]
    [('=', '他去了'), ('-', '北京'), ('+', '上海'), ('=', '。')]
    """
    pattern = _ZH_TOKEN if lang == "zh" else _EN_TOKEN
    a, b = pattern.findall(old), pattern.findall(new)
    edits: list[Edit] = []

    def add(op: EditOp, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if edits and edits[-1].op == op:
            edits[-1] = Edit(op, edits[-1].text + text)
        else:
            edits.append(Edit(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", a[i1:i2])
        else:
            add("-", a[i1:i2])
            add("+", b[j1:j2])
    return tuple(edits)
