"""PyInstaller's run-time hook for PySide6 (pyi_rth_pyside6), less its import of Qt at start.

PyInstaller's own hook imports PySide6.QtCore as the program starts, to give Qt an embedded
qt.conf should it have none. The PyPI wheels of PySide6 bring their own, so all that import
does is load Qt into every run of the program: some 70 ms more for each `pos-coach trigger`,
which never uses Qt. What else that hook does for a one-folder Windows or Linux program is
done here: tell Qt where its plugins are, and let Windows find DLLs in the folder.
"""


def _pyi_rthook() -> None:
    import os
    import sys

    here = sys._MEIPASS  # type: ignore[attr-defined]
    windows = sys.platform.startswith("win")
    qt = os.path.join(here, "PySide6") if windows else os.path.join(here, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if windows:
        os.environ["PATH"] = here + os.pathsep + os.environ.get("PATH", "")


_pyi_rthook()
del _pyi_rthook
