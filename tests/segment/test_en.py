from __future__ import annotations

import pytest

from corpus_align import SourceText, load_bilingual, segment
from corpus_align.io.read import document_of
from corpus_align.segment.en import split_en

CASES = [
    ("Mr. Wang met Mrs. Li and Dr. Chen on St. Mary's Road. They talked.",
     ["Mr. Wang met Mrs. Li and Dr. Chen on St. Mary's Road.", "They talked."]),
    ("See No. 5 on Jan. 3 and Dec. 12. It opens at 9 a.m. and closes at 5 p.m. every day.",
     ["See No. 5 on Jan. 3 and Dec. 12.", "It opens at 9 a.m. and closes at 5 p.m. every day."]),
    ("Fruits, e.g. apples, i.e. red ones, etc. are sold. Acme Inc. and Foo Ltd. agreed.",
     ["Fruits, e.g. apples, i.e. red ones, etc. are sold.", "Acme Inc. and Foo Ltd. agreed."]),
    ("The U.S. and the U.K. signed. The deal held.", ["The U.S. and the U.K. signed.", "The deal held."]),
    ("J. K. Rowling wrote it. She is rich.", ["J. K. Rowling wrote it.", "She is rich."]),
    ("Growth was 3.5 percent. Prices rose 0.2 points.", ["Growth was 3.5 percent.", "Prices rose 0.2 points."]),
    ("He waited... and waited. Then he left.", ["He waited... and waited.", "Then he left."]),
    ('He said, "Stop." Then he left.', ['He said, "Stop."', "Then he left."]),
    ("She asked, “Why?” He shrugged.", ["She asked, “Why?”", "He shrugged."]),
    ('He sang "Go!" and left.', ['He sang "Go!" and left.']),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    # Punkt cuts between the "?" and its closing quote; a piece opening with a comma goes on the sentence.
    ("Call ask_ok('Overwrite the file?', 2, 'Yes or no!') now.", ["Call ask_ok('Overwrite the file?', 2, 'Yes or no!') now."]),
    ("Headline Without Full Stop\nThe body starts here. It goes on for a while and is longer than the title.",
     ["Headline Without Full Stop", "The body starts here.", "It goes on for a while and is longer than the title."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_en_golden_cases(text, expected):
    assert [text[s:e] for s, e in split_en(text)] == expected


def test_en_sample_has_four_sentences_title_first(sample_path):
    _, en = load_bilingual(sample_path)
    document = segment(en)
    assert len(document.sentences) == 4
    assert document.sentences[0].original.endswith("for survey")
    assert [s.paragraph for s in document.sentences] == [0, 1, 2, 3]
    for sentence in document.sentences:
        assert en.source.text[sentence.start : sentence.end] == sentence.original


def test_en_hard_wrapped_paragraph_joins_lines_in_normalized_text():
    text = "This sentence is\nwrapped over two lines. Next one.\n\nSecond paragraph\nhere, wrapped.\n"
    document = segment(document_of(SourceText("w.txt", text, "utf-8"), "en"))
    assert [s.normalized for s in document.sentences] == [
        "This sentence is wrapped over two lines.",
        "Next one.",
        "Second paragraph here, wrapped.",
    ]
    assert [s.paragraph for s in document.sentences] == [0, 0, 1]


CANDIDATE_CASES = [
    # Punkt keeps a unit's or a time's full stop inside a sentence; an added sentence after it is cut off.
    ("The site is open from 8 a.m. to 5.30 p.m. Article 10 applies.", ["The site is open from 8 a.m. to 5.30 p.m.", "Article 10 applies."]),
    ("He weighs 80 kg. Confucius said so.", ["He weighs 80 kg.", "Confucius said so."]),
    ("I don't know... Fast delivery.", ["I don't know...", "Fast delivery."]),
    # Never after a title, a dotted name or an initial, nor before a word in lower case.
    ("Mr. Savage met U.S. Army officers and J. K. Rowling.", ["Mr. Savage met U.S. Army officers and J. K. Rowling."]),
    ("It starts at 3:30 p.m. on Sunday.", ["It starts at 3:30 p.m. on Sunday."]),
    # A quotation closed in the same text goes with the sentence that quotes it; one left open does not swallow the rest.
    ('The opening, "When did the moon appear? I ask the sky," is a question. It is famous.',
     ['The opening, "When did the moon appear? I ask the sky," is a question.', "It is famous."]),
    ('He said, "Go. Now. Later. It is famous.', ['He said, "Go.', "Now.", "Later.", "It is famous."]),
]


@pytest.mark.parametrize(("text", "expected"), CANDIDATE_CASES)
def test_en_sentence_candidates_cut_after_units_and_ellipses_not_titles_nor_in_quotations(text, expected):
    from corpus_align.segment.en import sentence_candidates

    assert [text[s:e] for s, e in sentence_candidates(text)] == expected


def test_en_sentence_candidates_cut_after_a_word_longer_than_the_abbreviation_window():
    """The word before an inner full stop is read within 40 characters: enough to tell an abbreviation, and a longer
    word still ends its sentence."""
    from corpus_align.segment.en import sentence_candidates

    text = "See " + "x" * 100 + ". Then it rained."
    assert [text[start:end] for start, end in sentence_candidates(text)] == ["See " + "x" * 100 + ".", "Then it rained."]
