"""A language whose translation cannot be loaded is said, naming the file looked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from pos_coach import app as app_module
from pos_coach.app import install_translators


@pytest.fixture
def translations(tmp_path, monkeypatch, qapp):
    """An empty translations folder in place of the program's; Qt's state restored after."""
    folder = tmp_path / "translations"
    folder.mkdir()
    monkeypatch.setattr(app_module, "translations_dir", lambda: folder)
    locale = QLocale()
    installed = []

    def install(lang):
        missing: list[str] = []
        installed.extend(install_translators(qapp, lang, missing))
        return missing

    yield folder, install
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_no_qm_file_names_the_file_looked_for(translations):
    folder, install = translations
    assert install("ru") == [
        f"The interface is in English: the ru translation {folder / 'pos_coach_ru.qm'} is"
        " missing; reinstall POS Coach (from a source checkout: make translations)"
    ]


def test_a_damaged_qm_file_is_said_too(translations):
    folder, install = translations
    (folder / "pos_coach_ru.qm").write_bytes(b"<TS>not a compiled translation</TS>")
    assert install("ru") == [
        f"The interface is in English: the ru translation {folder / 'pos_coach_ru.qm'} could"
        " not be loaded (damaged?); reinstall POS Coach (from a source checkout: make"
        " translations)"
    ]


def test_english_needs_no_translation(translations):
    _folder, install = translations
    assert install("en") == []


def test_the_shipped_translation_loads_without_a_word(qapp):
    missing: list[str] = []
    locale = QLocale()
    loaded = install_translators(qapp, "ru", missing)
    try:
        assert missing == []
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
