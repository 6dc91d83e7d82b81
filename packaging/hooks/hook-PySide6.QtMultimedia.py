# Replaces PyInstaller's own hook for PySide6.QtMultimedia. The app uses QSoundEffect only, which plays WAV through
# the system's audio (PulseAudio or PipeWire on Linux) without any media backend, so the FFmpeg media plugin and
# the FFmpeg libraries it links (about 20 MB) stay out, and QtMultimediaWidgets is not added.
import bundle_plan
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if not bundle_plan.media_backend(source)]
