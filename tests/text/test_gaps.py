"""Gaps in English where a word was dropped (text/gaps.py)."""

from __future__ import annotations

import pytest

from corpus_align.text.gaps import english_gap, opens_without_subject

# (English, the gap shown, or None)
CASES = [
    ("Police declared a riot in on Saturday.", "a riot in on Saturday"),
    ("Police declared a riot in.", "a riot in."),
    ("He had driven a silk shop in into the ground.", "silk shop in into the ground"),
    ("The official added that U.S. Special Envoy for was heading back.", "Special Envoy for was heading back"),
    ("HQV () processing represents the state of the art.", "HQV () processing represents"),
    ("I am a teacher at the.", "teacher at the."),
    ("They royally messed up with their when it came out.", "up with their when it came"),
    ("Only because stepped out of her own shoes was she able to see it.", "Only because stepped out of"),
    ("'Yes, Aunt,' said, and pursed his lips.", "'Yes, Aunt,' said, and pursed"),
    ("Said that when she decided to go, she took nothing.", "Said that when she"),
    # A clause that has lost its subject: it opens on a simple past, a gesture, or a negated auxiliary.
    ("Took pity on the cousin and tried to smooth things over.", "Took pity on"),
    ("However, grew impatient and left.", "However, grew impatient and"),
    ("When he heard this, couldn't help crying.", "When he heard this, couldn't help crying"),
    ("The highwayman pleaded his case to, who grabbed him.", "his case to, who grabbed him"),
    # A word dropped between two marks, after an article, inside brackets; a sentence or clause that opens on its verb.
    ("Our founder,, worked at Huawei for eight years.", "Our founder,, worked at"),
    ("On the we ate zongzi.", "On the we ate zongzi"),
    ("It has been hailed as “the Qur’an in Persian.”", None),  # the an of Qur'an is no article (stop 42)
    ("Position: Senior Data Engineer ( or remote)", "Data Engineer ( or remote)"),
    ("Is about 100,000 light years across.", "Is about 100"),
    ("Around the 15th, will meet someone who can help.", "Around the 15th, will meet someone"),
    ("The semi-final, against, will be played at 8 p.m.", "The semi-final, against, will be"),
    ("Yoon will visit Tokyo next week, according to.", "next week, according to."),
    ("He worked as an odd-job man in our: cutting wheat.", "man in our: cutting wheat"),
    ('"We never rehearse it twice," told me after the show.', 'rehearse it twice," told me after the'),
    # A subordinate clause that opens on its verb, a speech tag in the present, a letter to no one.
    ("When was young, he once worked as a hired farmhand.", "When was young"),
    ('Zigong asks, "Is there a word?" answers, "Is it not reciprocity?"', 'there a word?" answers, "Is it'),
    ("Dear,", "Dear,"),
    ("Hid behind the door until dawn.", "Hid behind the"),
    ("Mrs. bore the change with less fortitude than might have been wished.", "Mrs. bore the"),
    ('"This money is for Ching-chuan to go to," said Bong-chhi.', 'Ching-chuan to go to," said'),
    ("Had nothing more to say.", "Had nothing more to"),
    ("His wife, stood beside him stamping her feet.", "His wife, stood beside him"),
    ("Originally surnamed Ma, was a native of Yunnan.", "Originally surnamed Ma, was a native"),
    ("They fed the army on grain the had stockpiled.", "on grain the had stockpiled"),
    ("“,” Master Huiming said slowly.", "“,” Master Huiming"),
    ('The manager told a press conference: " has great vision."', 'a press conference: " has great'),
    ("By then the An Lushan Rebellion had been raging for a year.", None),
    ("Chang'an had fallen to the rebels.", None),
    ('The new "," format specifier.', None),
    ('For example "ftp" is the URL scheme, the string before the ":" in URL.', None),
    ("In Serie A, signed Argentine striker Diego Romero on loan.", "In Serie A, signed Argentine striker"),
    ("In all, killed or captured 70,443 of the enemy.", "In all, killed or captured 70"),
    ("In certain situations, augmented assignment can result in an error.", None),
    ("Mr. and Mrs. Smith came to dinner.", None),
    ("'Perfect!' cried Misty in delight. 'Go to!'", None),
    ("Were the steps helpful?", None),
    ("The musicians reached into their belts, took out the strings of coins.", None),
    ("When was the war over?", None),
    ("Having all this while had time to collect herself, she spoke.", None),
    ('The last line of my book "Bad Feminist" says, "I would rather be a bad feminist."', None),
    ("Dear Xiaoyu,", None),
    ("Link it into your .exe file.", None),
    ("The session was chaired by Kou Hoi In, President of the Legislative Assembly.", None),
    ("Press the frame round Tab A, then lift it.", None),
    # Fluent English: inversion after a quotation, a question, a subject after the introductory clause.
    ("'Oh!' said Grannie Liu.", None),
    ("Didn't you know?", None),
    ("When he heard this, he couldn't help crying.", None),
    ("Nodded-through motions are rare.", None),
    # Fluent English: an adverb particle, an infinitive, a stranded preposition, a participle clause, code.
    ("The new boy was clearly tucking in to his dinner.", None),
    ("I didn't want to.", None),
    ("Praised by some for leaving money to charity, the trader's statue was attacked.", None),
    ("The sale of at least three French frigates was announced.", None),
    ("Check in to a hotel near Chunxi Road.", None),
    ("Is it true?", None),
    ("After all, is it fair?", None),
    ("An in-depth guide to the IS affiliate.", None),
    ("Offer a money-back return (or exchange) policy.", None),
    ("Compiled modules (.dll, .pyd, .so) are loaded.", None),
    ("Call CreateViewport() to make a viewport.", None),
    ("Police declared a riot in Seattle on Saturday.", None),
    ("Grannie Liu came back from the other room.", None),
    # A name dropped between an article and its verb, between two prepositions, before a full stop, after *of*, and
    # the first part of a compound adjective (stop 39); and their fluent neighbours.
    ("On the policy front, the began imposing duties.", "policy front, the began imposing duties"),
    ("Later Zheng sent someone to to inquire into the matter.", "sent someone to to inquire into"),
    ("He would go first for Besançon and then for.", "Besançon and then for."),
    ("In the thirteenth year of he did indeed pass.", "thirteenth year of he did indeed"),
    ("BYD's -listed H shares closed higher.", "BYD's -listed H shares"),
    ("The saw was sharp, and the said property was sold.", None),
    ("That is what it is for.", None),
    ("Blessed are the children of he who laughs.", None),
    ("It was in in the end.", None),
    ("Use the -v flag for more output.", None),
]


@pytest.mark.parametrize(("text", "gap"), CASES)
def test_gaps_english_gap_finds_a_function_word_left_without_its_word(text, gap):
    assert english_gap(text) == gap


def test_gaps_the_words_shown_around_a_gap_are_bounded_in_a_hostile_line():
    """Around a gap in a line of one huge word, a few dozen characters are shown (and looked at), not the line."""
    gap = english_gap("a" * 100_000 + " b" * 10 + " in.")
    assert gap == "b b in."
    assert len(english_gap("a" * 100_000 + " in.") or "") < 100


@pytest.mark.parametrize(("text", "gap"), [
    ("Stood on the balcony, looking out at the bay.", "Stood on the balcony"),
    ("“Said that she would come,” he wrote.", "Said that she would"),
    ("She stood on the balcony. Stood there.", None),
    ("Liusu stood on the balcony.", None),
])
def test_gaps_opens_without_subject_reads_the_first_clause_only(text, gap):
    assert opens_without_subject(text) == gap


def test_gaps_a_question_is_looked_for_within_a_bounded_stretch():
    """A lookahead for a question mark through the rest of a sentence reads a line of clause openings without marks
    once per opening (a line of 180,000 characters took 5.7 s): every one is bounded."""
    from corpus_align.text import gaps

    for pattern in (gaps._OBJECT_GAP.pattern, gaps._SUBJECT_GAP.pattern):
        assert "[^.!?]*\\?" not in pattern
        assert "(0, 200)" not in pattern  # a bound written in an f-string without doubled braces
    assert english_gap("When was young, he farmed a plot " + "x " * 150 + "of land?") == "When was young"


def test_gaps_empty_brackets_the_source_has_too_are_its_blank_to_fill():
    # An exercise's answer blank, in both columns (stop 42's unseen documents: an HSK lesson's true-or-false items).
    english = "(2) They plan to go to Fragrant Hills by bus. (  )"
    assert english_gap(english, "（2）他们打算坐公共汽车去香山。（　）") is None
    assert english_gap(english, "（2）他们打算坐公共汽车去香山。") == "by bus. (  )"
    assert english_gap(english) == "by bus. (  )"
