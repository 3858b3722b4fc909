"""A whole situation pack as a .zip: export it, preview an import, apply it with a backup (no Qt).

An import never trusts the archive: entries with absolute paths, ``..``, symbolic links, files
over 1 MB, more than 5,000 entries or more than 50 MB in all are refused before anything is
read. The rest is extracted into a temp folder and checked with the loader, exactly as
``pos-coach check`` would; the plan says what would be added, changed and removed. Applying
backs the current pack up first, and files the import removes go to the pack's ``.trash``.
"""

from __future__ import annotations

import contextlib
import io
import re
import stat
import tempfile
import zipfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from pos_coach.cards.files import LANG_DIR, PACK_FILE, language_dirs
from pos_coach.cards.loader import load_pack
from pos_coach.cards.problems import Msg, Problem, Severity
from pos_coach.cards.writer import EditError, atomic_write, move_to_trash

MAX_ENTRY_BYTES = 1024 * 1024
MAX_ENTRIES = 5_000
MAX_TOTAL_BYTES = 50 * 1024 * 1024
README = "README.md"
BACKUP_STAMP = "%Y%m%dT%H%M%SZ"
_DRIVE = re.compile(r"^[A-Za-z]:")
_SKIPPED_TOP = ("__MACOSX",)  # what macOS's "Compress" adds beside the files


@dataclass(frozen=True)
class ImportPlan:
    """What importing ``archive`` would do; ``files`` holds the imported pack files' bytes."""

    archive: Path
    added: list[str] = field(default_factory=list)  # "ru/greeting", "en/pack.toml"
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ok: bool = False
    files: dict[str, bytes] = field(default_factory=dict, repr=False)  # "ru/greeting.toml"


# -- export ------------------------------------------------------------------------------------


def pack_file_paths(pack_root: Path) -> dict[str, Path]:
    """The pack's TOML files by ``lang/name``: what an import compares, replaces or removes."""
    root = Path(pack_root)
    if not root.is_dir():
        return {}
    return {
        f"{lang_dir.name}/{path.name}": path
        for lang_dir in language_dirs(root)
        for path in sorted(lang_dir.glob("*.toml"))
        if _is_plain_file(path)
    }


def _is_plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink() and not path.name.startswith(".")


def _export_files(pack_root: Path) -> dict[str, Path]:
    """Everything an export holds: the language folders' files and README.md."""
    root = Path(pack_root)
    files = {}
    if _is_plain_file(root / README):
        files[README] = root / README
    for lang_dir in language_dirs(root):
        for path in sorted(lang_dir.iterdir()):
            if _is_plain_file(path):
                files[f"{lang_dir.name}/{path.name}"] = path
    return files


def export_pack(pack_root: Path, target: Path) -> Path:
    """Write the pack (``ru/``, ``en/``, README.md; no ``.trash``, no dot files) to a .zip."""
    root = Path(pack_root)
    if not root.is_dir():
        raise EditError(f"{root} is not a folder of situation cards")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        for name, path in _export_files(root).items():
            archive.write(path, name)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())
    return target


# -- import: reading the archive safely --------------------------------------------------------


def _problem(path: str | Path, detail: Msg | str) -> Problem:
    return Problem(Path(path), 1, 1, "unreadable", {"detail": detail})


def _unsafe(info: zipfile.ZipInfo) -> Msg | None:
    """Why this entry must not be extracted, or None."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        return Msg("zip_absolute")
    if ".." in name.split("/"):
        return Msg("zip_outside")
    if stat.S_ISLNK(info.external_attr >> 16):
        return Msg("zip_symlink")
    if info.flag_bits & 0x1:
        return Msg("zip_encrypted")
    if info.file_size > MAX_ENTRY_BYTES:
        return Msg("zip_entry_big", {"size": info.file_size, "limit": MAX_ENTRY_BYTES})
    return None


def _check_entries(infos: list[zipfile.ZipInfo], archive: Path) -> list[Problem]:
    if len(infos) > MAX_ENTRIES:
        return [
            _problem(archive.name, Msg("zip_entries", {"count": len(infos), "limit": MAX_ENTRIES}))
        ]
    problems = [_problem(i.filename, why) for i in infos if (why := _unsafe(i)) is not None]
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        problems.append(
            _problem(archive.name, Msg("zip_total", {"size": total, "limit": MAX_TOTAL_BYTES}))
        )
    return problems


def _wanted(infos: list[zipfile.ZipInfo]) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The files to extract with their paths in the pack: dot files, folders, __MACOSX left out.

    A pack zipped with its folder around it (``situations/ru/...``) is taken from that folder.
    """
    members = []
    for info in infos:
        parts = [p for p in info.filename.replace("\\", "/").split("/") if p not in ("", ".")]
        if info.is_dir() or not parts or parts[0] in _SKIPPED_TOP:
            continue
        if any(p.startswith(".") for p in parts):
            continue
        members.append((info, PurePosixPath(*parts)))
    tops = {path.parts[0] for _, path in members}
    if (
        len(tops) == 1
        and not LANG_DIR.match(next(iter(tops)))
        and all(len(path.parts) > 1 for _, path in members)
    ):
        members = [(info, PurePosixPath(*path.parts[1:])) for info, path in members]
    return members


def _extract(zf: zipfile.ZipFile, target: Path) -> list[Problem]:
    """Extract the wanted files into ``target``, counting real sizes (headers can lie)."""
    total = 0
    for info, path in _wanted(zf.infolist()):
        with zf.open(info) as source:
            data = source.read(MAX_ENTRY_BYTES + 1)
        if len(data) > MAX_ENTRY_BYTES:
            return [
                _problem(
                    info.filename,
                    Msg(
                        "zip_entry_big", {"size": f"> {MAX_ENTRY_BYTES}", "limit": MAX_ENTRY_BYTES}
                    ),
                )
            ]
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            return [
                _problem(
                    info.filename,
                    Msg("zip_total", {"size": f"> {MAX_TOTAL_BYTES}", "limit": MAX_TOTAL_BYTES}),
                )
            ]
        dest = target.joinpath(*path.parts)
        if not dest.resolve().is_relative_to(target.resolve()):
            return [_problem(info.filename, Msg("zip_outside"))]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return []


# -- import: the plan --------------------------------------------------------------------------


def _label(key: str) -> str:
    """``ru/greeting.toml`` -> ``ru/greeting``; ``ru/pack.toml`` stays as it is."""
    lang, name = key.split("/", 1)
    return key if name == PACK_FILE else f"{lang}/{Path(name).stem}"


def _relative(problem: Problem, root: Path) -> Problem:
    if problem.path.is_relative_to(root):
        return replace(problem, path=problem.path.relative_to(root))
    return problem


def _plan(pack_root: Path, archive: Path, extracted: Path) -> ImportPlan:
    result = load_pack(extracted)
    problems = [_relative(p, extracted) for p in result.problems]
    new = {key: path.read_bytes() for key, path in pack_file_paths(extracted).items()}
    old = pack_file_paths(pack_root)
    return ImportPlan(
        archive=archive,
        added=sorted(_label(k) for k in new if k not in old),
        changed=sorted(_label(k) for k in new if k in old and old[k].read_bytes() != new[k]),
        removed=sorted(_label(k) for k in old if k not in new),
        problems=problems,
        ok=not any(p.severity == Severity.ERROR for p in problems),
        files=new,
    )


def plan_import(pack_root: Path, archive: Path) -> ImportPlan:
    """Check ``archive`` and compare it with the pack; nothing is written to the pack."""
    archive = Path(archive)
    try:
        with zipfile.ZipFile(archive) as zf:
            unsafe = _check_entries(zf.infolist(), archive)
            if unsafe:
                return ImportPlan(archive, problems=unsafe)
            with tempfile.TemporaryDirectory(prefix="pos-coach-import-") as tmp:
                extracted = Path(tmp)
                unsafe = _extract(zf, extracted)
                if unsafe:
                    return ImportPlan(archive, problems=unsafe)
                return _plan(Path(pack_root), archive, extracted)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        return ImportPlan(
            archive,
            problems=[_problem(archive.name, Msg("zip_unusable", {"kind": type(exc).__name__}))],
        )
    except OSError as exc:
        return ImportPlan(archive, problems=[_problem(archive.name, exc.strerror or str(exc))])


# -- import: applying --------------------------------------------------------------------------


def backup_pack(pack_root: Path, backups: Path) -> Path:
    """Export the pack to ``backups/pack-backup-<UTC time>.zip`` (a new name every time)."""
    backups = Path(backups)
    backups.mkdir(parents=True, exist_ok=True)
    stem = f"pack-backup-{datetime.now(UTC):{BACKUP_STAMP}}"
    target, n = backups / f"{stem}.zip", 1
    while target.exists():
        n += 1
        target = backups / f"{stem}-{n}.zip"
    return export_pack(pack_root, target)


def apply_import(pack_root: Path, plan: ImportPlan, backups: Path) -> Path:
    """Make the pack's language folders what the import holds; returns the backup's path.

    The current pack is zipped into ``backups`` first. Files the import changes are rewritten
    atomically; files it no longer has are moved into the pack's ``.trash``, one entry per id.
    """
    if not plan.ok:
        raise EditError("this import has problems: fix them in the .zip and choose it again")
    root = Path(pack_root)
    backup = backup_pack(root, backups)
    current = pack_file_paths(root)
    for key, data in sorted(plan.files.items()):
        target = root / key
        if key not in current or current[key].read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
    _trash_removed([path for key, path in current.items() if key not in plan.files], root)
    return backup


def _trash_removed(paths: list[Path], root: Path) -> None:
    """Move files the import drops into the trash, grouped by name; then drop empty folders."""
    by_name: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_name[path.stem if path.name != PACK_FILE else PACK_FILE].append(path)
    when = datetime.now(UTC)
    for name, files in sorted(by_name.items()):
        move_to_trash(root, name, files, when)
    for folder in {path.parent for path in paths}:
        with contextlib.suppress(OSError):  # only when empty: rmdir never removes a file
            folder.rmdir()
