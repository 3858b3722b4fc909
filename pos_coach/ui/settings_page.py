"""Shop settings at the counter: store name, this register, the list of cashiers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_coach.settings import MAX_CASHIERS, MAX_NAME, setting
from pos_coach.ui.labels import page_heading
from pos_coach.ui.touch import scrolled


class SettingsPage(QWidget):
    saved = Signal(str, str, str, list)  # store, address, register, cashiers
    cancelled = Signal()
    open_review = Signal()
    open_editor = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        layout = scrolled(self, (24, 12, 24, 6))  # Cancel and Save stay in sight below it
        layout.setSpacing(10)
        page_heading(layout, self.tr("Settings"))
        doors = QHBoxLayout()
        for name, text, signal in (
            ("settingsReview", self.tr("Review (shift lead)"), self.open_review),
            ("settingsEditor", self.tr("Card editor (owner)"), self.open_editor),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(signal)
            doors.addWidget(button)
        doors.addStretch(1)
        layout.addLayout(doors)
        # the shop's name and this till on one row, the address below: the cashiers' list keeps
        # its room at 1024x600
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(10)
        self.store_edit = QLineEdit()
        self.store_edit.setObjectName("storeEdit")
        self.store_edit.setMaxLength(setting("store").length)
        self.register_edit = QLineEdit()
        self.register_edit.setObjectName("registerEdit")
        self.register_edit.setMaxLength(setting("register").length)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setMaxLength(setting("address").length)
        self.address_edit.setPlaceholderText(self.tr("street, number, town, postcode"))
        form.addWidget(QLabel(self.tr("Store name")), 0, 0)
        form.addWidget(self.store_edit, 0, 1)
        form.addWidget(QLabel(self.tr("Register")), 0, 2)
        form.addWidget(self.register_edit, 0, 3)
        form.addWidget(QLabel(self.tr("Address (for emergency calls)")), 1, 0)
        form.addWidget(self.address_edit, 1, 1, 1, 3)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Cashiers (double-tap a name to rename it)")))
        body = QHBoxLayout()
        self.cashier_list = QListWidget()
        self.cashier_list.setObjectName("cashierList")
        body.addWidget(self.cashier_list, 1)
        side = QVBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newName")
        self.new_name.setPlaceholderText(self.tr("New name"))
        self.new_name.setMaxLength(MAX_NAME)
        self.new_name.returnPressed.connect(self._add)
        side.addWidget(self.new_name)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addCashier")
        add.clicked.connect(self._add)
        side.addWidget(add)
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("removeCashier")
        remove.clicked.connect(self._remove)
        side.addWidget(remove)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(24, 6, 24, 10)
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancelSettings")
        cancel.clicked.connect(self.cancelled)
        buttons.addWidget(cancel)
        save = QPushButton(self.tr("Save"))
        save.setObjectName("primary")
        save.clicked.connect(self._save)
        buttons.addWidget(save)
        self.save_button = save
        outer.addLayout(buttons)

    def load(self, store: str, register: str, cashiers: list[str], address: str = "") -> None:
        self.store_edit.setText(store)
        self.address_edit.setText(address)
        self.register_edit.setText(register)
        while self.cashier_list.count():  # taken back one by one (clear() crashed now and then)
            self.cashier_list.takeItem(0)
        for name in cashiers:
            self._append(name)
        self.new_name.clear()

    def _append(self, name: str) -> None:
        item = QListWidgetItem(name, self.cashier_list)  # owned by the list from the start
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)

    def names(self) -> list[str]:
        seen: list[str] = []
        for row in range(self.cashier_list.count()):  # a name renamed here may be longer
            name = self.cashier_list.item(row).text().strip()[:MAX_NAME]
            if name and name not in seen:
                seen.append(name)
        return seen

    def _add(self) -> None:
        name = self.new_name.text().strip()
        names = self.names()
        if name and name not in names and len(names) < MAX_CASHIERS:
            self._append(name)
        self.new_name.clear()

    def _remove(self) -> None:
        for item in self.cashier_list.selectedItems():
            self.cashier_list.takeItem(self.cashier_list.row(item))

    def _save(self) -> None:
        register = self.register_edit.text().strip() or "1"
        store, address = self.store_edit.text().strip(), self.address_edit.text().strip()
        self.saved.emit(store, address, register, self.names())
