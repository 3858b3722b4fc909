"""PyInstaller's hook for PySide6.QtNetwork, less what POS Coach does not use (see qt_parts.py).

Unlike PyInstaller's own hook it collects no OpenSSL for Qt: the app's sockets are local (a
local socket, loopback HTTP) and never use TLS.
"""

import runpy
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

trim = runpy.run_path(str(Path(__file__).with_name("qt_parts.py")))["trim"]
hiddenimports, binaries, datas = trim(*add_qt6_dependencies(__file__))
