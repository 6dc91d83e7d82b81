# Replaces PyInstaller's own hook for PySide6.QtGui: the same Qt dependencies, minus the plugins the app cannot
# use (bundle_plan.UNUSED_QT_PLUGINS). Filtering here, before analysis, also keeps out the system libraries only
# those plugins need: the GTK 3 platform theme alone pulls in GTK, GDK, Cairo and Pango (about 20 MB).
import bundle_plan
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if not bundle_plan.unused_qt_plugin(source)]
