"""Accepted findings: a fingerprint that follows a finding across edits and releases, and the baseline that lists them.

A finding's fingerprint is made of what it says about its row, never of
where the row is: the check code, the row's text on both sides and the
evidence (:func:`finding_fingerprint`).  A baseline (see
:mod:`corpus_align.io.baseline` for the file) maps fingerprints to the
reviewer's reason; :class:`BaselineReview` marks the findings it lists as
accepted, and :func:`updated_baseline` / :func:`merged_decisions` say what a
new run or a reviewer's decisions change in it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .io.baseline import BaselineEntry, Decision, load_baseline, load_decisions, write_baseline
from .model import Finding
from .normalize import normalize_en, normalize_zh

# Hex digits kept of the SHA-256: 64 bits, so that a million accepted findings do not share one by chance.
FINGERPRINT_LENGTH = 16
# Bumped if what goes into a fingerprint ever changes: old baselines then match nothing instead of the wrong thing.
FINGERPRINT_VERSION = "1"
# A record that could not be read has no text to fingerprint: there is nothing a reviewer could accept.
NEVER_ACCEPTED = frozenset({"malformed-row"})


@lru_cache(maxsize=4096)
def _canonical_zh(text: str) -> str:
    """Chinese as the fingerprint sees it: the normalized form, always in Simplified, white space collapsed.

    The Simplified text goes through Traditional and back once more: OpenCC converts a few phrases one way only
    (s2t makes 伙夫 伙伕, which t2s keeps), and the round trip brings both spellings to the same text.

    >>> _canonical_zh("伙夫  關(guān)于"), _canonical_zh("伙伕 关于")
    ('伙伕 关于', '伙伕 关于')
    """
    if not text:
        return ""
    from ._lazy import opencc_converter

    simplified = normalize_zh(text, "t2s")[0]
    settled = opencc_converter("t2s").convert(opencc_converter("s2t").convert(simplified))
    return " ".join(settled.split())


def finding_fingerprint(finding: Finding, zh: str, en: str) -> str:
    """The fingerprint of ``finding`` on a row whose text is ``zh`` and ``en`` (as written): 16 hex digits.

    It hashes the code, the row's normalized text and the finding's evidence:
    Chinese in its normalized form, converted to Simplified with OpenCC's
    ``t2s`` whatever ``--opencc`` says (pinyin annotations left by converters
    dropped, full-width digits and letters folded); English with white space
    collapsed and its case kept (``Beijing`` and ``beijing`` are different
    text, and a finding about one is not one about the other).  Not the row
    number, the message or the severity: editing other rows, rewording a
    message or changing a severity leaves it alone, editing the row's own
    text (beyond white space and script) makes it a new finding.

    >>> before = Finding("number-mismatch", "error", 3, "21 vs 22", zh_text="二十一", en_text="twenty-two")
    >>> after = Finding("number-mismatch", "error", 9, "21 vs 22", zh_text="二十一", en_text="twenty-two")
    >>> fingerprint = finding_fingerprint(before, "他二十一歲。", "He is twenty-two.")
    >>> fingerprint == finding_fingerprint(after, "他二十一岁。", "He is  twenty-two.\\n"), len(fingerprint)
    (True, 16)
    >>> fingerprint == finding_fingerprint(before, "他二十一岁。", "He is Twenty-two.")
    False
    """
    parts = (
        FINGERPRINT_VERSION, finding.code, _canonical_zh(zh), normalize_en(en),
        _canonical_zh(finding.zh_text), normalize_en(finding.en_text),
    )
    # Each part is prefixed by its length, so that no two different tuples hash the same text.
    data = "".join(f"{len(part)}:{part}" for part in parts)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def baseline_entry(finding: Finding, zh: str, en: str, reason: str = "") -> BaselineEntry:
    """The baseline entry that accepts ``finding`` on the row ``zh``/``en``.

    >>> baseline_entry(Finding("typo", "warning", 2, "m", en_text="Goverment"), "", "Goverment.").en_evidence
    'Goverment'
    """
    fingerprint = finding.fingerprint or finding_fingerprint(finding, zh, en)
    return BaselineEntry(fingerprint, finding.code, zh, en, finding.zh_text, finding.en_text, reason)


BaselineSource = str | Path | Mapping[str, BaselineEntry]


def accepted_reasons(baseline: BaselineSource | None) -> dict[str, str]:
    """Fingerprint → reason of a baseline: a file (read with :func:`load_baseline`) or its entries; ``{}`` for None.

    >>> accepted_reasons({"a1": BaselineEntry("a1", "typo", reason="a name")})
    {'a1': 'a name'}
    """
    if baseline is None:
        return {}
    entries = load_baseline(baseline) if isinstance(baseline, (str, Path)) else baseline
    return {fingerprint: entry.reason for fingerprint, entry in entries.items()}


class BaselineReview:
    """Marks the findings a baseline accepts, row by row as rows are checked, and can keep the entries of all it saw.

    ``reasons`` maps accepted fingerprints to their reasons.  With
    ``accept_all`` every finding is accepted (the run that writes the
    baseline: all it finds goes into the file), keeping the reasons known.
    With ``gather``, ``found`` holds an entry per fingerprint seen, for
    :func:`updated_baseline` (only then: a big file has many).

    >>> review = BaselineReview({finding_fingerprint(Finding("typo", "warning", 1, "m", en_text="Goverment"), "",
    ...                          "Goverment."): "a name"})
    >>> [(f.accepted, f.reason) for f in review.row([Finding("typo", "warning", 7, "m", en_text="Goverment")], "", "Goverment.")]
    [(True, 'a name')]
    """

    def __init__(self, reasons: Mapping[str, str] | None = None, *, accept_all: bool = False, gather: bool = False) -> None:
        self.reasons = dict(reasons or {})
        self.accept_all = accept_all
        self.gather = gather
        self.found: dict[str, BaselineEntry] = {}

    def row(self, findings: Sequence[Finding], zh: str, en: str) -> tuple[Finding, ...]:
        """The findings of one row with their fingerprints, those in the baseline accepted with their reason."""
        marked = []
        for finding in findings:
            if finding.code in NEVER_ACCEPTED:
                marked.append(finding)
                continue
            fingerprint = finding_fingerprint(finding, zh, en)
            reason = self.reasons.get(fingerprint)
            accepted = self.accept_all or reason is not None
            if self.gather and fingerprint not in self.found:
                self.found[fingerprint] = BaselineEntry(fingerprint, finding.code, zh, en, finding.zh_text,
                                                        finding.en_text, reason or "")
            marked.append(replace(finding, fingerprint=fingerprint, accepted=accepted, reason=reason or ""))
        return tuple(marked)


@dataclass(frozen=True)
class BaselineUpdate:
    """A baseline after a change, and the fingerprints it ``added``, ``removed`` and ``kept``.

    >>> BaselineUpdate({}, ("a",), (), ("b", "c")).describe()
    'baseline: 1 added, 0 removed, 2 kept'
    """

    entries: dict[str, BaselineEntry]
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()

    def describe(self) -> str:
        """The one line a command prints about the change."""
        return f"baseline: {len(self.added)} added, {len(self.removed)} removed, {len(self.kept)} kept"


def updated_baseline(
    old: Mapping[str, BaselineEntry], found: Mapping[str, BaselineEntry], checked_codes: Collection[str] | None = None
) -> BaselineUpdate:
    """The baseline of a new run: the findings ``found``, with the reasons ``old`` gave those still there.

    Entries of ``old`` that were not found are dropped as fixed, unless their
    code was not checked this time (``checked_codes``; None: every code was):
    ``check --select typo --update-baseline`` must not forget the accepted
    number mismatches.  Kept entries stay as they were, text included, so
    that the file's diff shows only what changed.

    >>> old = {"a": BaselineEntry("a", "typo", reason="a name"), "b": BaselineEntry("b", "typo"),
    ...        "c": BaselineEntry("c", "number-mismatch")}
    >>> update = updated_baseline(old, {"a": BaselineEntry("a", "typo"), "d": BaselineEntry("d", "typo")}, {"typo"})
    >>> update.describe(), update.entries["a"].reason, sorted(update.entries)
    ('baseline: 1 added, 1 removed, 2 kept', 'a name', ['a', 'c', 'd'])
    """
    entries: dict[str, BaselineEntry] = {}
    added, removed, kept = [], [], []
    for fingerprint, entry in old.items():
        if fingerprint in found or (checked_codes is not None and entry.code not in checked_codes):
            entries[fingerprint] = entry
            kept.append(fingerprint)
        else:
            removed.append(fingerprint)
    for fingerprint, entry in found.items():
        if fingerprint not in entries:
            entries[fingerprint] = replace(entry, reason="")
            added.append(fingerprint)
    return BaselineUpdate(entries, tuple(sorted(added)), tuple(sorted(removed)), tuple(sorted(kept)))


def merged_decisions(old: Mapping[str, BaselineEntry], decisions: Iterable[Decision]) -> BaselineUpdate:
    """The baseline after a reviewer's decisions: accepted findings added (or their reason changed), un-accepted removed.

    A later decision on the same finding wins; an accepted finding already in
    the baseline keeps its reason unless the decision gives one.

    >>> old = {"a": BaselineEntry("a", "typo", reason="a name")}
    >>> update = merged_decisions(old, [Decision(BaselineEntry("b", "typo", reason="ok")), Decision(BaselineEntry("a", "typo"))])
    >>> update.describe(), update.entries["a"].reason
    ('baseline: 1 added, 0 removed, 1 kept', 'a name')
    """
    final: dict[str, Decision] = {}
    for decision in decisions:
        final[decision.entry.fingerprint] = decision
    entries = dict(old)
    added, removed = [], []
    for fingerprint, decision in final.items():
        if not decision.accepted:
            if entries.pop(fingerprint, None) is not None:
                removed.append(fingerprint)
        elif fingerprint in entries:
            if decision.entry.reason:
                entries[fingerprint] = replace(entries[fingerprint], reason=decision.entry.reason)
        else:
            entries[fingerprint] = decision.entry
            added.append(fingerprint)
    kept = [fingerprint for fingerprint in entries if fingerprint not in added]
    return BaselineUpdate(entries, tuple(sorted(added)), tuple(sorted(removed)), tuple(sorted(kept)))


def accept_decisions(decisions_path: str | Path, baseline_path: str | Path) -> BaselineUpdate:
    """Merge an exported decisions file into the baseline file (created when missing) and write it atomically.

    >>> accept_decisions("review.decisions.jsonl", "baseline.jsonl").describe()  # doctest: +SKIP
    'baseline: 2 added, 0 removed, 12 kept'
    """
    decisions = load_decisions(decisions_path)
    old = load_baseline(baseline_path) if Path(baseline_path).exists() else {}
    update = merged_decisions(old, decisions)
    write_baseline(baseline_path, update.entries.values())
    return update


def reason_pairs(baseline: BaselineSource | None) -> tuple[tuple[str, str], ...] | None:
    """A baseline as sorted ``(fingerprint, reason)`` pairs: what settings hold and hash (None for no baseline).

    >>> reason_pairs({"b": BaselineEntry("b", "typo"), "a": BaselineEntry("a", "typo", reason="ok")})
    (('a', 'ok'), ('b', ''))
    """
    if baseline is None:
        return None
    return tuple(sorted(accepted_reasons(baseline).items()))


def counted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count (for ``--fail-on``, totals): those not accepted.

    >>> len(counted_findings([Finding("typo", "warning", 1, "m", accepted=True), Finding("typo", "warning", 2, "m")]))
    1
    """
    return [finding for finding in findings if not finding.accepted]


__all__ = [
    "BaselineEntry",
    "BaselineReview",
    "BaselineUpdate",
    "Decision",
    "accept_decisions",
    "accepted_reasons",
    "baseline_entry",
    "counted_findings",
    "finding_fingerprint",
    "load_baseline",
    "load_decisions",
    "merged_decisions",
    "reason_pairs",
    "updated_baseline",
    "write_baseline",
]
