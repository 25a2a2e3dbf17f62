"""batch --text: every output shows the text as told (TMX repaired unless told), and a new mode redoes the documents."""

from __future__ import annotations

import pytest

from corpus_align.batch import BatchSettings
from corpus_align.errors import UsageError
from tests.conftest import SAMPLE, run_cli


def test_batch_text_reaches_every_output_and_counts_as_a_setting(tmp_path):
    release, out = tmp_path / "release", tmp_path / "out"
    release.mkdir()
    (release / "sample.txt").write_bytes(SAMPLE.read_bytes())
    default = run_cli("batch", str(release), "-o", str(out), "--workers", "1", "--format", "tmx")
    assert default.returncode == 0, default.stderr.decode()
    assert "(guān)" not in (out / "sample.tmx").read_text("utf-8")  # a translation memory stores no damage
    assert "關(guān)于" in (out / "sample.tsv").read_text("utf-8")  # reviewers see what the author wrote
    left_out = sum(1 for line in (out / "sample.tsv").read_text("utf-8").splitlines()[1:] if line.split("\t")[3] in ("1-0", "0-1"))
    assert left_out and f"{left_out} one-sided row{'s' if left_out > 1 else ''} of 1 document left out of the TMX files" in (
        default.stderr.decode()
    )
    simplified = run_cli("batch", str(release), "-o", str(out), "--workers", "1", "--format", "tmx", "--text", "simplified")
    assert "1 done, 0 unchanged" in simplified.stderr.decode()  # the text mode is part of the re-run hash
    for suffix in (".tmx", ".tsv", ".html"):
        text = (out / f"sample{suffix}").read_text("utf-8")
        assert "关于推动成渝地区双城经济圈" in text and "關于推動" not in text, suffix


def test_batch_text_unknown_mode_stops_before_the_work():
    with pytest.raises(UsageError, match="unknown --text 'clean'"):
        BatchSettings(text="clean")
    assert BatchSettings(text="repaired").fingerprint() != BatchSettings().fingerprint()
