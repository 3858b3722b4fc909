"""The owner's card editor, driven like an owner would, checked on disk and at the counter."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt

from pos_coach.editing import CardEditor
from pos_coach.ui import dialogs
from pos_coach.ui.editor import editor_window
from pos_coach.ui.editor.editor_window import EditorWindow
from tests.conftest import SMALL_PACK

COMMENTED = """# Greeting: the first thing a customer hears.
title = "Customer comes to the till"
category = "everyday"   # the busiest category
summary = "Look up, smile, greet them first."
hotkey = "F1"
order = 1
tags = ["hello", "welcome"]
steps = ["Look up from the screen at the customer.", "Smile and say hello first."]
say = [
  "{greeting}!",
  "Hi there, nice to see you.",  # the favourite
  "{greeting}! I'm {cashier}, I'll take care of you.",
]
avoid = ["Scanning in silence."]
wow = ["Notice something kind and mention it."]
"""


@pytest.fixture
def pack(pack):
    """The small pack, its English greeting card written with comments and odd layout."""
    (pack / "en" / "greeting.toml").write_text(COMMENTED, "utf-8")
    return pack


@pytest.fixture
def counter(make_window, pack):
    window = make_window("en", pack)
    window.watch(pack)
    window.start_shift("Anna")
    return window


@pytest.fixture
def editor(qtbot, counter, pack):
    window = EditorWindow(
        CardEditor(pack, counter.counter.journal, writer=counter.counter.writer),
        "en",
        store="Daisy",
        on_saved=counter.watcher.reload_now,
        backups=pack.parent / "backups",
    )
    qtbot.addWidget(window)
    window.show()
    window.show_card("greeting")
    return window


def test_edit_a_phrasing_keeps_the_file_and_reaches_the_counter(qtbot, editor, counter, pack):
    say = editor.forms["en"].lists["say"].items
    say.item(1).setText("Hello, lovely to see you again.")
    qtbot.waitUntil(lambda: editor.save_button.isEnabled())
    assert editor.save()
    expected = COMMENTED.replace(
        '"Hi there, nice to see you.",  # the favourite',
        '"Hello, lovely to see you again.",  # the favourite',
    )
    assert (pack / "en" / "greeting.toml").read_text("utf-8") == expected
    assert counter.counter.library.get("greeting").say[1] == "Hello, lovely to see you again."
    counter.open_card("greeting", "touch")
    qtbot.mouseClick(counter.card_page.view.another_button, Qt.MouseButton.LeftButton)
    assert counter.card_page.view.phrase.text() == "Hello, lovely to see you again."
    history = [editor.history.item(n).text() for n in range(editor.history.count())]
    assert any("owner: saved [en]" in line and "say" in line for line in history)
    rows = list(counter.counter.journal.events("kind = 'card_edited'"))
    assert rows[-1].situation == "greeting" and rows[-1].detail["changes"]["say"]["to"][
        1
    ].startswith("Hello")


def test_a_conflicting_hotkey_is_refused_with_a_message(qtbot, editor, pack):
    before = (pack / "en" / "greeting.toml").read_text("utf-8")
    editor.forms["en"].hotkey.set_value("F2")
    editor.forms["en"].changed.emit()
    editor.check()
    label = editor.forms["en"].problems["hotkey"]
    assert label.isVisible() and "hotkey 'F2' is already used by card 'gate-alarm'" in label.text()
    assert not editor.save_button.isEnabled()
    assert not editor.save()
    assert (pack / "en" / "greeting.toml").read_text("utf-8") == before


def test_invalid_input_is_shown_next_to_the_field_and_cannot_be_saved(qtbot, editor, pack):
    form = editor.forms["en"]
    form.title.setText("")
    form.summary.setText("Say {custmer} hello")
    editor.check()
    assert form.problems["title"].text() == "'title' must not be empty"
    assert "unknown placeholder '{custmer}'" in form.problems["summary"].text()
    assert not editor.save()
    assert "Not saved" in editor.status.text()


def test_new_duplicate_rename_delete_and_restore(qtbot, editor, pack, monkeypatch, counter):
    answers = iter(["returns-desk", "returns-desk-copy", "returns"])
    monkeypatch.setattr(editor_window, "ask_text", lambda *args: next(answers))
    editor.new_card()
    assert (pack / "en" / "returns-desk.toml").exists()
    qtbot.waitUntil(lambda: counter.counter.library.get("returns-desk") is not None)
    editor.duplicate_card()
    assert (pack / "en" / "returns-desk-copy.toml").exists()
    editor.rename_card()
    assert (pack / "en" / "returns.toml").exists() and not (
        pack / "en" / "returns-desk-copy.toml"
    ).exists()
    actions = [h.action for h in editor.editor.history("returns")]
    assert actions == ["duplicated", "renamed"]
    editor.delete_card()
    assert not (pack / "en" / "returns.toml").exists()
    assert list((pack / ".trash").rglob("returns.toml"))
    trash = editor.packs.trash
    assert trash.count() == 1 and "returns" in trash.item(0).text()
    trash.setCurrentRow(0)
    editor.packs.restore()
    assert (pack / "en" / "returns.toml").exists()
    assert editor.packs.trash.count() == 0


@pytest.mark.parametrize(
    "bad_id, said",
    [
        ("con", "'con' cannot be a card id: Windows keeps the name for a device"),
        ("lpt1", "'lpt1' cannot be a card id: Windows keeps the name for a device"),
        ("a" * 200, "the card id is 200 characters long; at most 64"),
    ],
)
def test_new_duplicate_and_rename_refuse_ids_windows_cannot_have(
    qtbot, editor, pack, monkeypatch, bad_id, said
):
    monkeypatch.setattr(editor_window, "ask_text", lambda *args: bad_id)
    before = sorted(p.name for p in pack.rglob("*"))
    for action in (editor.new_card, editor.duplicate_card, editor.rename_card):
        editor.status.clear()
        action()
        assert said in editor.status.text()
        assert editor.card_id == "greeting"
    assert sorted(p.name for p in pack.rglob("*")) == before


def test_translations_out_of_date_and_missing(qtbot, editor, pack):
    editor.forms["en"].summary.setText("Look up, smile and greet them first.")
    assert editor.save()
    assert "Out of date" in editor.forms["ru"].state.text()
    assert editor.forms["en"].state.text() == ""
    (pack / "ru" / "loyalty-card.toml").unlink()
    editor.editor.reload()
    editor.show_card("loyalty-card")
    assert "Not written in this language yet" in editor.forms["ru"].state.text()


def test_zip_round_trip_with_a_backup(qtbot, editor, pack, tmp_path, monkeypatch):
    target = tmp_path / "pack.zip"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    editor.packs.export()
    with zipfile.ZipFile(target) as archive:
        assert "en/greeting.toml" in archive.namelist() and "ru/pack.toml" in archive.namelist()
    card = pack / "en" / "gate-alarm.toml"
    original = card.read_text("utf-8")
    card.write_text(original.replace("Security gate alarm", "Gate alarm"), "utf-8")
    editor.editor.reload()
    editor.packs.preview_import(target)
    plan = editor.packs.plan_text.toPlainText()
    assert "Changed: 1" in plan and "en/gate-alarm" in plan and "Added: 0" in plan
    assert editor.packs.apply_button.isEnabled()
    editor.packs.apply()
    assert card.read_text("utf-8") == original
    assert list((pack.parent / "backups").glob("*.zip"))


def test_a_broken_zip_is_refused_before_anything_is_written(qtbot, editor, pack, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        for path in (SMALL_PACK).rglob("*.toml"):
            archive.write(path, path.relative_to(SMALL_PACK).as_posix())
        archive.writestr("en/broken.toml", 'title = "x\n')
    before = {p: p.read_bytes() for p in pack.rglob("*.toml")}
    editor.packs.preview_import(bad)
    assert "broken.toml:1:" in editor.packs.plan_text.toPlainText()
    assert not editor.packs.apply_button.isEnabled()
    assert {p: p.read_bytes() for p in pack.rglob("*.toml")} == before


def test_categories_recolour_and_rename(qtbot, editor, pack):
    page = editor.categories
    table = page.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "security")
    table.item(row, 1).setText("#5B3C88")
    table.item(row, 3).setText("Safety")  # the English label (columns: id, colour, ru, en)
    assert page.save()
    text = (pack / "en" / "pack.toml").read_text("utf-8")
    assert 'label = "Safety"' in text and 'colour = "#5B3C88"' in text
    assert editor.editor.pack("en").categories["security"].label == "Safety"


def test_drag_to_reorder_saves_the_new_order(qtbot, editor, pack):
    everyday = next(
        editor.tree.topLevelItem(n)
        for n in range(editor.tree.topLevelItemCount())
        if editor.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) == "category:everyday"
    )
    ids = [
        everyday.child(n).data(0, Qt.ItemDataRole.UserRole) for n in range(everyday.childCount())
    ]
    assert ids == ["greeting", "loyalty-card"]
    moved = everyday.takeChild(1)  # what a drop does: loyalty-card above greeting
    everyday.insertChild(0, moved)
    editor._order_changed()
    pack_en = editor.editor.pack("en")
    assert pack_en.cards["loyalty-card"].order < pack_en.cards["greeting"].order
    assert [c.id for c in pack_en.ordered_cards()][:2] == ["loyalty-card", "greeting"]
    assert "order = 20" in (pack / "en" / "greeting.toml").read_text("utf-8")


def test_a_duplicate_does_not_take_the_original_hotkey(qtbot, editor, pack, monkeypatch):
    monkeypatch.setattr(editor_window, "ask_text", lambda *args: "greeting-evening")
    editor.duplicate_card()
    text = (pack / "en" / "greeting-evening.toml").read_text("utf-8")
    assert "hotkey" not in text and "# Greeting" in text  # the owner's comment came along
    assert editor.editor.pack("en").cards["greeting"].hotkey == "F1"


def test_an_audit_event_the_disk_refuses_waits_and_never_undoes_the_save(
    qtbot, editor, counter, pack, monkeypatch
):
    """Before, the editor committed its ``card_edited`` on the UI thread: a refusing disk
    raised out of the save after the card file was already written, and the audit was lost."""
    import sqlite3

    from pos_coach.journal import Journal

    counter.counter.writer.flush()
    real = Journal.append_many
    refusing = {"on": True}

    def full_disk(self, events, at=None):
        if refusing["on"]:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, events, at)

    monkeypatch.setattr(Journal, "append_many", full_disk)
    editor.forms["en"].title.setText("Hello at the till")
    qtbot.waitUntil(lambda: editor.save_button.isEnabled())
    assert editor.save()
    assert 'title = "Hello at the till"' in (pack / "en" / "greeting.toml").read_text("utf-8")
    history = [editor.history.item(n).text() for n in range(editor.history.count())]
    assert any("owner: saved [en]" in line for line in history)  # shown while it waits
    counter.counter.writer.flush()
    counter.show_waiting()
    assert "disk is full" in counter.waiting.text()
    refusing["on"] = False
    assert counter.counter.writer.flush()
    audit = list(counter.counter.journal.events("kind = 'card_edited'"))
    assert [e.detail["action"] for e in audit] == ["saved"]


def test_a_later_line_in_say_is_flagged_moved_to_then_and_shown_in_order(
    qtbot, editor, counter, pack
):
    form = editor.forms["en"]
    form.lists["say"].items.item(1).setText("All sorted — thanks for your patience!")
    editor.check()
    label = form.problems["say"]
    assert label.isVisible() and "item 2 of 'say' reads as a later line" in label.text()
    assert editor.save_button.isEnabled()  # a warning: the owner may still save
    # the owner moves the line to 'then', where lines keep their order
    form.lists["say"].items.item(1).setText("Hello, lovely to see you.")
    form.lists["then"].set_values(["“What can I get you?”", "“{goodbye}!”"])
    form.changed.emit()
    editor.check()
    assert not label.isVisible()
    assert editor.save()
    text = (pack / "en" / "greeting.toml").read_text("utf-8")
    assert text.index("say = [") < text.index("then = [") < text.index("avoid =")
    assert counter.counter.library.get("greeting").then[0] == "“What can I get you?”"
    counter.open_card("greeting", "touch")
    then = counter.card_page.view.then
    assert then.isVisible()
    assert then.texts()[0] == "1. “What can I get you?”"
    assert then.texts()[1].startswith("2. “Have a")
