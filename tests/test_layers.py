"""The layers of the package: no import runs back up.

language and reading (text/, normalize, io readers and records)
  → stages (segment/, aligner/, checks/)
  → pipeline (alignment, pipeline, qa, evaluation)
  → outputs and commands (io writers, cli/, batch, the package's API).

A module may import its own layer or one below; ``__version__`` from the
package is the one exception (a constant).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "corpus_align"

LAYERS = {
    "language and reading": [
        "model", "errors", "_lazy", "_runtime", "_arrays", "text", "normalize",
        # Readers and the plain records every writer and the checks share; io.tsv holds the cell escaping both
        # its writer and the TSV reader use.
        "io.read", "io.atomic", "io.glossary", "io.tsv_read", "io.records", "io.tsv",
        "io.aligned_read", "io.jsonl_read", "io.xlsx_read", "io.baseline",
    ],
    "stages": ["segment", "aligner", "checks"],
    "pipeline": ["alignment", "pipeline", "qa", "evaluation", "baseline"],
    # terms reads a batch's output folder (batch.aligned_outputs), so it stands beside batch.
    "outputs and commands": ["io", "cli", "batch", "terms", "__main__", ""],
}


def _layer(module: str) -> int:
    """The layer of a dotted module name inside the package ('' is the package itself), by its longest prefix."""
    best, best_length = None, -1
    for rank, prefixes in enumerate(LAYERS.values()):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".") or prefix == "") and len(prefix) > best_length:
                best, best_length = rank, len(prefix)
    assert best is not None, module
    return best


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(path: Path, module: str) -> list[tuple[str, int]]:
    """The package's modules that ``path`` imports (relative or absolute), with the line of each import."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = ".".join([*base, node.module]) if node.module else ".".join(base)
            names = [a.name for a in node.names]
            if node.module is None:  # from . import a, b: the submodules a and b (or names of the package)
                found += [(".".join(filter(None, [target, name])), node.lineno) for name in names if name != "__version__"]
            else:
                found.append((target, node.lineno))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("corpus_align"):
            found.append((node.module.removeprefix("corpus_align").lstrip("."), node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name.removeprefix("corpus_align").lstrip("."), node.lineno) for a in node.names
                      if a.name.startswith("corpus_align")]
    return found


def test_layers_no_import_runs_back_up():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        for target, line in _imported(path, module):
            if _layer(target) > _layer(module):
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {target or 'corpus_align'}")
    assert not upward, "\n".join(upward)


def test_layers_the_test_sees_an_upward_import(tmp_path):
    # The check itself must be able to fail: a stage importing the pipeline is caught.
    fake = PACKAGE / "checks" / "numbers.py"
    assert ("pipeline", 3) in _imported(_with_text(tmp_path, fake, "from ..pipeline import run_pipeline\n"), "checks.numbers")
    assert _layer("pipeline") > _layer("checks.numbers") > _layer("text.numbers")


def _with_text(folder: Path, like: Path, text: str) -> Path:
    copy = folder / like.name
    copy.write_text('"""A module."""\n\n' + text, "utf-8")
    return copy
