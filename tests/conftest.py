from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "000_389ae536b82fb46d.txt"
MAC_DEV = ROOT.parent / "shared" / "bench" / "mac-dev"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m corpus_align`` as a user would, capturing bytes."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "corpus_align", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="session")
def sample_alignment_and_findings():
    """The bundled sample aligned and checked, named by its path relative to the repository (as golden files show it)."""
    from corpus_align import align_files
    from corpus_align.qa import check_alignment

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        alignment = align_files("data/samples/000_389ae536b82fb46d.txt")
    finally:
        os.chdir(cwd)
    return alignment, check_alignment(alignment)
