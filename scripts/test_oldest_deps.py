"""Run the test suite against the oldest versions pyproject.toml allows.

CI installs the newest allowed versions; this script checks the other end of
every bound: it makes a virtual environment, installs each dependency at its
lower bound (``>=X`` becomes ``==X``), the test tools at their newest, and
this checkout without dependencies, then runs pytest there. It needs PyPI, so
it is a developer's check before a bound is moved, not part of CI.

    python scripts/test_oldest_deps.py                 # the whole suite
    python scripts/test_oldest_deps.py tests/cli -x    # arguments go to pytest

The CLI reference test is left out: docs/cli.md is generated from the help
of the newest typer, and older typer lays the same help out differently.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([^,;\s]+)")
TEST_TOOLS = ["pytest", "pytest-xdist", "hypothesis", "lxml"]


def oldest_pins(dependencies: list[str]) -> list[str]:
    """Each dependency pinned at its lower bound.

    >>> oldest_pins(["numpy>=1.24.4,<3", "typer>=0.18,<0.30", "lonely"])
    ['numpy==1.24.4', 'typer==0.18', 'lonely']
    """
    pins = []
    for spec in dependencies:
        found = LOWER_BOUND.match(spec)
        pins.append(f"{found.group(1)}=={found.group(2)}" if found else spec.split(";")[0].strip())
    return pins


def main(pytest_args: list[str]) -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = oldest_pins(project["dependencies"])
    with tempfile.TemporaryDirectory(prefix="corpus-align-oldest-") as temporary:
        venv = Path(temporary) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.run([*pip, *pins, *TEST_TOOLS], check=True)
        subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
        print("oldest versions:", ", ".join(pins), flush=True)
        arguments = pytest_args or ["-q", "-n", "2", "-p", "no:cacheprovider", "--deselect", "tests/browser"]
        arguments = [*arguments, "--deselect", "tests/test_docs.py::test_docs_cli_reference_is_generated_from_help"]
        return subprocess.run([python, "-m", "pytest", *arguments], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
