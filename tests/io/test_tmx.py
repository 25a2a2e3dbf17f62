from __future__ import annotations

from pathlib import Path

import pytest

from corpus_align.alignment import align, align_files
from corpus_align.io.tmx import to_tmx
from tests.conftest import SAMPLE

DTD = Path(__file__).resolve().parents[1] / "data" / "tmx14.dtd"


def _validate(text: str):
    etree = pytest.importorskip("lxml.etree")
    document = etree.fromstring(text.encode("utf-8"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    return document


def test_tmx_sample_is_valid_tmx_14b_with_traditional_source():
    tmx = to_tmx(align_files(SAMPLE))
    document = _validate(tmx.text)
    header = document.find("header")
    assert header.get("srclang") == "zh-Hant" and header.get("segtype") == "sentence"
    assert header.get("datatype") == "plaintext" and header.get("creationtool") == "corpus-align"
    units = document.findall("body/tu")
    assert units and all(len(tu.findall("tuv")) == 2 for tu in units)
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tu in units for tuv in tu.findall("tuv")}
    assert langs == {"zh-Hant", "en"}


def test_tmx_escapes_text_and_removes_forbidden_characters():
    result = align("第一句。\n第二句。", "A <b>&amp;\x0b\"quoted\" line.\nSecond line.", presegmented=True)
    tmx = to_tmx(result)
    document = _validate(tmx.text)
    segs = [seg.text for seg in document.iter("seg")]
    assert 'A <b>&amp;"quoted" line.' in segs
    assert tmx.removed == ((1, repr("\x0b")),)


def test_tmx_leaves_out_null_beads_and_tags_simplified():
    result = align("你好。", "")
    assert "<tu " not in to_tmx(result).text
    assert 'srclang="zh-Hans"' in to_tmx(align("关于重庆。", "About Chongqing.")).text
