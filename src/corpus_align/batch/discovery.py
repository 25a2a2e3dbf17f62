"""Finding the documents of a release: pairs of files by name, bilingual files, and what is skipped and why."""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError
from ..io.read import file_kind
from .settings import Discovery, DocumentPair, SkippedPath

if TYPE_CHECKING:

    pass


def _is_text_name(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in {".txt", ".text", ""}


def _template_match(template: str, filename: str) -> str | None:
    prefix, _, suffix = template.partition("*")
    if filename.startswith(prefix) and filename.endswith(suffix) and len(filename) > len(prefix) + len(suffix):
        return filename[len(prefix) : len(filename) - len(suffix)]
    return None


def discover(release_dir: str | Path, *, pattern: str | None = None, exclude: str | Path | None = None) -> Discovery:
    """Find the documents of a release folder.

    Pairs are ``NAME.zh.txt`` + ``NAME.en.txt`` side by side, ``zh/NAME.txt``
    + ``en/NAME.txt`` in sibling folders, or ``pattern`` given as
    ``ZH_TEMPLATE:EN_TEMPLATE`` with ``*`` for the name (``*_cn.txt:*_en.txt``).
    Any other ``.txt`` file is taken as a bilingual document. Files of a pair
    whose partner is missing, and files that are not text documents, are
    returned in ``unpaired``. ``exclude`` (the output folder, when it lies
    inside the release) is not searched.

    Every sub-folder is searched, links to folders included, each folder
    once (a link back to a parent is not a loop forever). Named pipes,
    devices, sockets and broken links are never opened: they are returned in
    ``skipped`` with the reason, and so are links to folders already searched.

    >>> discover("release").pairs[0]  # doctest: +SKIP
    DocumentPair(name='news/a', zh=PosixPath('release/news/a.zh.txt'), en=PosixPath('release/news/a.en.txt'))
    """
    root = Path(release_dir)
    if not root.is_dir():
        raise InputError(str(root), "is not a folder" if root.exists() else "no such folder")
    templates = [("*.zh.txt", "*.en.txt")]
    if pattern:
        if pattern.count(":") != 1 or pattern.split(":")[0].count("*") != 1 or pattern.split(":")[1].count("*") != 1:
            raise UsageError(f"--pattern {pattern!r}: expected ZH_TEMPLATE:EN_TEMPLATE with one * each, e.g. '*_cn.txt:*_en.txt'")
        zh_template, en_template = pattern.split(":")
        templates.insert(0, (zh_template, en_template))
    found, skipped = _walk_release(root, _identity(Path(exclude)) if exclude is not None else None)
    files = sorted(found)
    regular = set(files)
    used: set[Path] = set()
    pairs: list[DocumentPair] = []
    unpaired: dict[Path, str] = {}

    def without_partner(path: Path, partner: Path) -> None:
        if partner in skipped:
            unpaired[path] = f"its partner {partner.relative_to(root).as_posix()} cannot be paired: {skipped[partner]}"
        else:
            unpaired[path] = "no partner file found"
        used.add(path)

    for zh_template, en_template in templates:
        for path in files:
            if path in used:
                continue
            stem = _template_match(zh_template, path.name)
            if stem is not None:
                partner = path.with_name(en_template.replace("*", stem))
                if partner in regular:
                    pairs.append(DocumentPair(_out_name(root, path.parent, stem), path, partner))
                    used.update({path, partner})
                continue
            stem = _template_match(en_template, path.name)
            if stem is not None:
                partner = path.with_name(zh_template.replace("*", stem))
                if partner not in regular:
                    without_partner(path, partner)
        for path in files:
            if path not in used:
                stem = _template_match(zh_template, path.name)
                if stem is not None:
                    without_partner(path, path.with_name(en_template.replace("*", stem)))

    for path in files:
        if path in used or path.parent.name != "zh":
            continue
        partner = path.parent.parent / "en" / path.name
        if partner in regular:
            pairs.append(DocumentPair(_out_name(root, path.parent.parent, path.stem), path, partner))
            used.update({path, partner})
        else:
            without_partner(path, partner)
    for path in files:
        if path in used:
            continue
        if path.parent.name == "en" and (path.parent.parent / "zh").is_dir():
            without_partner(path, path.parent.parent / "zh" / path.name)
        elif _is_text_name(path):
            pairs.append(DocumentPair(_out_name(root, path.parent, path.stem), path))
            used.add(path)
        else:
            unpaired[path] = "not a .txt document; not aligned"
            used.add(path)
    names = Counter(pair.name for pair in pairs)
    clashes = [name for name, count in names.items() if count > 1]
    if clashes:
        raise InputError(str(root), f"two documents would write the same outputs: {', '.join(sorted(clashes)[:5])}")
    return Discovery(
        tuple(sorted(pairs, key=lambda p: p.name)),
        tuple(sorted(unpaired)),
        tuple(SkippedPath(path, reason) for path, reason in sorted(skipped.items())),
        dict(sorted(unpaired.items())),
    )


def _out_name(root: Path, folder: Path, stem: str) -> str:
    relative = folder.relative_to(root)
    return stem if str(relative) == "." else f"{relative.as_posix()}/{stem}"


Identity = tuple[int, int]


def _identity(path: Path) -> Identity | None:
    """(device, inode) of what ``path`` leads to: the same folder reached by two routes has one identity."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _walk_release(root: Path, excluded: Identity | None) -> tuple[list[Path], dict[Path, str]]:
    """The regular files under ``root`` (hidden names left out), and the paths not read with the reason.

    Links to folders are followed, each folder searched once. A folder of the
    release that a link also leads to is searched under its own name, not the
    link's, whichever comes first in the walk: outputs keep the names the
    release gives them.
    """
    own_names = _real_folders(root, excluded)
    searched: dict[Identity, Path] = {}
    files: list[Path] = []
    skipped: dict[Path, str] = {}

    def unreadable(error: OSError) -> None:
        skipped[Path(error.filename)] = f"a folder that cannot be read ({error.strerror or error}); not searched"

    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        here = Path(folder)
        identity = _identity(here)
        if identity is None:
            dirnames[:] = []
            continue
        first = searched.get(identity) or own_names.get(identity)
        if first is not None and first != here:
            where = "the release folder itself" if first == root else first.relative_to(root).as_posix()
            skipped[here] = f"a link to {where}, searched under that name; not followed again"
            dirnames[:] = []
            continue
        searched[identity] = here
        dirnames[:] = sorted(
            name for name in dirnames
            if not name.startswith(".") and (excluded is None or _identity(here / name) != excluded)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            reason = _not_regular_reason(path)
            if reason is None:
                files.append(path)
            else:
                skipped[path] = reason
    return files, skipped


def _real_folders(root: Path, excluded: Identity | None) -> dict[Identity, Path]:
    """The folders of the release by identity, reached without following links."""
    folders: dict[Identity, Path] = {}
    for folder, dirnames, _ in os.walk(root):
        identity = _identity(Path(folder))
        if identity is not None:
            folders.setdefault(identity, Path(folder))
        dirnames[:] = [
            name for name in dirnames
            if not name.startswith(".") and (excluded is None or _identity(Path(folder) / name) != excluded)
        ]
    return folders


def _not_regular_reason(path: Path) -> str | None:
    """``None`` for a regular file or a link to one; else why it is not read.

    Looks with ``stat`` only: opening a named pipe waits for a writer forever,
    and opening some devices changes them (a tape rewinds).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if os.path.islink(path):
            if error.errno == errno.ELOOP:
                return "a symbolic link in a loop of links, not a regular file; not read"
            return "a broken symbolic link (what it names does not exist), not a regular file; not read"
        return f"cannot be examined ({error.strerror or error}); not read"
    if stat.S_ISREG(mode):
        return None
    kind = file_kind(mode)
    if os.path.islink(path):
        kind = f"a symbolic link to {kind}"
    return f"{kind}, not a regular file; not read"
