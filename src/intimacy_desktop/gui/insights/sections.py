"""One card of the Insights page: a heading, a line that says how to read it, the chart or (for screen readers, or
anyone who prefers numbers) the same figures as a table, and "Export as PNG…" after a word that the picture is not
encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.card import INSIGHTS_MARGINS, INSIGHTS_WIDTH, Card
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.insights.chart import Chart
from intimacy_desktop.gui.practice.item_row import text_label

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class ChartCard(Card):
    def __init__(self, ctx: ProfileContext, name: str, title: str, chart: Chart, columns: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, width=INSIGHTS_WIDTH, margins=INSIGHTS_MARGINS)
        self._ctx = ctx
        self.name = name  # the file name's stem when exported
        self.set_texts(title)
        self.caption = self.lead  # how to read the chart, filled with its figures
        self.caption.show()
        self.chart = chart
        self.chart.setAccessibleName(title)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("%1, as a table").replace("%1", title))
        self.table.setMinimumHeight(160)
        self.table.hide()
        self.export_button = QPushButton(self.tr("Export as PNG…"))
        self.export_button.setToolTip(self.tr("Save this chart as a picture. The picture is not encrypted."))
        self.export_button.clicked.connect(self._choose)
        self.status = text_label("", "muted")
        self.head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        self.lay.setSpacing(8)
        self.lay.addWidget(self.chart)
        self.lay.addWidget(self.table)
        self.lay.addWidget(self.status)
        self.status.hide()

    def add_control(self, widget: QWidget) -> None:
        """A choice of what the chart shows (which assessment), beside the heading."""
        self.head.insertWidget(1, widget)

    def show_as_table(self, table: bool) -> None:
        self.chart.setVisible(not table)
        self.table.setVisible(table)
        self.export_button.setEnabled(not table)

    def refill(self) -> None:
        """The table from what the chart shows now."""
        rows = self.chart.rows()
        self.table.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            self.table.setItem(r, 1, QTableWidgetItem(value))

    def png(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.grab().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def _choose(self) -> None:
        import datetime as dt

        suggested = Path.home() / f"{self.name}-{dt.date.today().isoformat()}.png"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart (not encrypted)"), str(suggested), self.tr("PNG pictures (*.png)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from intimacy_desktop.services.insights import save_picture

        png = self.png()
        self._ctx.ops.op(self, lambda: save_picture(path, png)).success(
            lambda _n: self._say(self.tr("Saved as %1. It is not encrypted: anyone who can open that folder can see "
                                         "it.").replace("%1", path.name))).failure(self._failed).run()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _failed(self, error: AppError) -> None:
        self._say(error_text(error))

    def forget(self) -> None:
        self.chart.forget()
        self.table.setRowCount(0)
        self.caption.clear()
        self.status.clear()
        self.status.hide()
