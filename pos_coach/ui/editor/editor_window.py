"""The owner's card editor: cards by category, both languages side by side, a live preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_coach.cards import writer
from pos_coach.cards.model import MAX_ID_LENGTH, Card, card_id_problem
from pos_coach.cards.problems import Severity
from pos_coach.editing import MISSING, OUTDATED, CardEditor
from pos_coach.library import Library
from pos_coach.ui import screen_fit, theme
from pos_coach.ui.editor.card_form import CardForm
from pos_coach.ui.editor.categories import CategoriesPage
from pos_coach.ui.editor.packs import PackPage
from pos_coach.ui.editor.preview import Preview
from pos_coach.ui.labels import plain_label

CHECK_DELAY_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole
PREFERRED_SIZE = QSize(1600, 900)  # where the screen has room; else as large as it allows
FORM_MIN_WIDTH = 360  # one language's form; narrower, the two are one above the other
PREVIEW_FROM_WIDTH = 1200  # narrower windows open with the live preview hidden (one tap shows it)

# Tests (and headless runs) answer the "new id" question without a dialog.
AskText = Callable[[QWidget, str, str, str], str | None]


def _ask_with_qt(parent: QWidget, title: str, label: str, text: str) -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


ask_text: AskText = _ask_with_qt


def _children(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (parent.child(m) for m in range(parent.childCount()))
    return [item for item in found if item is not None]


class FormsScroll(QScrollArea):
    """The two languages' forms side by side when there is room, else one above the other."""

    def __init__(self, layout: QBoxLayout, forms: list[QWidget]) -> None:
        super().__init__()
        self._layout = layout
        self._forms = forms

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self._layout
        needed = sum(max(FORM_MIN_WIDTH, form.minimumSizeHint().width()) for form in self._forms)
        margins = layout.contentsMargins()
        needed += layout.spacing() * (len(self._forms) - 1) + margins.left() + margins.right()
        side_by_side = self.viewport().width() >= needed
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if layout.direction() != direction:
            layout.setDirection(direction)


class EditorWindow(QMainWindow):
    def __init__(
        self,
        editor: CardEditor,
        ui_lang: str,
        store: str = "",
        on_saved: Callable[[], object] | None = None,  # called after a save; its result unused
        backups: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("editor")
        self.setWindowTitle(self.tr("POS Coach — card editor"))
        self.editor = editor
        self.ui_lang = ui_lang
        self.store = store
        self.on_saved = on_saved or (lambda: None)
        self.card_id: str | None = None
        self._dirty = False
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self.check)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._cards_tab(), self.tr("Cards"))
        self.categories = CategoriesPage(editor, ui_lang)
        self.categories.saved.connect(self._pack_changed)
        self.tabs.addTab(self.categories, self.tr("Categories"))
        self.packs = PackPage(editor, backups or editor.root.parent / "pack-backups")
        self.packs.changed.connect(self._pack_changed)
        self.tabs.addTab(self.packs, self.tr("Import, export, trash"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeEditor")
        self.close_button.setToolTip(self.tr("Close the editor (Ctrl+W, Esc)"))
        self.close_button.clicked.connect(self.close_asked)
        self.setCentralWidget(self.tabs)
        self.status = plain_label("", "editorStatus", wrap=False)
        self.status.setMinimumWidth(0)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.close_button)  # on every tab, bottom right
        close_key = QShortcut(QKeySequence("Ctrl+W"), self)
        close_key.activated.connect(self.close_asked)
        self._close_pending = False  # Close pressed once over unsaved changes
        self._preview_chosen = False  # the owner showed or hid the preview: left as chosen
        self.setStyleSheet(theme.review_stylesheet())
        screen_fit.fit(self, PREFERRED_SIZE)
        self.fill_list()

    # -- construction --------------------------------------------------------------------------
    def _cards_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.search = QLineEdit()
        self.search.setObjectName("editorSearch")
        self.search.setPlaceholderText(self.tr("Find a card…"))
        self.search.textChanged.connect(self.fill_list)
        left_layout.addWidget(self.search)
        self.tree = QTreeWidget()
        self.tree.setObjectName("cardTree")
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.InternalMove)
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._order_changed))
        left_layout.addWidget(self.tree, 1)
        buttons = QGridLayout()  # two by two: the list stays narrow on a small screen
        for n, (name, text, slot) in enumerate(
            (
                ("newCard", self.tr("New"), self.new_card),
                ("duplicateCard", self.tr("Duplicate"), self.duplicate_card),
                ("renameCard", self.tr("Rename id"), self.rename_card),
                ("deleteCard", self.tr("Delete"), self.delete_card),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button, n // 2, n % 2)
        left_layout.addLayout(buttons)
        left.setMinimumWidth(240)
        splitter.addWidget(left)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        self.card_heading = plain_label("", "cardHeading", wrap=False)
        middle_layout.addWidget(self.card_heading)
        forms = QWidget()
        forms_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, forms)
        self.forms = {lang: CardForm(lang) for lang in self.editor.langs}
        for form in self.forms.values():
            form.changed.connect(self._edited)
            forms_layout.addWidget(form, 1)
        scroll = FormsScroll(forms_layout, list(self.forms.values()))
        scroll.setObjectName("formsScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(forms)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.addWidget(plain_label(self.tr("History of this card"), "muted"))
        self.history = QListWidget()
        self.history.setObjectName("cardHistory")
        self.history.setMinimumHeight(48)
        history_layout.addWidget(self.history, 1)
        # the forms over the history, the owner drags the line between them; Save stays below
        fields = QSplitter(Qt.Orientation.Vertical)
        fields.setObjectName("formsSplitter")
        fields.addWidget(scroll)
        fields.addWidget(history)
        fields.setStretchFactor(0, 1)
        fields.setStretchFactor(1, 0)
        fields.setCollapsible(0, False)
        fields.setSizes([600, 110])
        middle_layout.addWidget(fields, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveCard")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertCard")
        self.revert_button.clicked.connect(lambda: self.show_card(self.card_id))
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("togglePreview")
        self.preview_button.setCheckable(True)
        self.preview_button.setChecked(True)
        self.preview_button.setToolTip(self.tr("Show or hide the card as the cashier sees it"))
        self.preview_button.clicked.connect(self._preview_toggled)
        row.addWidget(self.preview_button)
        middle_layout.addLayout(row)
        middle.setMinimumWidth(360)
        splitter.addWidget(middle)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(plain_label(self.tr("As the cashier sees it (1024×600)"), "muted"))
        self.preview_lang = QTabWidget()
        self.preview_lang.setObjectName("previewLang")
        self.previews = {}
        for lang in self.editor.langs:
            preview = Preview()
            self.previews[lang] = preview
            self.preview_lang.addTab(preview, lang.upper())
        right_layout.addWidget(self.preview_lang, 1)
        self.preview_pane = right
        splitter.addWidget(right)
        splitter.setSizes([280, 920, 400])
        splitter.setCollapsible(1, False)
        self.splitter = splitter
        layout.addWidget(splitter)
        return tab

    # -- the preview, on a small screen -----------------------------------------------------------
    def _preview_toggled(self, shown: bool) -> None:
        self._preview_chosen = True
        self.show_preview(shown)

    def preview_by_width(self) -> None:
        """Back to the preview shown as the window's width suggests (the owner's choice gone)."""
        self._preview_chosen = False
        self._preview_for_width()

    def show_preview(self, shown: bool) -> None:
        """Show or hide the live preview (hidden, the forms get its room)."""
        self.preview_pane.setVisible(shown)
        self.preview_button.setChecked(shown)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._preview_for_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._preview_for_width()

    def _preview_for_width(self) -> None:
        """Until the owner chooses, a narrow window shows the forms, not the preview."""
        if not self._preview_chosen and self.isVisible():
            self.show_preview(self.width() >= PREVIEW_FROM_WIDTH)

    # -- closing -------------------------------------------------------------------------------
    def close_asked(self) -> None:
        """Close (button, Ctrl+W, Esc). With unsaved changes the first press says so and keeps
        the window; a second press closes it and drops them."""
        if self._dirty and self.card_id is not None and not self._close_pending:
            self._close_pending = True
            self.status.setText(
                self.tr(
                    "'%1' has unsaved changes: Save them, or press Close again to drop them."
                ).replace("%1", self.card_id)
            )
            return
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches the window only when the field in focus has no use for it (an item being
        # edited in a list takes it back first)
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.close_asked()
            return
        super().keyPressEvent(event)

    # -- the list ----------------------------------------------------------------------------
    def library(self, lang: str | None = None) -> Library | None:
        pack = self.editor.pack(lang or self.ui_lang) or self.editor.result.pack_for(self.ui_lang)
        return Library(pack, self.editor.result.packs.values()) if pack else None

    def fill_list(self) -> None:
        library = self.library()
        self.tree.blockSignals(True)
        self.tree.clear()
        if library is None:
            self.tree.blockSignals(False)
            return
        query = self.search.text().strip()
        shown = {c.id for c in library.search(query)} if query else None
        for category in library.categories:
            parent = QTreeWidgetItem([category.label])
            parent.setData(0, ID_ROLE, f"category:{category.id}")
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            for card in library.cards_in(category.id):
                if shown is not None and card.id not in shown:
                    continue
                item = QTreeWidgetItem([f"{card.title}   [{card.id}]"])
                item.setData(0, ID_ROLE, card.id)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                parent.addChild(item)
            if parent.childCount() or shown is None:
                self.tree.addTopLevelItem(parent)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if self.card_id:
            self._select_in_tree(self.card_id)

    def _select_in_tree(self, card_id: str) -> None:
        for item in self._card_items():
            if item.data(0, ID_ROLE) == card_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                return

    def _category_items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def _card_items(self) -> list[QTreeWidgetItem]:
        return [item for parent in self._category_items() for item in _children(parent)]

    def _selected(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        card_id = item.data(0, ID_ROLE) if item else None
        if isinstance(card_id, str) and not card_id.startswith("category:"):
            self.show_card(card_id)

    # -- one card ------------------------------------------------------------------------------
    def show_card(self, card_id: str | None) -> None:
        self.card_id = card_id
        if card_id is None:
            return
        for lang, form in self.forms.items():
            pack = self.editor.pack(lang)
            form.set_categories(pack.ordered_categories() if pack else [])
            card = pack.cards.get(card_id) if pack else None
            if card is not None:
                form.set_values(writer.card_values(card))
            else:
                other = next(
                    (
                        p.cards[card_id]
                        for p in self.editor.result.packs.values()
                        if card_id in p.cards
                    ),
                    None,
                )
                form.set_values({"category": other.category} if other else {})
        self.card_heading.setText(self.tr("Card: %1").replace("%1", card_id))
        self._dirty = False
        self._show_history()
        self.check()

    def values(self) -> dict[str, dict[str, Any]]:
        return {lang: form.values() for lang, form in self.forms.items()}

    def _edited(self) -> None:
        self._dirty = True
        self._close_pending = False
        self._check_timer.start(CHECK_DELAY_MS)

    def check(self) -> bool:
        """Validate both languages as you type; True when the card can be saved."""
        if self.card_id is None:
            return False
        ok = True
        states = self.editor.translation_state(self.card_id)
        for lang, form in self.forms.items():
            values = form.values()
            problems = self.editor.validate(lang, self.card_id, values)
            errors = [
                p for p in problems if p.severity is Severity.ERROR or p.code == "duplicate_hotkey"
            ]
            form.show_problems(problems, self.ui_lang)
            ok = ok and not errors
            form.set_state(self._state_text(states.get(lang)))
            if not errors:
                self._preview(lang, values)
        self.save_button.setEnabled(ok and self._dirty)
        return ok

    def _state_text(self, state: str | None) -> str:
        if state == MISSING:
            return self.tr("Not written in this language yet.")
        if state == OUTDATED:
            return self.tr("Out of date: the other language was changed after this one.")
        return ""

    def _preview(self, lang: str, values: dict[str, Any]) -> None:
        pack = self.editor.pack(lang)
        if pack is None or self.card_id is None:
            return
        card = Card(
            id=self.card_id,
            lang=lang,
            title=values["title"],
            category=values["category"],
            summary=values["summary"],
            steps=tuple(values["steps"]),
            say=tuple(values["say"]),
            then=tuple(values["then"]),
            avoid=tuple(values["avoid"]),
            wow=tuple(values["wow"]),
            escalate=values["escalate"],
            hotkey=values["hotkey"],
            tags=tuple(values["tags"]),
        )
        self.previews[lang].show_card(card, pack.categories.get(card.category), self.store, "Anna")

    def save(self) -> bool:
        if self.card_id is None or not self.check():
            self.status.setText(self.tr("Not saved: fix the problems shown next to the fields."))
            return False
        card_id = self.card_id
        values = {
            lang: v
            for lang, v in self.values().items()
            if v.get("title") or ((pack := self.editor.pack(lang)) and card_id in pack.cards)
        }
        written = self.editor.save(card_id, values)
        self._dirty = False
        self._after_change(card_id)
        self.status.setText(self.tr("Saved %1 file(s).").replace("%1", str(len(written))))
        return True

    def _show_history(self) -> None:
        self.history.clear()
        if self.card_id is None:
            return
        words = self._history_words()
        for entry in reversed(self.editor.history(self.card_id)):
            keys = (
                ", ".join(words.get(k, k) for k in sorted(entry.changes)) if entry.changes else ""
            )
            lang = f" [{entry.lang}]" if entry.lang else ""
            by, action = words.get(entry.by, entry.by), words.get(entry.action, entry.action)
            self.history.addItem(f"{entry.at[:16].replace('T', ' ')}  {by}: {action}{lang}  {keys}")

    def _history_words(self) -> dict[str, str]:
        """Who did what to which keys, in the interface language (the journal keeps the codes)."""
        return {
            "owner": self.tr("owner"),
            "lead": self.tr("lead"),
            "saved": self.tr("saved"),
            "created": self.tr("created"),
            "duplicated": self.tr("duplicated"),
            "renamed": self.tr("renamed"),
            "deleted": self.tr("deleted"),
            "restored": self.tr("restored"),
            "title": self.tr("title"),
            "category": self.tr("category"),
            "summary": self.tr("summary"),
            "hotkey": self.tr("hotkey"),
            "order": self.tr("order"),
            "tags": self.tr("tags"),
            "steps": self.tr("steps"),
            "say": self.tr("say"),
            "then": self.tr("then"),
            "avoid": self.tr("avoid"),
            "wow": self.tr("wow"),
            "escalate": self.tr("escalate"),
        }

    # -- new, duplicate, rename, delete --------------------------------------------------------
    def _ask_id(self, title: str, suggested: str) -> str | None:
        label = self.tr("Card id (a-z, 0-9 and -, at most %1 characters):")
        value = ask_text(self, title, label.replace("%1", str(MAX_ID_LENGTH)), suggested)
        if value is None:
            return None
        refused = card_id_problem(value)  # the rule and the message of `pos-coach check`
        if refused is not None:
            self.status.setText(refused.render(self.ui_lang))
            return None
        return value

    def new_card(self) -> None:
        card_id = self._ask_id(self.tr("New card"), "new-situation")
        if card_id is None:
            return
        library = self.library()
        category = library.categories[0].id if library and library.categories else ""
        draft = {
            "title": self.tr("New situation"),
            "category": category,
            "summary": self.tr("What to do, in one line."),
            "steps": [self.tr("First step.")],
            "say": [self.tr("What to say.")],
            "avoid": [self.tr("What not to do.")],
            "wow": [self.tr("How to make it WOW.")],
        }
        try:
            self.editor.save(card_id, {self.ui_lang: draft})
        except writer.EditError as exc:
            self.status.setText(str(exc))
            return
        self._after_change(card_id)

    def duplicate_card(self) -> None:
        if self.card_id is None:
            return
        new_id = self._ask_id(self.tr("Duplicate card"), f"{self.card_id}-2")
        if new_id is None:
            return
        try:
            self.editor.duplicate(self.card_id, new_id)
        except writer.EditError as exc:
            self.status.setText(str(exc))
            return
        self._after_change(new_id)

    def rename_card(self) -> None:
        if self.card_id is None:
            return
        new_id = self._ask_id(self.tr("Rename card id"), self.card_id)
        if new_id is None or new_id == self.card_id:
            return
        try:
            self.editor.rename(self.card_id, new_id)
        except writer.EditError as exc:
            self.status.setText(str(exc))
            return
        self._after_change(new_id)

    def delete_card(self) -> None:
        if self.card_id is None:
            return
        card_id = self.card_id
        self.editor.delete(card_id)
        self.card_id = None
        self._after_change(None)
        self.status.setText(
            self.tr("'%1' moved to the trash (restore it from “Import, export, trash”).").replace(
                "%1", card_id
            )
        )

    def _order_changed(self) -> None:
        """Cards dragged within a category: save their new order (10, 20, 30 ...)."""
        for parent in self._category_items():
            ids = [item.data(0, ID_ROLE) for item in _children(parent)]
            for position, card_id in enumerate(ids, 1):
                changes = {}
                for lang in self.editor.langs:
                    pack = self.editor.pack(lang)
                    if (
                        pack
                        and card_id in pack.cards
                        and pack.cards[card_id].order != position * 10
                    ):
                        values = writer.card_values(pack.cards[card_id])
                        values["order"] = position * 10
                        changes[lang] = values
                if changes:
                    self.editor.save(card_id, changes)
        self._after_change(self.card_id)

    def _after_change(self, card_id: str | None) -> None:
        self.editor.reload()
        self.on_saved()
        self.packs.fill_trash()
        self.categories.load()
        self.card_id = card_id
        self.fill_list()
        if card_id:
            self.show_card(card_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._check_timer.stop()  # nothing may run against the journal once the window is gone
        super().closeEvent(event)

    def _pack_changed(self) -> None:
        self._after_change(self.card_id)
