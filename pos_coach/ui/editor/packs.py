"""The whole pack: export and import as a .zip (validated, previewed, backed up), and the trash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_coach.cards import packzip, writer
from pos_coach.editing import CardEditor
from pos_coach.ui import dialogs
from pos_coach.ui.labels import plain_label


class PackPage(QWidget):
    changed = Signal()

    def __init__(self, editor: CardEditor, backups: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.backups = Path(backups)
        self.plan: packzip.ImportPlan | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        export = QPushButton(self.tr("Export the pack as .zip…"))
        export.setObjectName("exportZip")
        export.clicked.connect(self.export)
        choose = QPushButton(self.tr("Import a pack from .zip…"))
        choose.setObjectName("importZip")
        choose.clicked.connect(self.choose_import)
        row.addWidget(export)
        row.addWidget(choose)
        row.addStretch(1)
        layout.addLayout(row)
        self.plan_text = QPlainTextEdit()
        self.plan_text.setObjectName("importPlan")
        self.plan_text.setReadOnly(True)
        self.plan_text.setPlaceholderText(
            self.tr(
                "Choose a .zip to see what it would add, change and remove. Nothing is written until you apply it; the current pack is backed up first."  # noqa: E501 - one literal for the translators
            )
        )
        layout.addWidget(self.plan_text, 1)
        self.apply_button = QPushButton(self.tr("Apply the import"))
        self.apply_button.setObjectName("applyImport")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        layout.addWidget(self.apply_button)
        layout.addWidget(plain_label(self.tr("Trash: deleted cards, newest first"), "muted"))
        self.trash = QListWidget()
        self.trash.setObjectName("trashList")
        layout.addWidget(self.trash, 1)
        restore = QPushButton(self.tr("Restore the selected card"))
        restore.setObjectName("restoreCard")
        restore.clicked.connect(self.restore)
        layout.addWidget(restore)
        self.message = plain_label("", "packMessage")
        layout.addWidget(self.message)
        self.fill_trash()

    def export(self) -> Path | None:
        path = dialogs.save_path(self, self.tr("Export the pack"), "situations.zip", "ZIP (*.zip)")
        if path is None:
            return None
        packzip.export_pack(self.editor.root, path)
        self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))
        return path

    def choose_import(self) -> None:
        path = dialogs.open_path(self, self.tr("Import a pack"), "ZIP (*.zip)")
        if path is not None:
            self.preview_import(path)

    def preview_import(self, archive: Path) -> None:
        self.plan = packzip.plan_import(self.editor.root, archive)
        plan = self.plan
        lines = [self.tr("From: %1").replace("%1", str(archive)), ""]
        for title, items in (
            (self.tr("Added"), plan.added),
            (self.tr("Changed"), plan.changed),
            (self.tr("Removed (to the trash)"), plan.removed),
        ):
            lines.append(f"{title}: {len(items)}")
            lines.extend(f"    {item}" for item in items)
        if plan.problems:
            lines.append("")
            lines.append(self.tr("Problems:"))
            lines.extend(f"    {p.format(self.editor_lang())}" for p in plan.problems)
        lines.append("")
        lines.append(
            self.tr("Ready to apply.")
            if plan.ok
            else self.tr("This pack cannot be imported: fix the problems above.")
        )
        self.plan_text.setPlainText("\n".join(lines))
        self.apply_button.setEnabled(plan.ok)

    def editor_lang(self) -> str:
        return self.editor.langs[0] if self.editor.langs else "en"

    def apply(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        backup = packzip.apply_import(self.editor.root, self.plan, self.backups)
        self.plan = None
        self.apply_button.setEnabled(False)
        self.editor.reload()
        self.message.setText(
            self.tr("Imported. The previous pack was saved as %1").replace("%1", str(backup))
        )
        self.fill_trash()
        self.changed.emit()

    def fill_trash(self) -> None:
        self.trash.clear()
        self.entries = writer.list_trash(self.editor.root)
        for entry in self.entries:
            when = entry.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.trash.addItem(f"{when}  {entry.card_id}  ({', '.join(entry.langs)})")

    def restore(self) -> None:
        row = self.trash.currentRow()
        if row < 0:
            return
        entry = self.entries[row]
        try:
            self.editor.restore(entry)
        except writer.EditError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Restored '%1'.").replace("%1", entry.card_id))
        self.fill_trash()
        self.changed.emit()
