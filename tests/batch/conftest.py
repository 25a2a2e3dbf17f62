from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE

ZH = ["王广成率队赴重庆调研。", "双方同意继续加强交流与合作。", "他们在2021年3月11日签署了协议。", "会议在四川省举行。"]
EN = ["Wang Guangcheng led a team to Chongqing for a survey.", "Both sides agreed to strengthen exchanges and cooperation.",
      "They signed the agreement on March 11, 2021.", "The meeting was held in Sichuan Province."]


def make_release(root: Path) -> Path:
    """A small release with every layout: side by side, zh/ + en/ folders, a bilingual file, orphans, a bad file."""
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.zh.txt").write_text("".join(ZH[:2]), "utf-8")
    (root / "news" / "a.en.txt").write_text(" ".join(EN[:2]), "utf-8")
    (root / "b.zh.txt").write_bytes("".join(ZH[2:]).encode("gb18030"))
    (root / "b.en.txt").write_text(" ".join(EN[2:]), "utf-8")
    (root / "book" / "zh").mkdir(parents=True)
    (root / "book" / "en").mkdir(parents=True)
    (root / "book" / "zh" / "c.txt").write_text("\n".join(ZH), "utf-8")
    (root / "book" / "en" / "c.txt").write_text("\n".join(EN), "utf-8")
    (root / "book" / "zh" / "lonely.txt").write_text("只有中文。", "utf-8")
    (root / "sample.txt").write_bytes(SAMPLE.read_bytes())
    (root / "orphan.zh.txt").write_text("没有英文。", "utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    return root


@pytest.fixture
def release(tmp_path) -> Path:
    return make_release(tmp_path / "release")


def two_file_release(root: Path, documents: dict[str, tuple[str, str]]) -> Path:
    """A release of ``NAME.zh.txt`` + ``NAME.en.txt`` pairs from name -> (Chinese, English)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, (zh, en) in documents.items():
        (root / f"{name}.zh.txt").write_text(zh, "utf-8")
        (root / f"{name}.en.txt").write_text(en, "utf-8")
    return root


def store_content(out: Path) -> dict[str, list[tuple]]:
    """The rows of ``out/release.sqlite`` table by table, without row ids, times and statuses, in a stable order."""
    import sqlite3

    connection = sqlite3.connect(out / "release.sqlite")
    try:
        queries = {
            "documents": "SELECT name, zh_file, en_file, zh_sentences, en_sentences, beads, mean_score, errors, warnings,"
                         " infos, error, input_hash FROM documents ORDER BY name",
            "sentences": "SELECT document, lang, sentence, paragraph, start_offset, end_offset, row, original, normalized"
                         " FROM sentences ORDER BY document, lang, sentence",
            "beads": "SELECT document, row, type, score, zh_ids, en_ids, zh, en, zh_normalized, en_normalized"
                     " FROM beads ORDER BY document, row",
            "findings": "SELECT document, row, code, severity, message, evidence_zh, evidence_en, evidence_spans, suggestion,"
                        " confidence FROM findings ORDER BY document, id",
        }
        return {table: connection.execute(query).fetchall() for table, query in queries.items()}
    finally:
        connection.close()


# Traditional Chinese, so that searches in either script can be seen to find both.
TRADITIONAL = ("關於雙方合作的協議。\n他們同意繼續加強交流。",
               "The agreement on cooperation between both sides.\nThey agreed to continue strengthening exchanges.")


def store_release(root: Path) -> Path:
    """A release for the store's tests: two Simplified documents (a, b), a Traditional one (trad), the bundled sample
    (Traditional, with findings) and a broken file (failed)."""
    two_file_release(root, {"a": ("".join(ZH[:2]), " ".join(EN[:2])), "b": ("".join(ZH[2:]), " ".join(EN[2:])),
                            "trad": TRADITIONAL})
    (root / "sample.txt").write_bytes(SAMPLE.read_bytes())
    (root / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    return root


def run_batch_here(release: Path, out: Path, **options):
    """:func:`run_batch` with the documents aligned in this process (as the ``serial_batch`` fixture does), for
    fixtures wider than one test."""
    from corpus_align.batch import process_document, run, run_batch

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run, "map_local", lambda tasks, workers, settings: (process_document(task) for task in tasks))
        return run_batch(release, out, **options)
