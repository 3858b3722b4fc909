"""The shift lead's PIN, asked on a page of the counter (never a modal dialog at the till).

When no PIN is set yet, the page asks for a new one twice. Wrong PINs are slowed down by the
core's :class:`pos_coach.pins.Gate`, whose counts are kept in the settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from pos_coach.pins import MAX_LENGTH, OWNER_ADVISED_LENGTH, Gate, valid_new_pin
from pos_coach.ui.labels import plain_label
from pos_coach.ui.touch import scrolled


class PinPage(QWidget):
    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        layout = scrolled(self, (24, 12, 24, 12))
        layout.setSpacing(10)
        self.title = plain_label(self.tr("Shift lead's PIN"), "pageTitle")
        layout.addWidget(self.title)
        self.purpose = "review"
        self.hint = plain_label("", "muted")
        layout.addWidget(self.hint)
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_LENGTH)
        self.field.returnPressed.connect(self.submit)
        layout.addWidget(self.field)
        self.message = plain_label("", "pinMessage")
        layout.addWidget(self.message)
        pad = QGridLayout()
        pad.setSpacing(8)
        for n, key in enumerate("123456789⌫0✓"):
            button = QPushButton(key)
            button.setObjectName(f"pin-{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            pad.addWidget(button, n // 3, n % 3)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(pad, 1)
        cancel = QPushButton(self.tr("Back to the counter"))  # beside the pad: it fits 1024x600
        cancel.setObjectName("pinCancel")
        cancel.clicked.connect(self.cancelled)
        row.addWidget(cancel, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._gate: Gate | None = None
        self._store: Callable[[str], None] = lambda _pin: None
        self._first_entry: str | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._show_wait)

    def ask(self, gate: Gate, store: Callable[[str], None], purpose: str = "review") -> None:
        """Ask for a PIN the ``gate`` opens; with none set yet, choose one (``store`` keeps it).

        ``purpose`` is "review" (the shift lead's or the owner's PIN) or "editor" (the owner's).
        The gate's wait goes on between visits and, kept in the settings, after a restart.
        """
        self._store = store
        self._first_entry = None
        self.purpose = purpose
        self._gate = None if gate.empty else gate
        self.field.clear()
        self.message.clear()
        editor = purpose == "editor"
        self.title.setText(self.tr("Owner's PIN") if editor else self.tr("Shift lead's PIN"))
        if self._gate is not None:
            self.hint.setText(
                self.tr("Enter the owner's PIN to open the card editor.")
                if editor
                else self.tr("Enter the shift lead's PIN to open the review.")
            )
            if self._gate.wait_left() > 0:  # wrong PINs before (in this run or the last one)
                self._show_wait()
                self._tick.start()
        else:
            self.hint.setText(self._choose_text())
        self.field.setFocus()

    def _choose_text(self) -> str:
        if self.purpose == "editor":
            return self.tr(
                "No PIN yet: choose one of 4 to 12 digits (6 or more is safer), then repeat it."
            )
        return self.tr("No PIN yet: choose one of 4 to 12 digits, then repeat it.")

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.field.backspace()
        elif key == "✓":
            self.submit()
        else:
            self.field.insert(key)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if self._gate is None:
            self._set_new(pin)
            return
        if self._gate.try_pin(pin):
            self.message.clear()
            self._tick.stop()
            self.unlocked.emit()
        else:
            self._show_wait()
            self._tick.start()

    def _set_new(self, pin: str) -> None:
        if self._first_entry is None:
            if not valid_new_pin(pin):
                self.message.setText(self.tr("A PIN is at least 4 digits."))
                return
            self._first_entry = pin
            self.hint.setText(self.tr("Repeat the new PIN."))
            self.message.clear()
            if self.purpose == "editor" and len(pin) < OWNER_ADVISED_LENGTH:
                self.message.setText(
                    self.tr(
                        "A short PIN is quickly guessed by anyone who can copy the settings file: 6 digits or more are advised for the owner. Repeat it to keep it, or type another to start again."  # noqa: E501 - one literal for the translators
                    )
                )
            return
        if pin != self._first_entry:
            self._first_entry = None
            self.hint.setText(self._choose_text())
            self.message.setText(self.tr("The two PINs differ; start again."))
            return
        self._first_entry = None
        self._store(pin)  # hashed with the work factor of whose PIN it is
        self.unlocked.emit()

    def _show_wait(self) -> None:
        if self._gate is None:
            return
        left = self._gate.wait_left()
        if left <= 0:
            self._tick.stop()
            self.message.setText(self.tr("Wrong PIN. Try again."))
        else:
            self.message.setText(
                self.tr("Wrong PIN. Next try in %1 s.").replace("%1", str(int(left + 0.999)))
            )
