"""``intimacy-desktop import …`` and ``export …``: journals in from Day One, jrnl and Markdown; out to Markdown,
Day One JSON and PDF.

An import reads and checks the whole source before it writes anything, then adds the new entries in one
transaction (``--dry-run`` stops after the check and says what would happen). Any problem with the source exits 5
with one sentence and imports nothing. An export says on stderr, before anything else, that its file is not
encrypted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop.core.errors import EXIT_OK
from intimacy_desktop.core.input_rules import visible

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import UnlockedProfile

NOT_ENCRYPTED = "Note: an export is NOT encrypted. Anyone who can open {out} can read it."


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from intimacy_desktop.services.interchange import EXPORT_FORMATS, IMPORT_FORMATS

    imp = sub.add_parser("import", help="import entries from Day One, jrnl or a folder of Markdown/text files",
                         description="Import journal entries. Day One: its JSON export (.zip or .json). jrnl: the "
                                     "output of `jrnl --export json`. md: a folder of .md, .markdown or .txt files "
                                     "(or one file). Entries already in the journal are skipped. All or nothing: "
                                     "any problem with the file imports nothing.")
    imp.add_argument("--format", required=True, choices=IMPORT_FORMATS)
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--profile", required=True, metavar="NAME")
    imp.add_argument("--dry-run", action="store_true", help="check the file and say what would be imported")
    exp = sub.add_parser("export", help="export entries to Markdown files, Day One JSON or PDF (not encrypted)",
                         description="Export every entry (or those of --id). md: a new folder of Markdown files. "
                                     "json: Day One's export format (a .json file, or a .zip when OUT ends in "
                                     ".zip). pdf: a journal to read or print. The export is not encrypted, and "
                                     "never replaces an existing file or folder.")
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("out", type=Path, metavar="OUT")
    exp.add_argument("--profile", required=True, metavar="NAME")
    exp.add_argument("--id", dest="ids", type=int, action="append", metavar="ID", help="only this entry (repeatable)")


def run(args: argparse.Namespace, profile: UnlockedProfile) -> int:
    service = profile.interchange
    if args.command == "import":
        preview = service.preview(args.format, args.path)
        span = preview.date_range()
        dates = f", dated {span[0].isoformat()} to {span[1].isoformat()}" if span else ""
        print(f"Found {preview.found} entries: {len(preview.new)} new, {preview.duplicates} already in the journal "
              f"or repeated (skipped){dates}" + (f"; {preview.empty_skipped} empty ones left out" if
                                                  preview.empty_skipped else "") + ".", file=sys.stderr)
        if args.dry_run:
            print("Dry run: nothing was imported.", file=sys.stderr)
            return EXIT_OK
        added = service.run(preview)
        print(f"Imported {added} entries into “{visible(profile.info.label)}”.", file=sys.stderr)
        return EXIT_OK
    print(NOT_ENCRYPTED.format(out=visible(str(args.out))), file=sys.stderr)
    if args.format == "pdf":
        from intimacy_desktop.gui.pdf_headless import export_pdf_headless

        count = export_pdf_headless(service.entries(args.ids), args.out, profile.info.label)
    else:
        count = service.export(args.format, args.out, args.ids)
    print(f"Exported {count} entries to {visible(str(args.out))}.", file=sys.stderr)
    return EXIT_OK
