"""One language of one card as a form: every key of the format, problems next to the fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos_coach.cards.model import Category
from pos_coach.cards.problems import Problem
from pos_coach.ui.editor.fields import HotkeyField, ListEditor, problem_label
from pos_coach.ui.labels import plain_label

LIST_KEYS = ("steps", "say", "then", "avoid", "wow")
KEYS = ("title", "category", "summary", "hotkey", "tags", *LIST_KEYS, "escalate")


class FieldLabel(QLabel):
    """A field's name over it: on one line where there is room, wrapped in a narrow form."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().horizontalAdvance(self.text()) + 4
        return QSize(line, self.heightForWidth(line))


class CardForm(QWidget):
    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"form-{lang}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.heading = plain_label(lang.upper(), "formHeading")
        outer.addWidget(self.heading)
        self.state = plain_label("", "translationState")
        outer.addWidget(self.state)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: wide fields
        outer.addLayout(form)
        self.title = QLineEdit()
        self.category = QComboBox()
        self.summary = QLineEdit()
        self.hotkey = HotkeyField()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("words to find the card by, separated by commas"))
        self.lists = {key: ListEditor(f"{key}-{lang}") for key in LIST_KEYS}
        self.escalate = QPlainTextEdit()
        self.escalate.setMaximumHeight(70)
        self.problems: dict[str, QLabel] = {}
        labels = {
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "summary": self.tr("Summary"),
            "hotkey": self.tr("Hotkey"),
            "tags": self.tr("Search words"),
            "steps": self.tr("Steps"),
            "say": self.tr("What to say: ways to say the opening line (they take turns)"),
            "then": self.tr("Then, in this order: the later lines (never rotated)"),
            "avoid": self.tr("Avoid"),
            "wow": self.tr("WOW"),
            "escalate": self.tr("Call the shift lead"),
        }
        widgets: dict[str, QWidget] = {
            "title": self.title,
            "category": self.category,
            "summary": self.summary,
            "hotkey": self.hotkey,
            "tags": self.tags,
            **self.lists,
            "escalate": self.escalate,
        }
        for key in KEYS:
            widget = widgets[key]
            if key not in LIST_KEYS:  # list editors name themselves
                widget.setObjectName(f"{key}-{self.lang}")
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            self.problems[key] = problem_label(f"problem-{key}-{lang}")
            column.addWidget(self.problems[key])
            form.addRow(FieldLabel(labels[key]), box)
        self.other = problem_label(f"problem-other-{lang}")
        outer.addWidget(self.other)
        for line in (self.title, self.summary, self.tags):
            line.textChanged.connect(self.changed)
        self.category.currentIndexChanged.connect(self.changed)
        self.hotkey.changed.connect(self.changed)
        self.escalate.textChanged.connect(self.changed)
        for editor in self.lists.values():
            editor.changed.connect(self.changed)

    def set_categories(self, categories: list[Category]) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for category in categories:
            self.category.addItem(category.label, category.id)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def values(self) -> dict[str, Any]:
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        values: dict[str, Any] = {
            "title": self.title.text().strip(),
            "category": self.category.currentData() or "",
            "summary": self.summary.text().strip(),
            "hotkey": self.hotkey.value() or None,
            "tags": tags,
            **{key: editor.values() for key, editor in self.lists.items()},
            "escalate": self.escalate.toPlainText().strip(),
        }
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        widgets = (self.title, self.summary, self.tags, self.category, self.escalate)
        for widget in widgets:
            widget.blockSignals(True)
        self.title.setText(values.get("title", ""))
        self.summary.setText(values.get("summary", ""))
        self.tags.setText(", ".join(values.get("tags", [])))
        self.category.setCurrentIndex(max(0, self.category.findData(values.get("category"))))
        self.escalate.setPlainText(values.get("escalate", ""))
        for line in (self.title, self.summary, self.tags):
            line.setCursorPosition(0)  # a long line shows its start, not its end
        for widget in widgets:
            widget.blockSignals(False)
        self.hotkey.set_value(values.get("hotkey"))
        for key, editor in self.lists.items():
            editor.set_values(list(values.get(key, [])))

    def show_problems(self, problems: list[Problem], lang: str) -> None:
        """Each problem next to its field, in the interface language (as `pos-coach check`)."""
        by_key: dict[str, list[str]] = {}
        for problem in problems:
            key = problem.key if problem.key in self.problems else "other"
            by_key.setdefault(key, []).append(problem.message(lang))
        for key, label in {**self.problems, "other": self.other}.items():
            messages = by_key.get(key, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def set_state(self, text: str) -> None:
        self.state.setText(text)
        self.state.setVisible(bool(text))
