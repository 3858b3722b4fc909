"""Which of Qt's modules, plugins and translations the bundle keeps (for the PySide6 hooks here).

PyInstaller's own PySide6 hooks collect every plugin a Qt module can load (image formats,
Wayland, EGL, GTK themes, TLS backends, ...), every translation, and then all the libraries
those link to. POS Coach draws plain widgets, reads only PNG (built into QtGui) and talks on a
local socket and loopback HTTP: it needs only what is listed here.
"""

from __future__ import annotations

from pathlib import Path, PurePath

# the Qt modules pos_coach imports (grep -r "PySide6\." pos_coach)
MODULES = {f"PySide6.{name}" for name in ("QtCore", "QtGui", "QtWidgets", "QtNetwork")}

# plugin folder -> the plugin files kept (None: all of the folder); other folders are left out
PLUGINS: dict[str, set[str] | None] = {
    "platforms": {
        "libqoffscreen.so",  # headless (QT_QPA_PLATFORM=offscreen)
        "libqxcb.so",  # Linux desktops: X11, and XWayland under Wayland
        "qoffscreen.dll",
        "qwindows.dll",
        "libqoffscreen.dylib",
        "libqcocoa.dylib",
    },
    "platforminputcontexts": None,  # compose keys and IBus, for typing in the search box
    "styles": None,  # Windows: the native look (qmodernwindowsstyle)
}

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def languages() -> set[str]:
    """The app's languages: those it has a compiled translation of."""
    return {p.stem.removeprefix("pos_coach_") for p in TRANSLATIONS.glob("pos_coach_*.qm")}


def keep_plugin(source: str, dest: str) -> bool:
    parts = PurePath(dest).parts
    if "plugins" not in parts:
        return True  # not a plugin
    folder = "/".join(parts[parts.index("plugins") + 1 :])
    if folder not in PLUGINS:
        return False
    wanted = PLUGINS[folder]
    return wanted is None or PurePath(source).name in wanted


def keep_data(source: str, dest: str) -> bool:
    """Qt's own words (dialog buttons, a text box's menu) in the app's languages only."""
    if PurePath(dest).name != "translations":
        return True
    return PurePath(source).name in {f"qtbase_{lang}.qm" for lang in languages()}


def trim(
    hiddenimports: list[str], binaries: list[tuple[str, str]], datas: list[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """A Qt hook's findings less the modules, plugins and translations the app does not use."""
    return (
        [name for name in hiddenimports if name in MODULES],
        [(src, dest) for src, dest in binaries if keep_plugin(src, dest)],
        [(src, dest) for src, dest in datas if keep_data(src, dest)],
    )
