"""The glossary: every term with its plain definition and where the idea comes from, with a filter box.

Non-modal, so it can stay open beside a layer page while reading. It shows only authored content, never anything a
person wrote; still, it belongs to the page that opened it and goes with it at the lock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import Term
from intimacy_desktop.core.layers import LAYERS
from intimacy_desktop.gui.journal.labels import layer_name

TermRole = Qt.ItemDataRole.UserRole


class GlossaryDialog(QDialog):
    def __init__(self, glossary: dict[str, Term], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.setModal(False)
        self.resize(760, 500)
        self.terms = glossary
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter terms"))
        self.filter_edit.setAccessibleName(self.tr("Filter the glossary"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Terms"))
        self.list.setObjectName("glossaryTerms")
        for term in sorted(glossary.values(), key=lambda t: t.term.casefold()):
            item = QListWidgetItem(term.term)
            item.setData(TermRole, term.id)
            self.list.addItem(item)
        self.term_label = QLabel()
        self.term_label.setProperty("role", "headline")
        self.term_label.setWordWrap(True)
        self.definition_label = QLabel()
        self.definition_label.setWordWrap(True)
        self.definition_label.setProperty("role", "quote")
        self.definition_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.definition_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layers_label = QLabel()
        self.layers_label.setWordWrap(True)
        self.layers_label.setProperty("role", "muted")
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setProperty("role", "hint")
        self.empty_label = QLabel(self.tr("No term matches that filter."))
        self.empty_label.setProperty("role", "muted")
        self.empty_label.hide()
        for label in (self.term_label, self.definition_label, self.layers_label, self.source_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # authored text, shown as written, never as markup
        self._build()
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.returnPressed.connect(self.list.setFocus)
        self.list.currentItemChanged.connect(self._show_current)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _build(self) -> None:
        detail = QWidget()
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(8, 4, 8, 4)
        dv.setSpacing(10)
        for w in (self.term_label, self.definition_label, self.layers_label, self.source_label, self.empty_label):
            dv.addWidget(w)
        dv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left = QVBoxLayout()
        left.addWidget(self.filter_edit)
        left.addWidget(self.list, 1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(18, 18, 18, 18)
        lay.setSpacing(18)
        lay.addLayout(left, 2)
        lay.addWidget(scroll, 3)

    # ---- what the layer pages ask for ----------------------------------------------------------------------
    def show_term(self, term_id: str | None = None) -> None:
        """Open (or raise) the dialog at ``term_id``; without one, where it was."""
        if term_id is not None and term_id in self.terms:
            self.filter_edit.clear()
            for row in range(self.list.count()):
                if self.list.item(row).data(TermRole) == term_id:
                    self.list.setCurrentRow(row)
                    break
        self.show()
        self.raise_()
        self.activateWindow()
        self.list.setFocus()

    def current_term(self) -> Term | None:
        item = self.list.currentItem()
        return self.terms.get(item.data(TermRole)) if item is not None and not item.isHidden() else None

    # ---- reactions -----------------------------------------------------------------------------------------
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            term = self.terms[item.data(TermRole)]
            hit = not needle or needle in term.term.casefold() or needle in term.definition.casefold()
            item.setHidden(not hit)
            if hit and first_visible is None:
                first_visible = row
        current = self.list.currentItem()
        if first_visible is not None and (current is None or current.isHidden()):
            self.list.setCurrentRow(first_visible)
        self._show_current()

    def _show_current(self, *_args: object) -> None:
        term = self.current_term()
        self.empty_label.setVisible(term is None)
        for w in (self.term_label, self.definition_label, self.layers_label, self.source_label):
            w.setVisible(term is not None)
        if term is None:
            return
        self.term_label.setText(term.term)
        self.definition_label.setText(term.definition)
        names = [layer_name(layer) for layer in LAYERS if layer in term.layers]
        self.layers_label.setText(self.tr("Layers: %1").replace("%1", ", ".join(names)) if names else "")
        self.source_label.setText(self.tr("Source: %1").replace("%1", term.source) if term.source else "")
        self.source_label.setVisible(bool(term.source))
        self.definition_label.setAccessibleName(term.term)
