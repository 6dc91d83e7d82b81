"""Intimacy Desktop: a private, offline app that helps a couple grow intimacy on purpose."""

# The single source of the version: pyproject.toml reads it from here (tool.setuptools.dynamic), and reading it
# needs no importlib.metadata, which costs ~80 ms at start-up.
__version__ = "0.1.0"

APP_NAME = "Intimacy Desktop"
# Organisation and application name for Qt (settings file location, desktop file); never shown to a person.
QT_NAME = "IntimacyDesktop"
# Reverse-DNS id: the desktop entry's file name (so the desktop matches windows to it), AppStream and macOS.
APP_ID = "org.intimacydesktop.IntimacyDesktop"
