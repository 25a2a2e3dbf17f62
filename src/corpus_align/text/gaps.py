"""Gaps in English: a function word left with nothing to govern, or a clause without its subject.

A name or a noun cut out of a sentence leaves its grammar behind: a preposition or an article
before a full stop (*a riot in.*, *at the.*), two prepositions in a row (*a riot in on
Saturday*), a preposition before a verb (*Special Envoy for was heading*), a determiner before
a conjunction (*with their when*), two marks with nothing between them (*Our founder,, worked*),
empty brackets (*HQV () processing*) or a speech tag with no speaker (*'Yes,' said, and*).
A subject dropped from a clause, as a draft translated from Chinese, which leaves subjects
out, easily drops one, leaves the clause opening on its verb (*Took pity on the cousin*,
*However, grew impatient*, *When he heard this, couldn't help crying*).

Fluent English has these too (*come in.*, *the sale of at least three*, *Called to create …* in
a reference manual, *Came home on my lunch break* in a post): one line in fifty over the
development sets, in every domain alike; so a gap is evidence to weigh with other evidence,
never a finding alone.

>>> english_gap("Police declared a riot in on Saturday.")
'a riot in on Saturday'
>>> english_gap("Police declared a riot in Seattle on Saturday.") is None
True
>>> english_gap("Were the Flying General here today, no horse would cross the Yin Mountains.") is None
True
>>> english_gap("He deposits $50 000 at an interest rate of 3% p.a., compounded quarterly.") is None
True
>>> english_gap("Fresh food shall be refrigerated at or below 7°C."), english_gap("He came from and left.")
(None, 'He came from and left')
"""

from __future__ import annotations

import re

# Verbs whose past form opens a sentence only when its subject is missing (participles that open a clause,
# *Praised by some*, *Founded in 1990*, are left out).
_PAST = (
    "said|came|went|told|asked|had|was|were|looked|thought|knew|saw|took|got|gave|made|felt|turned|stood|sat|ran|"
    "walked|replied|answered|shouted|cried|smiled|laughed|nodded|began|left|heard|seemed|wanted|tried|decided|found|"
    "kept|brought|followed|watched|continued|pointed|explained|reached|returned|stopped|called|stepped"
)
# Simple past forms that are no participle: a sentence or clause that opens on one has lost its subject
# (*Took pity on her*), unless a pronoun or a name follows it (*said Grannie Liu*; an inversion such as *Came the
# dawn* is read as a gap).
_SIMPLE_PAST = (
    "went|came|saw|took|gave|ran|began|knew|grew|threw|drew|wrote|spoke|broke|chose|rose|fell|drove|rode|sang|drank|"
    "flew|shook|woke|wore|stole|froze|ate|sat|stood|said|told|heard|hid|forgot|swam|sank|rang|tore|swore|sprang|strode"
)
# A condition said by inversion, its subject after the verb: Were the General here today, no horse would cross; Had
# he known, he would have stayed.
_CONDITION = r"(?:were|had)\b[^.!?]{0,200}\b(?:would|could|might)\b"
# A negated auxiliary, which needs a subject before it outside a question (*Didn't you …?*).
_NEGATED = "didn't|did not|couldn't|could not|wasn't|was not|wouldn't|would not|hadn't|had not"
# Past forms of verbs of gesture and speech, which open no participle clause in narrative.
_NARRATING = (
    "nodded|smiled|laughed|sighed|frowned|shrugged|glanced|stared|whispered|muttered|shouted|replied|answered|"
    "grinned|blushed|hesitated|rounded on|looked (?:up|down|at|around)|turned (?:away|around|to)|"
    "reached (?:down|out|up|for)|walked (?:away|over|in|out)"
)
# Prepositions that need an object (*in*, *on* and *to* are also adverbs and infinitive markers: *came in.*, *went on.*,
# *wanted to.*, so they are only read where no adverb can stand).
_GOVERNS = "in|at|of|from|with|by|into|than|between|among|via|against"
_SPEECH_VERB = "said|asked|replied|answered|cried|shouted"
# The same in the present, as scripture, classics and stories quote: *Zigong asks, "…?" answers, "…"*.
_SPEECH_VERB_PRESENT = "says|asks|replies|answers|cries|shouts"

_EMPTY_BRACKETS = re.compile(r"[(（][\s\u3000]*[)）]")
# A word missing after a function word, between two marks or inside brackets: any kind of name leaves these.
_OBJECT_GAP = re.compile(
    "|".join((
        r"(?<![\w)\]])[(（]\s*[)）]|[(（]\s+(?:or|and)\b",              # empty brackets: HQV () processing; ( or remote)
        r"(?<!\.)\b(?-i:the|a|an|its)\s*[.,;:!?)](?!\w)",               # an article before punctuation: at the. (not p.a.)
        # A preposition before punctuation (a riot in.), in lower case: In and A end names and labels (Kou Hoi In, Tab A).
        rf"\b(?-i:{_GOVERNS})\s*(?:[.,;:!?)](?=\s|$)|$|\s(?:--|—|–)\s)",
        r"\baccording to\s*[.,;:!?]|\bto\s*,\s+(?:an?|the)\b",          # according to.; head to, an old town
        r"\b(?:to|on|of|for|with)\s*,\s*(?:who|whom|which|perhaps)\b",  # pleaded his case to, who …
        r"\b(?:at|of|from|into|with|by|between|among|via) (?:in|at|of|from|into|by|via|on|to|for)\b"
        r"(?! (?:of|to)\b)(?! least\b)",                                # two prepositions: he came from in the
        # A preposition joined to nothing: he came from and; but two joined prepositions share their object (at or
        # below 7°C, on and after 1 May, from and to the station).
        r"\b(?:at|of|from|into|with|by|between|among|via) (?:and|or)\b(?! (?:below|above|before|after|near|around|"
        r"beyond|under|over|within|about|at|in|on|by|from|to|into|onto|through|towards?)\b)",
        r"\bin (?:at|of|from|by|via|into)\b(?! (?:least|most|all|first|once)\b)",  # a riot in at dawn
        r"\bin on (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
        r"September|October|November|December)\b",                    # a riot in on Saturday
        r"\b(?:for|of|in|at|with|by|from|about|on) (?:was|were|is|are|has|had|will|would|can|could)\b",  # Envoy for was
        # their when (not the an of Qur'an in)
        r"(?<!['’])\b(?:the|an|their|its|my|your|our) (?-i:when|which|who|and|or|but|of|in|to|was|were|is|are)\b(?!-)",
        r"(?<![\w'’-])(?-i:the|an|their|its|my|your|our) (?-i:had|has|have|did)\b(?!-)",  # grain the had stockpiled (not Chang'an)
        # A past form after an article or a possessive, as when the name between them was dropped (the began imposing,
        # for The EU began); only forms that are no noun or adjective (not the saw, the said, the broke).
        r"(?<![\w'’-])(?-i:[Tt]he|[Aa]n|[Tt]heir|[Ii]ts|[Mm]y|[Yy]our|[Oo]ur) (?-i:began|became|went|came|took|gave|knew|grew|"
        r"chose|brought|told|ran|wrote|ate|stood|sat|sang|drank|flew|shook|woke|stole|froze|swam|sank|tore|swore|strode|"
        r"forgot|hid)\b(?![\w'’-])",
        # A preposition twice: sent someone to to inquire (not in in, which speech repeats).
        r"\b(?-i:(to|of|at|from|for|with|by|into)) (?-i:\1)\b",
        r"\b(?:and|or|then) for\s*[.;!?](?=['\"’”]?(?:\s|$))",            # first for Besançon, and then for.
        r"\bof (?-i:he|she|they|we)\b(?! who\b)",                        # in the thirteenth year of he did
        # A compound adjective without its first part (BYD's -listed shares, for Hong Kong-listed).
        r"(?<=\s)-(?-i:listed|based|owned|made|born|led|backed|funded|run|style|related|bound|speaking)\b",
        r"“\s*[,.]?\s*”",                                               # a quotation with nothing in it: “,” he said
        r":\s+[\"“]\s+(?-i:[a-z])",                                      # a quotation that opens on its verb: told them: " has
        r"\b(?:the|a|an) (?:I|we|he|she|they|you)\b(?!-)",               # On the we ate zongzi
        r"\b(?:the|an|their|its|my|your|our) (?:around|into)\b",         # out into the around noon
        r"\b(?:our|their|your)\s*(?:[,;:!?]|\.(?=\s|$))",                # in our: cutting wheat
        r"(?<=\w),\s*[,.](?=\s|$)|(?<=[a-z])\.\.(?=\s|$)",              # a word dropped between two marks: Our founder,, worked
        r"\s['’]s\b",                                                   # a possessive with no owner: the 's house
        r"^\s*(?-i:Dear)\s*[,:]",                                        # a letter to no one: Dear,
        r"\b(?-i:Mr|Mrs|Ms|Dr)\.?\s+(?!(?:and|or)\b)(?-i:[a-z])",          # a title before no name: Mrs. bore the change
        # Going to no place: for Ching-chuan to go to, said Bong-chhi.
        r"\b(?-i:go|goes|going|went|gone|come|comes|came|move[sd]?|moving|travell?(?:ed|ing)?|flew|fly|flying|"
        r"return(?:s|ed|ing)?|back)\s+to\s*[.,;:!?](?=['\"’”]?(?:\s|$))",  # (in lower case: the oath Go to!)
    )),
    re.I,
)
# A clause that has lost its subject: it opens on its verb, outside a question, or a speech tag has no speaker.
_SUBJECT_GAP = re.compile(
    "|".join((
        rf"['\"’”,]\s*(?:{_SPEECH_VERB})\s*[,.;]",                      # 'Yes, Aunt,' said, and
        # After a quoted sentence (not a title: *"Bad Feminist" says, …*): …?" answers, "Is it not reciprocity?"
        rf"[.!?,]['\"’”]\s*(?:{_SPEECH_VERB_PRESENT})\s*[,.;:]",
        r"['\"’”,]\s*(?:told|asked|said)\s+(?:me|him|her|us|them)\b",   # …," told me after the show
        rf"(?:^|[.!?]['\"’”]?\s+)(?!{_CONDITION})(?:{_PAST}) (?:that|a|an|to|back|in|at|on|the|nothing|no|never|just|already)\b"
        r"(?![^.!?]{0,200}\?)",  # Said that when she …; Had nothing more to say (not a question: Got just the one?)
        rf"(?:^|[.!?:;]['\"’”]?\s+)(?:{_SIMPLE_PAST})\b(?! (?:I|you|he|she|we|they|it)\b| (?-i:[A-Z]))",  # Took pity on her
        rf"(?:^|[.!?:;]['\"’”]?\s+)(?:{_NARRATING})\b(?!-)",          # Nodded, but …
        rf"(?:^|[.!?]['\"’”]?\s+)(?:{_NEGATED})\b(?! (?:I|you|he|she|we|they|it|there)\b| (?-i:[A-Z]))",  # Did not, in fact
        rf"\b(?:when|because|although|though|until|while|before|after|since)\s+(?:{_SIMPLE_PAST}|{_NARRATING})\b",  # when heard this
        rf"\bbecause (?:{_PAST})\b|\bwhether (?:{_SIMPLE_PAST})\b",      # because stepped out; whether won honour
        # A subordinate clause that opens on its verb, outside a question (not the noun: *all this while had time*):
        # When was young; because had no money.
        r"(?<!this )(?<!that )(?<!the )(?<!a )\b(?:when|while|because|although|though|until|before|after|since|whether)"
        r"\s+(?:was|were|had|is|are|has)\b(?![^.!?]{0,200}\?)",
        rf"(?:^|[.!?]['\"’”]?\s+)(?:However|Naturally|Finally|Suddenly|Later|Afterwards|Soon|Instead),?\s+"
        rf"(?:{_SIMPLE_PAST}|{_NARRATING}|{_NEGATED})\b",                # However, grew impatient; Naturally did not
        rf"(?:^|[.!?]['\"’”]?\s+)(?-i:When|After|Before|As|Since|Once|Unable|Although|Though)\b[^,.;:!?]{{0,80}},\s+"
        rf"(?:{_NEGATED}|finally|stopped)\b",                          # When he heard this, couldn't help crying
        # A sentence that opens on its verb, outside a question: Is about 100,000 light years across.
        rf"(?:^|[.!?]['\"’”]?\s+)(?!{_CONDITION})(?:is|was|are|were|has)\b(?! (?:I|you|he|she|it|we|they|there|this|that)\b"
        r"| (?-i:[A-Z]))(?![^.!?]{0,200}\?)",
        # A short noun phrase set off by a comma before its verb, as when a name in apposition was dropped:
        # His wife, stood beside him (His wife, Xiuying, stood).
        rf"(?:^|[.!?]['\"’”]?\s+)(?-i:His|Her|Their|The|My|Our|Its|This|That)\s\w+(?:\s\w+)?,\s+"
        rf"(?:{_SIMPLE_PAST}|was|were|had|is|are|has)\b(?![^.!?]{{0,200}}\?)",
        # A participle phrase, then a verb with no subject: Originally surnamed Ma, was a native of Yunnan.
        r"(?:^|[.!?]['\"’”]?\s+)(?:(?-i:[A-Z][a-z]+ly\s+[a-z]+(?:ed|en))|(?-i:[A-Z][a-z]+(?:ed|en))|Born)\b[^,.;:!?]{0,60},\s+"
        r"(?:was|were|had|is|are|has)\b(?![^.!?]{0,200}\?)",
        # An introductory phrase, then a past form with its object and no subject: In Serie A, signed Argentine striker …;
        # In all, killed or captured 70,443 (an adjective takes no article: In certain situations, augmented assignment).
        r"(?:^|[.!?]['\"’”]?\s+)(?-i:In|On|At|By|For|From|With|During|After|Before|Later|Then|Last|Earlier|Meanwhile)\b"
        r"[^,.;:!?]{0,60},\s+(?:[a-z]+ly\s+)?(?-i:[a-z]+ed)(?:\s+(?:or|and)\s+[a-z]+ed)?\s+"
        r"(?:(?-i:the|a|an|his|her|their|its)\b|(?-i:[A-Z])|\d)",
        # An introductory phrase, then a verb with no subject: Around the 15th, will meet someone.
        r"(?:^|[.!?]['\"’”]?\s+)(?-i:Around|During|On|In|At|By|For|From|With|Before|After|Once)\b[^,.;:!?]{0,80},\s+"
        r"(?-i:will|would|can|could|should|must|may|might|is|was|were|are|has|had)\b(?![^.!?]{0,200}\?)",
    )),
    re.I,
)
# The two words either side of a gap that are shown with it.
_WORDS_BEFORE = re.compile(r"(?:\S+\s+){0,2}\S*$")
_WORDS_AFTER = re.compile(r"(?:\s*[^\s.,;:!?]+){0,2}")
_CONTEXT_CHARS = 60


def opens_without_subject(text: str) -> str | None:
    """The words around the gap when the first clause of ``text`` has lost its subject (it opens on its verb), or ``None``.

    >>> opens_without_subject("Stood on the balcony, looking at the bay."), opens_without_subject("When was young, he farmed.")
    ('Stood on the balcony', 'When was young')
    >>> opens_without_subject("He stood on the balcony. Stood there.") is None
    True
    """
    opening = len(text) - len(text.lstrip(" \t\"'“‘「『(—–-"))
    found = _SUBJECT_GAP.match(text[opening:])
    return _shown(text[opening:], found) if found else None


def english_gap(text: str, source: str = "") -> str | None:
    """The words around the first gap in ``text`` where a dropped word seems to be missing, or ``None``.

    Up to two words either side are kept, so that a reviewer sees the gap in its place.  Empty brackets that the
    ``source`` has too are its own blank to fill in (an exercise's answer), not a gap.

    >>> english_gap("Then one day she told in a confessional tone that he had left.") is None
    True
    >>> english_gap("The official added that U.S. Special Envoy for was heading back to Vienna.")
    'Special Envoy for was heading back'
    >>> english_gap("HQV () processing represents the state of the art.")
    'HQV () processing represents'
    >>> english_gap("(2) They go by bus. (  )", "（2）他们坐公共汽车去。（　）") is None
    True
    """
    object_gap = _OBJECT_GAP.search(text)
    if source and _EMPTY_BRACKETS.search(source):
        while object_gap is not None and _EMPTY_BRACKETS.fullmatch(object_gap.group()):
            object_gap = _OBJECT_GAP.search(text, object_gap.end())
    found = [match for match in (object_gap, _SUBJECT_GAP.search(text)) if match]
    if not found:
        return None
    return _shown(text, min(found, key=lambda match: match.start()))


def _shown(text: str, first: re.Match) -> str:
    """The gap ``first`` with up to two words either side."""
    # The words before are looked for in the last characters only: a search back through a huge word is quadratic.
    window = max(0, first.start() - _CONTEXT_CHARS)
    start = _WORDS_BEFORE.search(text, window, first.start()).start()  # type: ignore[union-attr]  # matches ""
    end = _WORDS_AFTER.match(text, first.end(), first.end() + _CONTEXT_CHARS).end()  # type: ignore[union-attr]
    return text[start:end].strip()
