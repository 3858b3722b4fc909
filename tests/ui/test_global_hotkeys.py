"""Global hotkeys: the key names handed to pynput, and the plain reason when they cannot work."""

from __future__ import annotations

from pos_coach.ui.global_hotkeys import availability, to_pynput


def test_qt_key_text_becomes_pynput_text():
    assert to_pynput("F2") == "<f2>"
    assert to_pynput("Ctrl+G") == "<ctrl>+g"
    assert to_pynput("Ctrl+Shift+F5") == "<ctrl>+<shift>+<f5>"
    assert to_pynput("Alt+7") == "<alt>+7"


def test_wayland_is_named_plainly(monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    assert "cannot work on Wayland" in availability()
    assert "не работают в Wayland" in availability("ru")


def test_without_pynput_the_reason_says_what_to_install(monkeypatch):
    import builtins

    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    real_import = builtins.__import__

    def no_pynput(name, *args, **kwargs):
        if name == "pynput":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pynput)
    assert "pip install pynput" in availability()


def test_the_banner_carries_the_notice(qtbot, window):
    window.show_notice("Global hotkeys need the pynput package.")
    assert window.banner.isVisible()
    assert "pynput" in window.banner_label.text()
