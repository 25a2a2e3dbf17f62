"""One sentence per line: the sentences, and the damage found in them, are those of each line on its own."""

from corpus_align.io.read import document_of
from corpus_align.model import SourceText
from corpus_align.normalize import find_english_damage
from corpus_align.segment import presegmented


def test_presegmented_english_damage_is_found_line_by_line():
    text = (
        "A  line?with damage \u00e2\u20ac\u2122 here\ufffd\n\n  Second?line\n"
        "third line caf\u00c3\u00a9 ok\n?start and end?\nclean line\n"
    )
    document = presegmented(document_of(SourceText("x.txt", text, "utf-8"), "en"))
    per_line = [d for s in document.sentences for d in find_english_damage(s.original, s.start)]
    assert document.damage == tuple(per_line)
    assert [d.kind for d in document.damage] == [
        "glued-question-mark", "mojibake", "replacement-character", "glued-question-mark", "mojibake",
    ]
    assert [s.original for s in document.sentences][:2] == ["A  line?with damage \u00e2\u20ac\u2122 here\ufffd", "Second?line"]
