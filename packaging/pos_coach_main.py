"""The bundled program's entry point: the wheel's ``pos-coach`` command, frozen."""

from __future__ import annotations

import multiprocessing
import sys


def hide_own_console() -> None:
    """On Windows, when ``run`` was started from a shortcut or Explorer, hide the console
    window that Windows opened for this program alone. A console the program shares (a
    terminal it was typed into) stays as it is, and nothing changes if any of this fails."""
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        attached = (ctypes.c_uint32 * 2)()
        if kernel32.GetConsoleProcessList(attached, 2) == 1:  # only this process on it
            window = kernel32.GetConsoleWindow()
            if window:
                ctypes.windll.user32.ShowWindow(window, 0)  # type: ignore[attr-defined]
    except Exception:  # a console left on screen is no reason not to start
        pass


if __name__ == "__main__":
    # The review draws its charts in a spawned helper process; in a frozen program that
    # process is this executable again, and freeze_support() makes it the helper.
    multiprocessing.freeze_support()
    if sys.platform == "win32" and sys.argv[1:2] in ([], ["run"]):
        hide_own_console()
    from pos_coach.launcher import main

    main()
