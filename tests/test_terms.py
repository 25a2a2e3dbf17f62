"""Term extraction: names and consistently translated terms learned from a small constructed document."""

from __future__ import annotations

from corpus_align._lazy import opencc_converter
from corpus_align.checks import check_rows, rows_from_pairs
from corpus_align.io.glossary import glossary_text, read_glossary
from corpus_align.model import GlossaryEntry
from corpus_align.terms import TermCandidate, extract_terms, extract_terms_from_files, glossary_entries

# 韦小宝 is rendered by meaning (Trinket) in all four of its rows, 王琦瑶 by its pinyin in all three; 钢琴 (piano)
# is in one row only.
ROWS = [
    ("韦小宝笑了。", "Trinket laughed."),
    ("他走进书房。", "He went into the library."),
    ("韦小宝哭了起来。", "Trinket began to cry."),
    ("天气很好。", "The weather was fine."),
    ("王琦瑶坐在窗前。", "Wang Qiyao sat by the window."),
    ("韦小宝说他饿了。", "Trinket said he was hungry."),
    ("王琦瑶笑了。", "Wang Qiyao smiled."),
    ("她弹了一会儿钢琴。", "She played the piano for a while."),
    ("王琦瑶站起来。", "Wang Qiyao stood up."),
    ("韦小宝跑了。", "Trinket ran away."),
    ("大家都笑了。", "Everyone laughed."),
]


def _traditional(rows):
    to_traditional = opencc_converter("s2t").convert
    return [(to_traditional(zh), en) for zh, en in rows]


def _found(candidates: list[TermCandidate]) -> dict[str, tuple[str, int, str]]:
    return {c.zh: (c.en, c.rows, c.kind) for c in candidates}


def test_terms_a_repeated_name_is_found_with_its_rendering():
    found = _found(extract_terms(ROWS))
    assert found["韦小宝"] == ("Trinket", 4, "name")  # learned from the rows: no dictionary gives it
    assert found["王琦瑶"] == ("Wang Qiyao", 3, "name")  # spelled in pinyin


def test_terms_a_one_off_word_is_not_a_candidate():
    assert "钢琴" not in _found(extract_terms(ROWS))
    assert "钢琴" not in _found(extract_terms(ROWS, min_count=2))


def test_terms_candidates_carry_their_evidence_and_are_ranked_by_it():
    candidates = extract_terms(ROWS)
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
    trinket = next(c for c in candidates if c.zh == "韦小宝")
    assert (trinket.example_row, trinket.zh_rows, trinket.note) == (1, 4, "name, 4 of 4 rows, e.g. row 1")
    assert extract_terms(ROWS, limit=1) == candidates[:1]


def test_terms_simplified_and_traditional_give_the_same_candidates():
    simplified = extract_terms(ROWS)
    traditional = extract_terms(_traditional(ROWS))
    assert [(c.zh, c.en, c.rows, c.kind, c.example_row) for c in traditional] == \
        [(c.zh, c.en, c.rows, c.kind, c.example_row) for c in simplified]
    # The glossary shows the Chinese as the document writes it.
    assert {c.written for c in traditional} >= {"韋小寶", "王琦瑤"}


def test_terms_glossary_round_trips_through_read_glossary(tmp_path):
    candidates = extract_terms(ROWS)
    path = tmp_path / "glossary.tsv"
    path.write_text(glossary_text(glossary_entries(candidates), ["candidates"]), "utf-8")
    entries = read_glossary(path)
    assert [(e.simplified, e.target, e.note) for e in entries] == [(c.zh, c.en, c.note) for c in candidates]


def test_terms_glossary_makes_glossary_mismatch_fire_where_the_term_is_rendered_otherwise(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text(glossary_text(glossary_entries(extract_terms(ROWS))), "utf-8")
    rows = rows_from_pairs([("韦小宝笑了。", "Trinket laughed."), ("韦小宝哭了。", "Wei Xiaobao cried.")])
    findings = [f for f in check_rows(rows, glossary=read_glossary(path)) if f.code == "glossary-mismatch"]
    assert [(f.row, f.suggestion) for f in findings] == [(2, "Trinket")]


def test_terms_inconsistent_spelling_prefers_the_glossary_spelling():
    # Xifeng is the commoner spelling here, but the glossary says Xi-feng: the Xifeng rows are the odd ones.
    rows = rows_from_pairs([("凤姐来了。", "Then Xifeng came."), ("凤姐笑了。", "And Xifeng laughed."),
                            ("凤姐走了。", "Then Xi-feng left.")])
    plain = [(f.row, f.suggestion) for f in check_rows(rows, select=["inconsistent-spelling"])]
    glossed = [(f.row, f.suggestion) for f in check_rows(rows, select=["inconsistent-spelling"],
                                                          glossary=[GlossaryEntry("凤姐", "凤姐", "Xi-feng")])]
    assert plain == [(3, "Xifeng")]
    assert glossed == [(1, "Xi-feng"), (2, "Xi-feng")]


def test_terms_from_several_files_name_the_document_of_the_example(tmp_path):
    first, second = tmp_path / "ch1.tsv", tmp_path / "ch2.tsv"
    first.write_text("".join(f"{zh}\t{en}\n" for zh, en in ROWS[:6]), "utf-8")
    second.write_text("".join(f"{zh}\t{en}\n" for zh, en in ROWS[6:]), "utf-8")
    trinket = next(c for c in extract_terms_from_files([first, second]) if c.zh == "韦小宝")
    assert (trinket.en, trinket.rows, trinket.documents, trinket.document, trinket.example_row) == ("Trinket", 4, 2, "ch1", 1)
    assert trinket.note == "name, 4 of 4 rows in 2 documents, e.g. ch1 row 1"
