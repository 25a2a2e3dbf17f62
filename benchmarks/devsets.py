"""Evaluation documents for the alignment benchmarks: the dev sets as they are, and variants derived from them.

Every document is an :class:`EvalDoc`: one sentence per line on each side and
a gold ladder of beads ``(zh ids, en ids)``, 0-based.  The loaders read
MAC-Dev (literary) and NewDomains-Dev (news, docs, TED); the builders derive
harder cases from them, each deterministic for a given seed:

* :func:`joined`: ~15% of neighbouring lines on one side joined, so the gold gets 2-1 or 1-2 beads;
* :func:`deleted`: ~2% of one side's lines deleted, their partners become one-sided beads;
* :func:`with_block_removed`: 200 consecutive lines of one side removed from the middle third;
* :func:`concatenated`: the distinct documents as one long document, with the offset of each part;
* :func:`scale_doc`: N Chinese and round(0.75 N) English lines of real text, for speed and memory.

Everything here is a pure function of its arguments (apart from reading the
dev files in :func:`load_dir`); nothing prints.  The two line primitives,
:func:`join_lines` and :func:`delete_lines`, keep the gold a complete,
monotone ladder, which :func:`is_complete_ladder` checks.

Doctests: ``python -m doctest benchmarks/devsets.py``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus_align.aligner.evaluate import read_ladder, score

Bead = tuple[tuple[int, ...], tuple[int, ...]]

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
SIDES = ("zh", "en")
JOINERS = {"zh": "", "en": " "}
DOMAINS = ("literary", "news", "docs", "ted")
_PREFIX_DOMAIN = (("news-", "news"), ("long-news", "news"), ("pydoc-", "docs"), ("ted", "ted"), ("long-ted", "ted"))


@dataclass(frozen=True)
class Part:
    """Where one source document sits inside a concatenated document."""

    name: str
    domain: str
    zh_start: int
    en_start: int
    n_zh: int
    n_en: int


@dataclass(frozen=True)
class EvalDoc:
    """One evaluation document.

    ``complete`` is true when the gold is a full ladder: every line of both
    sides in exactly one bead, beads in order (see :func:`is_complete_ladder`),
    so test precision and the one-sided share are meaningful.  ``block`` is
    ``(side, start, stop)`` when lines were cut out of the other side: ids
    ``start..stop-1`` on ``side`` lost their partners and are one-sided in the
    gold.  ``parts`` lists the source documents of a concatenation.
    """

    name: str
    set_name: str
    domain: str
    zh: list[str]
    en: list[str]
    gold: list[Bead]
    complete: bool
    block: tuple[str, int, int] | None = None
    parts: tuple[Part, ...] = ()

    @property
    def distinct(self) -> bool:
        """False for the ``long-*`` documents, which repeat the lines of others in the set."""
        return not self.name.startswith("long-")


# ---------------------------------------------------------------------------
# Small pure helpers


def domain_of(name: str, set_name: str = "newdomains-dev") -> str:
    """The domain of a dev document, from its set and name.

    >>> [domain_of(n) for n in ("news-wmt21-enzh", "long-news-enzh-01", "pydoc-faq", "ted2016-2227", "long-ted-01")]
    ['news', 'news', 'docs', 'ted', 'ted']
    >>> domain_of("001", "mac-dev")
    'literary'
    """
    if set_name == "mac-dev":
        return "literary"
    for prefix, domain in _PREFIX_DOMAIN:
        if name.startswith(prefix):
            return domain
    raise ValueError(f"no domain for {name!r}: expected a name starting with news-, long-news, pydoc-, ted or long-ted")


def is_complete_ladder(gold: Sequence[Bead], n_zh: int, n_en: int) -> bool:
    """True when the beads cover ``0..n_zh-1`` and ``0..n_en-1`` once each, in order.

    >>> is_complete_ladder([((0,), (0, 1)), ((1,), ())], 2, 2)
    True
    >>> is_complete_ladder([((1,), (0,)), ((0,), (1,))], 2, 2)
    False
    """
    zh = [i for z, _ in gold for i in z]
    en = [j for _, e in gold for j in e]
    return zh == list(range(n_zh)) and en == list(range(n_en))


def one_sided_share(beads: Sequence[Bead]) -> float:
    """Share of beads with an empty side (0.0 for no beads).

    >>> one_sided_share([((0,), (0,)), ((1,), ()), ((), (1,)), ((2, 3), (2,))])
    0.5
    >>> one_sided_share([])
    0.0
    """
    return sum(1 for z, e in beads if not z or not e) / len(beads) if beads else 0.0


def _positions(beads: Sequence[Bead], side: int) -> list[tuple[int, ...]]:
    """Each bead's ids on ``side``; a bead empty there gets the id of the next line, where it sits."""
    out: list[tuple[int, ...]] = []
    following = 0
    for bead in beads:
        ids = bead[side]
        out.append(tuple(ids) if ids else (following,))
        if ids:
            following = max(ids) + 1
    return out


def beads_in_range(beads: Sequence[Bead], start: int, stop: int, *, side: str = "zh", inside: bool = True) -> list[Bead]:
    """The beads with an id in ``start..stop-1`` on ``side`` (``inside``), or with an id outside it.

    A bead empty on ``side`` is placed before the next line of that side.  A
    bead that straddles an edge of the range counts on both sides of it, so
    an error at the edge is never hidden.

    >>> beads = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
    >>> beads_in_range(beads, 2, 4)
    [((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
    >>> beads_in_range(beads, 2, 4, inside=False)
    [((0,), (0,)), ((1, 2), (1,))]
    """
    where = _positions(beads, SIDES.index(side))
    keep = []
    for bead, ids in zip(beads, where, strict=True):
        hit = any(start <= i < stop for i in ids) if inside else any(not start <= i < stop for i in ids)
        if hit:
            keep.append(bead)
    return keep


def score_range(
    gold: Sequence[Bead], test: Sequence[Bead], start: int, stop: int, *, side: str = "zh", inside: bool = True
) -> dict[str, float]:
    """:func:`score` on only the gold and test beads inside (or outside) a range of ids on ``side``.

    >>> gold = [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), (1,))]
    >>> test = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    >>> score_range(gold, test, 1, 3, inside=False)["strict_f1"]
    0.5
    """
    return score(beads_in_range(gold, start, stop, side=side, inside=inside), beads_in_range(test, start, stop, side=side, inside=inside))


def one_sided_in_range(test: Sequence[Bead], start: int, stop: int, *, side: str = "zh") -> float:
    """Share of the lines ``start..stop-1`` of ``side`` that the test puts in a bead with nothing on the other side.

    >>> one_sided_in_range([((0,), (0,)), ((1,), ()), ((2, 3), ()), ((4,), (1,))], 1, 5)
    0.75
    """
    s = SIDES.index(side)
    alone = {i for bead in test if not bead[1 - s] for i in bead[s]}
    return sum(1 for i in range(start, stop) if i in alone) / (stop - start) if stop > start else 0.0


def split_parts(beads: Sequence[Bead], parts: Sequence[Part]) -> list[list[Bead]]:
    """Cut an alignment of a concatenation into one alignment per part, ids shifted back to the part's own.

    A bead that spans two parts is kept in both (its foreign ids fall outside
    the part's range, so it matches nothing there).

    >>> parts = [Part("a", "news", 0, 0, 2, 2), Part("b", "ted", 2, 2, 1, 1)]
    >>> split_parts([((0,), (0,)), ((1, 2), (1,)), ((), (2,))], parts)
    [[((0,), (0,)), ((1, 2), (1,))], [((-1, 0), (-1,)), ((), (0,))]]
    """
    out: list[list[Bead]] = [[] for _ in parts]
    starts = [p.zh_start for p in parts]
    en_starts = [p.en_start for p in parts]
    for z, e in beads:
        touched = {_part_of(i, starts) for i in z} | {_part_of(j, en_starts) for j in e}
        for k in sorted(touched):
            p = parts[k]
            out[k].append((tuple(i - p.zh_start for i in z), tuple(j - p.en_start for j in e)))
    return out


def _part_of(i: int, starts: list[int]) -> int:
    """Index of the last start at or before ``i``."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---------------------------------------------------------------------------
# The two line primitives: both keep the gold a complete, monotone ladder


def join_lines(lines: Sequence[str], gold: Sequence[Bead], side: str, gaps: Iterable[int]) -> tuple[list[str], list[Bead]]:
    """Join line ``g`` with line ``g + 1`` of ``side`` for every gap ``g``; merge the gold beads a join spans.

    Consecutive gaps join three or more lines.  Chinese lines are joined with
    nothing, English ones with a space.  The beads from the one holding the
    first joined line to the one holding the last (one-sided beads between
    them included) become one bead.

    >>> gold = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]
    >>> join_lines(["甲", "乙", "丙", "丁"], gold, "zh", [1])
    (['甲', '乙丙', '丁'], [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))])
    >>> join_lines(["a", "b", "c", "d", "e"], gold, "en", [0, 1])[0]
    ['a b c', 'd', 'e']
    """
    s = SIDES.index(side)
    closed = sorted(set(gaps))
    if any(not 0 <= g < len(lines) - 1 for g in closed):
        raise ValueError(f"gaps must lie in 0..{len(lines) - 2}")
    closed_set = set(closed)
    new_id: list[int] = []
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i - 1 in closed_set:
            out[-1] += JOINERS[side] + line
        else:
            out.append(line)
        new_id.append(len(out) - 1)
    mapped = [tuple(sorted({new_id[i] for i in bead[s]})) for bead in gold]
    last_bead: dict[int, int] = {}
    for index, ids in enumerate(mapped):
        for k in ids:
            last_bead[k] = index
    merged: list[Bead] = []
    index = 0
    while index < len(gold):
        end = scan = index
        while scan <= end:  # grow the group while a joined line reaches a later bead
            end = max([end] + [last_bead[k] for k in mapped[scan]])
            scan += 1
        ours = tuple(sorted({k for b in range(index, end + 1) for k in mapped[b]}))
        others = tuple(i for b in range(index, end + 1) for i in gold[b][1 - s])
        merged.append((ours, others) if s == 0 else (others, ours))
        index = end + 1
    return out, merged


def delete_lines(lines: Sequence[str], gold: Sequence[Bead], side: str, ids: Iterable[int]) -> tuple[list[str], list[Bead]]:
    """Delete lines of ``side`` and renumber; a bead left with nothing on ``side`` becomes one-sided beads of its partners.

    >>> gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), ())]
    >>> delete_lines(["a", "b", "c", "d"], gold, "en", [1, 3])
    (['a', 'c'], [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())])
    >>> delete_lines(["甲", "乙", "丙", "丁"], [((0, 1), (0,)), ((2, 3), (1,))], "zh", [2, 3])[1]
    [((0, 1), (0,)), ((), (1,))]
    """
    s = SIDES.index(side)
    gone = set(ids)
    new_id: dict[int, int] = {}
    out: list[str] = []
    for i, line in enumerate(lines):
        if i not in gone:
            new_id[i] = len(out)
            out.append(line)
    beads: list[Bead] = []
    for bead in gold:
        ours = tuple(new_id[i] for i in bead[s] if i in new_id)
        others = bead[1 - s]
        if ours:
            beads.append((ours, others) if s == 0 else (others, ours))
        else:
            # Partners of deleted lines are single one-sided beads, as a gold ladder writes them.
            beads.extend(((x,), ()) if s == 1 else ((), (x,)) for x in others)
    return out, beads


def pick_gaps(n_lines: int, count: int, rng: random.Random, *, avoid: Iterable[int] = ()) -> list[int]:
    """Choose ``count`` gaps (``g`` joins lines ``g`` and ``g + 1``) at random, none next to another while that is possible.

    >>> pick_gaps(10, 3, random.Random(0))
    [1, 5, 7]
    >>> len(pick_gaps(5, 4, random.Random(0)))
    4
    """
    skip = set(avoid)
    order = [g for g in range(n_lines - 1) if g not in skip]
    rng.shuffle(order)
    chosen: set[int] = set()
    for g in order:
        if len(chosen) >= count:
            break
        if g - 1 not in chosen and g + 1 not in chosen:
            chosen.add(g)
    for g in order:  # only when non-adjacent gaps run out: chains join three or more lines
        if len(chosen) >= count:
            break
        chosen.add(g)
    return sorted(chosen)


def _lines(doc: EvalDoc, side: str) -> list[str]:
    return doc.zh if side == "zh" else doc.en


def _with_side(doc: EvalDoc, side: str, lines: list[str], gold: list[Bead], **changes) -> EvalDoc:
    zh, en = (lines, doc.en) if side == "zh" else (doc.zh, lines)
    return replace(doc, zh=zh, en=en, gold=gold, complete=is_complete_ladder(gold, len(zh), len(en)), **changes)


# ---------------------------------------------------------------------------
# Loading


def read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 file, split on ``\\n`` only (``str.splitlines`` also splits on U+2028 and friends)."""
    text = path.read_text("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.rstrip("\r") for line in text.split("\n")] if text else []


def load_dir(folder: Path, set_name: str) -> list[EvalDoc]:
    """Every document of one dev set folder (``zh/``, ``en/``, ``gold/NAME.align``), by name.

    Blank lines, if any, are dropped on their side and the gold remapped with
    :func:`delete_lines` (so a partner of a blank line becomes one-sided).
    """
    docs = []
    for gold_path in sorted((folder / "gold").glob("*.align")):
        name = gold_path.name[: -len(".align")]
        zh = read_lines(folder / "zh" / name)
        en = read_lines(folder / "en" / name)
        gold = read_ladder(gold_path.read_text("utf-8"))
        for side in SIDES:
            lines = zh if side == "zh" else en
            blank = [i for i, line in enumerate(lines) if not line.strip()]
            if blank:
                lines, gold = delete_lines(lines, gold, side, blank)
                zh, en = (lines, en) if side == "zh" else (zh, lines)
        docs.append(EvalDoc(name, set_name, domain_of(name, set_name), zh, en, gold, is_complete_ladder(gold, len(zh), len(en))))
    return docs


def load_mac(bench: Path = BENCH) -> list[EvalDoc]:
    """The six MAC-Dev chapters (domain ``literary``)."""
    return load_dir(bench / "mac-dev", "mac-dev")


def load_newdomains(bench: Path = BENCH) -> list[EvalDoc]:
    """The 24 NewDomains-Dev documents, ``long-*`` included (domains ``news``, ``docs``, ``ted``)."""
    return load_dir(bench / "newdomains-dev", "newdomains-dev")


PROBES = Path(__file__).resolve().parents[1] / "tests" / "data" / "other_domains_clean.tsv"


def load_probes(path: Path = PROBES) -> list[EvalDoc]:
    """The short clean documents of domains the dev sets lack (``domain<TAB>zh<TAB>en`` per row), domain ``probes``.

    They were written while the classes they probe were fixed, so they guard those classes; they are no held-out set.
    """
    rows: dict[str, tuple[list[str], list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, zh, en = line.split("\t")
        rows.setdefault(kind, ([], []))
        rows[kind][0].append(zh)
        rows[kind][1].append(en)
    return [EvalDoc(kind, "probes", "probes", zh, en, [((i,), (i,)) for i in range(len(zh))], True)
            for kind, (zh, en) in rows.items()]


def distinct(docs: Iterable[EvalDoc]) -> list[EvalDoc]:
    """The documents whose lines no other document repeats (all but ``long-*``), in the given order."""
    return [d for d in docs if d.distinct]


# ---------------------------------------------------------------------------
# Derived variants


def _rng(seed: int, kind: str, name: str) -> random.Random:
    return random.Random(f"{seed}:{kind}:{name}")  # str seeds are hashed with SHA-512: stable across runs


def alternate_sides(docs: Sequence[EvalDoc], sides: str = "alternate") -> list[tuple[EvalDoc, str]]:
    """Pair documents with the side to change: ``alternate`` (en, zh, en, ...), ``both``, ``zh`` or ``en``.

    >>> d = EvalDoc("x", "s", "news", ["a"], ["b"], [((0,), (0,))], True)
    >>> [side for _, side in alternate_sides([d, d, d])]
    ['en', 'zh', 'en']
    >>> [side for _, side in alternate_sides([d], "both")]
    ['zh', 'en']
    """
    if sides == "alternate":
        return [(d, SIDES[(k + 1) % 2]) for k, d in enumerate(docs)]
    if sides == "both":
        return [(d, side) for d in docs for side in SIDES]
    if sides in SIDES:
        return [(d, sides) for d in docs]
    raise ValueError(f"unknown sides {sides!r}: expected alternate, both, zh or en")


def joined(doc: EvalDoc, side: str, *, share: float = 0.15, seed: int = 0) -> EvalDoc:
    """Join ``round(share * lines)`` random pairs of neighbouring lines on ``side`` (never three in a row).

    >>> d = EvalDoc("x", "s", "news", [f"{i}" for i in range(20)], [f"e{i}" for i in range(20)], [((i,), (i,)) for i in range(20)], True)
    >>> j = joined(d, "en")
    >>> j.name, len(j.en), len(j.gold), j.complete, sorted({len(e) for _, e in j.gold}), sorted({len(z) for z, _ in j.gold})
    ('x+join-en', 17, 17, True, [1], [1, 2])
    """
    lines = _lines(doc, side)
    rng = _rng(seed, "join", f"{doc.name}/{side}")
    gaps = pick_gaps(len(lines), round(share * len(lines)), rng)
    new_lines, gold = join_lines(lines, doc.gold, side, gaps)
    return _with_side(doc, side, new_lines, gold, name=f"{doc.name}+join-{side}", set_name="joined")


def deleted(doc: EvalDoc, side: str, *, share: float = 0.02, seed: int = 0) -> EvalDoc:
    """Delete ``max(1, round(share * lines))`` random lines of ``side`` that sit in 1-1 gold beads, never the first or last line.

    >>> d = EvalDoc("x", "s", "news", [f"{i}" for i in range(50)], [f"e{i}" for i in range(50)], [((i,), (i,)) for i in range(50)], True)
    >>> v = deleted(d, "zh")
    >>> v.name, len(v.zh), len(v.en), v.complete, [b for b in v.gold if not b[0]]
    ('x-del-zh', 49, 50, True, [((), (16,))])
    """
    lines = _lines(doc, side)
    s = SIDES.index(side)
    candidates = [b[s][0] for b in doc.gold if len(b[0]) == 1 and len(b[1]) == 1 and 0 < b[s][0] < len(lines) - 1]
    rng = _rng(seed, "delete", f"{doc.name}/{side}")
    victims = rng.sample(candidates, min(len(candidates), max(1, round(share * len(lines)))))
    new_lines, gold = delete_lines(lines, doc.gold, side, victims)
    return _with_side(doc, side, new_lines, gold, name=f"{doc.name}-del-{side}", set_name="deleted")


def with_block_removed(doc: EvalDoc, side: str, *, size: int = 200, min_lines: int = 800, seed: int = 0) -> EvalDoc | None:
    """Remove about ``size`` consecutive lines of ``side`` (whole gold beads) from the middle third; None when the document is too short.

    ``block`` records the partners' ids on the other side, which the gold now
    holds as one-sided beads.

    >>> n = 900
    >>> d = EvalDoc("x", "s", "news", [f"{i}" for i in range(n)], [f"e{i}" for i in range(n)], [((i,), (i,)) for i in range(n)], True)
    >>> v = with_block_removed(d, "en")
    >>> v.name, len(v.en), v.block, v.complete, sum(1 for z, e in v.gold if not e)
    ('x-block-en', 700, ('zh', 343, 543), True, 200)
    >>> with_block_removed(replace(d, zh=d.zh[:500], en=d.en[:500], gold=d.gold[:500]), "en") is None
    True
    """
    lines = _lines(doc, side)
    s = SIDES.index(side)
    n = len(lines)
    if n < min_lines:
        return None
    lo, hi = n // 3, 2 * n // 3 - size
    starts = [k for k, b in enumerate(doc.gold) if b[s] and lo <= b[s][0] <= hi]
    if not starts:
        return None
    first = _rng(seed, "block", f"{doc.name}/{side}").choice(starts)
    last, removed = first, 0
    while removed < size and last < len(doc.gold):
        removed += len(doc.gold[last][s])
        last += 1
    victims = [i for b in doc.gold[first:last] for i in b[s]]
    partners = [x for b in doc.gold[first:last] for x in b[1 - s]]
    other_side = SIDES[1 - s]
    span = (min(partners), max(partners) + 1) if partners else (0, 0)
    new_lines, gold = delete_lines(lines, doc.gold, side, victims)
    return _with_side(doc, side, new_lines, gold, name=f"{doc.name}-block-{side}", set_name="block", block=(other_side, *span))


def concatenated(docs: Sequence[EvalDoc], *, name: str = "concat") -> EvalDoc:
    """All documents one after another as one document; ``parts`` gives each one's offsets.

    >>> a = EvalDoc("a", "s", "news", ["甲"], ["a"], [((0,), (0,))], True)
    >>> b = EvalDoc("b", "s", "ted", ["乙", "丙"], ["b"], [((0, 1), (0,))], True)
    >>> c = concatenated([a, b])
    >>> c.zh, c.gold, [(p.name, p.zh_start, p.en_start) for p in c.parts]
    (['甲', '乙', '丙'], [((0,), (0,)), ((1, 2), (1,))], [('a', 0, 0), ('b', 1, 1)])
    """
    zh: list[str] = []
    en: list[str] = []
    gold: list[Bead] = []
    parts = []
    for d in docs:
        parts.append(Part(d.name, d.domain, len(zh), len(en), len(d.zh), len(d.en)))
        gold.extend((tuple(i + len(zh) for i in z), tuple(j + len(en) for j in e)) for z, e in d.gold)
        zh.extend(d.zh)
        en.extend(d.en)
    return EvalDoc(name, "concat", "mixed", zh, en, gold, is_complete_ladder(gold, len(zh), len(en)), parts=tuple(parts))


def with_part_removed(doc: EvalDoc, index: int, side: str) -> EvalDoc:
    """Remove every line of part ``index`` of a concatenation from ``side``: a chapter one side lacks.

    ``block`` records the part's lines on the other side, which the gold now
    holds as one-sided beads.

    >>> a = EvalDoc("a", "s", "literary", ["甲"], ["a"], [((0,), (0,))], True)
    >>> b = EvalDoc("b", "s", "literary", ["乙", "丙"], ["b"], [((0, 1), (0,))], True)
    >>> v = with_part_removed(concatenated([a, b, a]), 1, "en")
    >>> v.name, v.en, v.block, v.gold
    ('concat-without-b-en', ['a', 'a'], ('zh', 1, 3), [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), (1,))])
    """
    part = doc.parts[index]
    start, count = (part.zh_start, part.n_zh) if side == "zh" else (part.en_start, part.n_en)
    other = SIDES[1 - SIDES.index(side)]
    kept_start, kept_count = (part.zh_start, part.n_zh) if other == "zh" else (part.en_start, part.n_en)
    lines, gold = delete_lines(_lines(doc, side), doc.gold, side, range(start, start + count))
    return _with_side(doc, side, lines, gold, name=f"{doc.name}-without-{part.name}-{side}", set_name="chapter",
                      block=(other, kept_start, kept_start + kept_count), parts=())


def scale_doc(docs: Sequence[EvalDoc], n_zh: int, *, en_ratio: float = 0.75, seed: int = 0) -> EvalDoc:
    """A document of ``n_zh`` Chinese and ``round(en_ratio * n_zh)`` English lines of real text.

    The documents are taken whole, in order, and cycled until the Chinese side
    reaches ``n_zh`` lines (cut at a gold bead boundary, so it may fall short
    by a line or two when the bead there is 2-1); then random neighbouring
    English lines are joined (seeded) until the English side has the target
    length, the gold beads a join spans being merged.  The English side is
    only ever shortened.

    >>> a = EvalDoc("a", "s", "news", ["甲", "乙", "丙"], ["a", "b", "c"], [((i,), (i,)) for i in range(3)], True)
    >>> d = scale_doc([a], 8)
    >>> d.zh, d.en, d.complete
    (['甲', '乙', '丙', '甲', '乙', '丙', '甲', '乙'], ['a', 'b', 'c', 'a b', 'c', 'a b'], True)
    >>> d.gold[3:]
    [((3, 4), (3,)), ((5,), (4,)), ((6, 7), (5,))]
    """
    if not docs:
        raise ValueError("scale_doc needs at least one document")
    zh: list[str] = []
    en: list[str] = []
    gold: list[Bead] = []
    full = False
    for d in itertools.cycle(docs):
        before = len(zh)
        for z, e in d.gold:
            if len(zh) >= n_zh or len(zh) + len(z) > n_zh:  # stop at the last bead that fits
                full = True
                break
            gold.append((tuple(range(len(zh), len(zh) + len(z))), tuple(range(len(en), len(en) + len(e)))))
            zh.extend(d.zh[i] for i in z)
            en.extend(d.en[j] for j in e)
        if full:
            break
        if len(zh) == before:
            raise ValueError("scale_doc needs documents with Chinese lines")
    target = round(en_ratio * n_zh)
    if len(en) > target:
        gaps = pick_gaps(len(en), len(en) - target, _rng(seed, "scale", str(n_zh)))
        en, gold = join_lines(en, gold, "en", gaps)
    return EvalDoc(f"scale-{n_zh}", "scale", "mixed", zh, en, gold, is_complete_ladder(gold, len(zh), len(en)))


def made_up_word(n: int) -> str:
    """A made-up lower-case word for ``n``, different for every ``n``.

    >>> made_up_word(0), made_up_word(27)
    ('a', 'bb')
    """
    out = ""
    while True:
        n, r = divmod(n, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
        if not n:
            return out
