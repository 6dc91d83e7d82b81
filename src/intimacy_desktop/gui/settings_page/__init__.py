"""The Settings page and its dialogs: a person's preferences, backups, import and export."""
