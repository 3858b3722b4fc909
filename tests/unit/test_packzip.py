"""Packs as .zip files: export, a safe and checked import preview, and an import with a backup."""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from pos_coach.cards import Severity, load_pack, packzip, writer
from pos_coach.cards.writer import EditError

NEW_CARD = """\
title = "Customer asks for a bag"
category = "everyday"
summary = "Offer a bag before you start scanning."
steps = ["Ask about a bag."]
say = ["A bag for you?"]
avoid = ["Packing without asking."]
wow = ["Pack heavy things at the bottom."]
"""


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def make_zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def edited_copy(pack: Path, tmp_path: Path) -> Path:
    """The pack with one card edited (en/greeting), one added and one removed (both langs)."""
    other = tmp_path / "other"
    shutil.copytree(pack, other)
    greeting = other / "en" / "greeting.toml"
    greeting.write_text(greeting.read_text("utf-8").replace("Hi there", "Hello there"), "utf-8")
    for lang in ("ru", "en"):
        (other / lang / "bag-request.toml").write_text(NEW_CARD, "utf-8")
        (other / lang / "loyalty-card.toml").unlink()
    return packzip.export_pack(other, tmp_path / "edited.zip")


# -- export ------------------------------------------------------------------------------------


def test_export_holds_the_languages_and_readme_but_no_trash_or_dot_files(
    pack: Path, tmp_path: Path
):
    (pack / "README.md").write_text("# Our cards\n", "utf-8")
    (pack / "ru" / ".notes.toml").write_text("hidden", "utf-8")
    (pack / "notes.txt").write_text("not part of the pack", "utf-8")
    writer.delete_card(pack, "gate-alarm")
    target = packzip.export_pack(pack, tmp_path / "out" / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        names = sorted(archive.namelist())
        assert archive.read("en/greeting.toml") == (pack / "en" / "greeting.toml").read_bytes()
    assert names == [
        "README.md",
        "en/greeting.toml",
        "en/loyalty-card.toml",
        "en/pack.toml",
        "ru/greeting.toml",
        "ru/loyalty-card.toml",
        "ru/pack.toml",
    ]
    assert not [p for p in target.parent.iterdir() if p.name != "pack.zip"]  # no temp file


def test_an_unchanged_pack_plans_nothing(pack: Path, tmp_path: Path):
    archive = packzip.export_pack(pack, tmp_path / "same.zip")
    before = snapshot(pack)
    plan = packzip.plan_import(pack, archive)
    assert (plan.added, plan.changed, plan.removed) == ([], [], [])
    assert plan.problems == []
    assert plan.ok
    assert snapshot(pack) == before


def test_one_edited_one_new_one_removed(pack: Path, tmp_path: Path):
    plan = packzip.plan_import(pack, edited_copy(pack, tmp_path))
    assert plan.added == ["en/bag-request", "ru/bag-request"]
    assert plan.changed == ["en/greeting"]
    assert plan.removed == ["en/loyalty-card", "ru/loyalty-card"]
    assert plan.ok, [p.format("en") for p in plan.problems]


def test_a_changed_pack_file_counts_as_lang_pack_toml(pack: Path, tmp_path: Path):
    other = tmp_path / "other"
    shutil.copytree(pack, other)
    pack_toml = other / "en" / "pack.toml"
    pack_toml.write_text(pack_toml.read_text("utf-8").replace("Test pack", "Our pack"), "utf-8")
    plan = packzip.plan_import(pack, packzip.export_pack(other, tmp_path / "p.zip"))
    assert plan.changed == ["en/pack.toml"]


def test_a_broken_card_is_named_with_its_file_and_line(pack: Path, tmp_path: Path):
    entries: dict[str, bytes | str] = {
        f"{lang}/{p.name}": p.read_bytes() for lang in ("ru", "en") for p in (pack / lang).iterdir()
    }
    entries["ru/greeting.toml"] = 'title = "Hello"\ncategory = "everyday"\nsummary = "oops\n'
    plan = packzip.plan_import(pack, make_zip(tmp_path / "broken.zip", entries))
    assert not plan.ok
    broken = [p for p in plan.problems if p.severity == Severity.ERROR]
    assert [(p.path, p.line, p.code) for p in broken] == [
        (Path("ru/greeting.toml"), 3, "toml_syntax")
    ]
    assert broken[0].format("en").startswith("ru/greeting.toml:3:")
    assert plan.changed == ["ru/greeting"]


def test_a_pack_with_ids_windows_cannot_have_is_refused_and_nothing_written(
    pack: Path, tmp_path: Path
):
    entries: dict[str, bytes | str] = {
        f"{lang}/{p.name}": p.read_bytes() for lang in ("ru", "en") for p in (pack / lang).iterdir()
    }
    long_id = "b" * 200
    for lang in ("ru", "en"):
        entries[f"{lang}/con.toml"] = NEW_CARD
        entries[f"{lang}/{long_id}.toml"] = NEW_CARD
    before = snapshot(pack)
    plan = packzip.plan_import(pack, make_zip(tmp_path / "windows.zip", entries))
    assert not plan.ok
    refused = sorted((p.path.as_posix(), p.code) for p in plan.problems)
    assert refused == sorted(
        [(f"{lang}/con.toml", "reserved_id") for lang in ("ru", "en")]
        + [(f"{lang}/{long_id}.toml", "long_id") for lang in ("ru", "en")]
    )
    assert any("Windows keeps the name for a device" in p.format("en") for p in plan.problems)
    with pytest.raises(EditError):
        packzip.apply_import(pack, plan, tmp_path / "backups")
    assert snapshot(pack) == before
    assert not (tmp_path / "backups").exists()


def test_a_pack_zipped_with_its_folder_around_it_is_accepted(pack: Path, tmp_path: Path):
    entries: dict[str, bytes | str] = {
        f"situations/{p.relative_to(pack).as_posix()}": p.read_bytes() for p in pack.rglob("*.toml")
    }
    entries["__MACOSX/situations/._greeting.toml"] = b"junk"
    plan = packzip.plan_import(pack, make_zip(tmp_path / "wrapped.zip", entries))
    assert plan.ok
    assert (plan.added, plan.changed, plan.removed) == ([], [], [])


# -- unsafe archives ---------------------------------------------------------------------------


def symlink_zip(path: Path) -> Path:
    info = zipfile.ZipInfo("ru/link.toml")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    "name, make",
    [
        ("dotdot", lambda p: make_zip(p, {"../evil.toml": NEW_CARD})),
        ("nested-dotdot", lambda p: make_zip(p, {"ru/../../evil.toml": NEW_CARD})),
        ("absolute", lambda p: make_zip(p, {"/tmp/evil.toml": NEW_CARD})),
        ("drive", lambda p: make_zip(p, {"C:/evil.toml": NEW_CARD})),
        ("huge", lambda p: make_zip(p, {"ru/huge.toml": b"#" * (packzip.MAX_ENTRY_BYTES + 1)})),
        ("symlink", symlink_zip),
        ("too-many", lambda p: make_zip(p, {f"ru/c{n}.toml": "" for n in range(5_001)})),
        (
            "too-big-in-all",
            lambda p: make_zip(p, {f"ru/c{n}.toml": b"\0" * 1_000_000 for n in range(53)}),
        ),
        ("not-a-zip", lambda p: p.write_bytes(b"PK but not really") and p),
    ],
)
def test_unsafe_archives_are_refused(pack: Path, tmp_path: Path, name: str, make):
    archive = make(tmp_path / f"{name}.zip")
    before = snapshot(pack)
    plan = packzip.plan_import(pack, archive)
    assert not plan.ok
    assert plan.problems
    # the reason reads in the owner's language, Russian included
    for problem in plan.problems:
        said = problem.message("ru")
        assert not re.search(r"\b(refused|bytes|entries|not a usable)\b", said), said
    assert plan.files == {}
    assert snapshot(pack) == before
    assert not (tmp_path / "evil.toml").exists()
    assert not (pack / "evil.toml").exists()
    with pytest.raises(EditError):
        packzip.apply_import(pack, plan, tmp_path / "backups")
    assert snapshot(pack) == before


# -- applying ----------------------------------------------------------------------------------


def test_apply_backs_up_then_imports_and_trashes_removed_cards(pack: Path, tmp_path: Path):
    old = snapshot(pack)
    plan = packzip.plan_import(pack, edited_copy(pack, tmp_path))
    backup = packzip.apply_import(pack, plan, tmp_path / "backups")

    assert backup.parent == tmp_path / "backups"
    assert backup.name.startswith("pack-backup-") and backup.suffix == ".zip"
    with zipfile.ZipFile(backup) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == old

    other = tmp_path / "other"
    for lang in ("ru", "en"):
        for card in ("greeting", "gate-alarm", "bag-request"):
            path = f"{lang}/{card}.toml"
            assert (pack / path).read_bytes() == (other / path).read_bytes()
        assert not (pack / lang / "loyalty-card.toml").exists()
    [entry] = writer.list_trash(pack)
    assert entry.card_id == "loyalty-card"
    assert entry.langs == ("ru", "en")
    assert (entry.folder / "ru" / "loyalty-card.toml").read_bytes() == old["ru/loyalty-card.toml"]
    assert load_pack(pack).problems == []
    assert not [p for p in pack.rglob(".*") if p.is_file()]  # no temp files left behind

    again = packzip.plan_import(pack, tmp_path / "edited.zip")
    assert (again.added, again.changed, again.removed) == ([], [], [])


def test_a_removed_card_can_be_restored_after_an_import(pack: Path, tmp_path: Path):
    plan = packzip.plan_import(pack, edited_copy(pack, tmp_path))
    packzip.apply_import(pack, plan, tmp_path / "backups")
    [entry] = writer.list_trash(pack)
    writer.restore_card(pack, entry)
    assert "loyalty-card" in load_pack(pack).packs["en"].cards


def test_apply_refuses_a_plan_that_is_not_ok(pack: Path, tmp_path: Path):
    entries = {"ru/pack.toml": (pack / "ru" / "pack.toml").read_bytes(), "ru/x.toml": "title = "}
    plan = packzip.plan_import(pack, make_zip(tmp_path / "bad.zip", entries))
    assert not plan.ok
    before = snapshot(pack)
    with pytest.raises(EditError, match="problems"):
        packzip.apply_import(pack, plan, tmp_path / "backups")
    assert snapshot(pack) == before
    assert not (tmp_path / "backups").exists()
