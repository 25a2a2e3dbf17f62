from __future__ import annotations

import io

import pytest

from corpus_align import InputError, decode_bytes, read_text
from corpus_align.normalize import find_pinyin_annotations, remove_spans
from tests.conftest import SAMPLE, run_cli

# The sample's Chinese without its pinyin annotations: Big5 cannot encode tone marks.
CHINESE = SAMPLE.read_text("utf-8").split("\nChongqing")[0]
CHINESE = remove_spans(CHINESE, [(d.start, d.end) for d in find_pinyin_annotations(CHINESE)])


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5", "utf-16", "utf-16-be", "utf-8-sig", "utf-8"])
def test_read_detects_encoding_and_reads_back_identical(encoding):
    data = CHINESE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data, "x.txt").text == CHINESE


def test_read_names_detected_legacy_encodings():
    assert decode_bytes(CHINESE.encode("gb18030"), "x").encoding == "gb18030"
    assert decode_bytes(CHINESE.encode("big5"), "x").encoding == "big5"
    simplified = "关于推动成渝地区双城经济圈建设的相关部署和要求。"
    assert decode_bytes(simplified.encode("gbk"), "x").text == simplified


def test_read_normalizes_crlf_and_cr():
    assert decode_bytes("一\r\n二\r三\n".encode(), "x").text == "一\n二\n三\n"


def test_read_encoding_override_is_used():
    data = "重慶".encode("big5")
    assert decode_bytes(data, "x", "big5").text == "重慶"


def test_read_stdin_dash():
    source = read_text("-", stdin=io.BytesIO("你好。".encode("gb18030")))
    assert source.text == "你好。" and source.name == "<stdin>"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x7fELF\x02\x01\x00\x00\x00binary", "looks binary"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ],
)
def test_read_bad_bytes_give_one_line_error(data, problem):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "bad.txt")
    message = str(caught.value)
    assert message.startswith("bad.txt: ") and problem in message and "\n" not in message


def test_read_undecodable_error_names_byte_offset():
    with pytest.raises(InputError, match=r"byte offset 3"):
        decode_bytes(b"abc\xff\xfe\xfd\x80\x80", "bad.txt")
    with pytest.raises(InputError, match=r"cannot decode as utf-8: invalid bytes ff .* at byte offset 2"):
        decode_bytes(b"ok\xffno", "bad.txt", "utf-8")


def test_read_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", "a.txt", "klingon")


@pytest.mark.parametrize("spelling", ["latin-9", "Latin9", "iso-8859-15", "ISO_8859_15"])
def test_read_encoding_takes_every_spelling_python_knows(spelling):
    assert decode_bytes("Café €5.".encode("iso8859-15"), "a.txt", spelling).text == "Café €5."


def test_read_encoding_latin_9_through_the_cli(tmp_path):
    (tmp_path / "en.txt").write_bytes("He paid €5 at the café.\n".encode("iso8859-15"))
    done = run_cli("segment", str(tmp_path / "en.txt"), "--lang", "en", "--encoding", "latin-9")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "He paid €5 at the café."


def test_read_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
