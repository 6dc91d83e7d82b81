"""Loads the compiled translations: English plural forms always, then the person's language when we have it.

Every visible string goes through tr(); a new language is a new resources/translations/intimacy_<lang>.ts,
compiled by scripts/build_ui.py, not a change to the code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from intimacy_desktop import resources


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install translators on ``app``; returns them so the caller keeps them alive."""
    installed: list[QTranslator] = []
    qm_dir = str(resources.translations_dir())
    base = QTranslator(app)
    if base.load("intimacy_en", qm_dir):
        app.installTranslator(base)
        installed.append(base)
    wanted = locale or QLocale()
    if wanted.language() != QLocale.Language.English:
        local = QTranslator(app)
        if local.load(wanted, "intimacy", "_", qm_dir):
            app.installTranslator(local)
            installed.append(local)
    return installed
