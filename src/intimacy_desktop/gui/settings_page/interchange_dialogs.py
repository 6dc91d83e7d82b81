"""Import (with a preview before anything is saved) and export (which says first that the result is not encrypted).

Reading, checking and writing run as the profile's operations with progress; an import is all or nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.settings_page.backup_dialogs import WorkDialog
from intimacy_desktop.gui.settings_page.path_field import Choose, PathField

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.interchange import ImportPreview


def _day(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class ImportDialog(WorkDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Import entries"),
            self.tr("Bring in a journal from another app. First you see what the file holds; nothing is saved "
                    "until you say so, and entries already in your journal are left out."),
            self.tr("Check the file"), parent)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for label, code in ((self.tr("Day One export (.zip or .json)"), "dayone"),
                            (self.tr("jrnl export (jrnl --export json)"), "jrnl"),
                            (self.tr("A folder of Markdown or text files"), "md")):
            self.format.addItem(label, code)
        self.source = PathField(Choose.OPEN_FILE, caption=self.tr("The file to import"))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.source.changed.connect(self._forget_preview)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("From"), self.source)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "lead")
        self.summary.setAccessibleName(self.tr("What will be imported"))
        self.body.insertWidget(2, self.summary)
        self.preview: ImportPreview | None = None

    def _format_changed(self) -> None:
        self.source.mode = Choose.FOLDER if self.format.currentData() == "md" else Choose.OPEN_FILE
        self._forget_preview()

    def _forget_preview(self) -> None:
        self.preview = None
        self.summary.clear()
        self.go.setText(self.tr("Check the file"))

    def start(self) -> None:
        if self.preview is not None:
            self._import(self.preview)
            return
        path, fmt = self.source.path(), str(self.format.currentData())
        if path is None:
            self.status.setText(error_text(UsageError("import_unreadable")))
            return
        service = self.ctx.profile.interchange
        self._busy(True)
        (self.ctx.ops.query(self, lambda: service.preview(fmt, path)).success(self._previewed)
         .failure(self.failed).with_progress(self.tr("Reading the file…")).run())

    def _previewed(self, preview: ImportPreview) -> None:
        self._busy(False)
        self.status.clear()
        self.preview = preview
        lines = [self.tr("Found %Ln entries.", "", preview.found)]
        span = preview.date_range()
        if span is not None:
            lines.append(self.tr("%Ln new, from %1 to %2.", "", len(preview.new))
                         .replace("%1", _day(span[0])).replace("%2", _day(span[1])))
        else:
            lines.append(self.tr("None of them is new."))
        if preview.duplicates:
            lines.append(self.tr("%Ln already in your journal or repeated in the file: left out.", "",
                                 preview.duplicates))
        if preview.empty_skipped:
            lines.append(self.tr("%Ln empty ones (photos only, say): left out.", "", preview.empty_skipped))
        self.summary.setText("\n".join(lines))
        self.go.setText(self.tr("Import %Ln entries", "", len(preview.new)))
        self.go.setEnabled(bool(preview.new))

    def _import(self, preview: ImportPreview) -> None:
        service = self.ctx.profile.interchange
        self._busy(True)
        self.run_work(self, lambda: service.run(preview), self._imported, self.tr("Importing…"))

    def _imported(self, added: int) -> None:
        self._busy(False)
        self.preview = None
        self.go.setEnabled(False)
        self.status.setText(self.tr("Imported %Ln entries. They are in your journal now.", "", added))


class ExportDialog(WorkDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Export entries"),
            self.tr("An export is NOT encrypted: anyone who can open the file can read every entry in it. Save it "
                    "somewhere private and delete it when you no longer need it. (A backup, by contrast, stays "
                    "encrypted.)"),
            self.tr("Export"), parent)
        self.intro.setProperty("role", "warning")
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for label, code in ((self.tr("PDF, to read or print"), "pdf"), (self.tr("A folder of Markdown files"), "md"),
                            (self.tr("Day One JSON"), "json")):
            self.format.addItem(label, code)
        self.target = PathField(Choose.SAVE_FILE, caption=self.tr("Save the export as"))
        self.format.currentIndexChanged.connect(self._suggest)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Save as"), self.target)
        self._suggest()

    def _suggest(self) -> None:
        code = str(self.format.currentData())
        self.target.mode = Choose.FOLDER if code == "md" else Choose.SAVE_FILE
        suffix = {"pdf": ".pdf", "json": ".json", "md": ""}[code]
        self.target.set_path(Path.home() / f"journal-export-{dt.date.today().isoformat()}{suffix}")

    def start(self) -> None:
        target, fmt = self.target.path(), str(self.format.currentData())
        if target is None:
            self.status.setText(error_text(UsageError("export_folder_missing")))
            return
        service = self.ctx.profile.interchange
        title = self.tr("Journal")
        notice = self.tr("This PDF is not encrypted. Anyone who has the file can read it.")
        report = self.relay.report

        def work() -> int:
            if fmt != "pdf":
                return service.export(fmt, target)
            from intimacy_desktop.gui.export_pdf import write_pdf

            entries = service.entries()
            if target.exists():
                raise UsageError("export_exists", name=target.name)
            if not target.parent.is_dir():
                raise UsageError("export_folder_missing")
            write_pdf(entries, target, title=title, notice=notice, progress=report)
            return len(entries)

        self._busy(True)
        self.run_work(self, work, lambda n: self._done(n, target), self.tr("Exporting…"))

    def _done(self, count: int, target: Path) -> None:
        self._busy(False)
        self.status.setText(self.tr("Exported %Ln entries to %1.", "", count).replace("%1", str(target)))
