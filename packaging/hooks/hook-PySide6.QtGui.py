"""PyInstaller's hook for PySide6.QtGui, less what POS Coach does not use (see qt_parts.py)."""

import runpy
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

trim = runpy.run_path(str(Path(__file__).with_name("qt_parts.py")))["trim"]
hiddenimports, binaries, datas = trim(*add_qt6_dependencies(__file__))
