"""Every string of the interface is translated, and the window really speaks the language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from pos_coach.app import install_translators, translations_dir

TS_FILES = sorted(translations_dir().glob("*.ts"))


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(ts).iter("message")}


def test_both_languages_ship():
    assert {p.stem for p in TS_FILES} == {"pos_coach_ru", "pos_coach_en"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_message_is_translated(ts):
    unfinished = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_translation_sources_match_the_code(tmp_path):
    """The .ts files hold exactly the strings the code asks for (run `make lupdate` if not)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "pos_coach" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *ui, "-ts", str(fresh)], check=True, capture_output=True)
    for ts in TS_FILES:
        assert sources(ts) == sources(fresh), ts.name


@pytest.fixture
def russian(qapp):
    translators = install_translators(qapp, "ru")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_qm_files_are_built():
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").is_file(), (
            f"{ts.with_suffix('.qm').name}: run `make translations`"
        )


def test_the_window_speaks_russian(qtbot, make_window, russian):
    window = make_window("ru")
    titles = [label.text() for label in window.shift_page.findChildren(QLabel)]
    assert "Кто за кассой?" in titles
    window.start_shift("Анна")
    assert window.header.search.placeholderText() == "Начните печатать, чтобы найти ситуацию…"
    window.open_card("gate-alarm", "touch")
    view = window.card_page.view
    assert view.steps.title.text() == "Что делать"
    assert view.phrase_count.text() == "фраза 1 из 3"
    assert window.card_page.outcomes.buttons["wow"].text() == "3  ВАУ!"
    assert QApplication.translate("CounterWindow", "Found") == "Найдено"


def test_russian_plural_forms(qtbot, make_window, russian):
    from tests.conftest import FAULTY_PACK

    window = make_window("ru", FAULTY_PACK)
    # 21: the singular form, as Russian has it for numbers ending in 1 (but not 11)
    # errors and warnings both: «проблема», not «ошибка» (a warning's card is still shown)
    assert window.banner_label.text().startswith("21 проблема в карточках ситуаций: ")


def test_lrelease_is_available():
    assert shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))


def test_the_editors_history_speaks_russian(qtbot, make_window, russian, tmp_path):
    import shutil

    from pos_coach.editing import CardEditor
    from pos_coach.ui.editor.editor_window import EditorWindow
    from tests.conftest import SMALL_PACK

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    counter = make_window("ru", pack)
    editor = EditorWindow(
        CardEditor(pack, counter.counter.journal, writer=counter.counter.writer), "ru"
    )
    qtbot.addWidget(editor)
    editor.show_card("greeting")
    editor.forms["ru"].title.setText("Покупатель у кассы")
    assert editor.save()
    qtbot.waitUntil(lambda: editor.history.count() > 0)
    line = editor.history.item(0).text()
    assert "владелец: сохранено [ru]  название" in line
    assert not any(word in line for word in ("owner", "saved", "title"))
