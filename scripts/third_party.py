"""The open-source components that ship with the app, their versions and licences, for the About dialog and the
installers: written to gui/_generated/third_party.json and gui/_generated/licenses/<component>.txt.

The Python packages are the app's run-time dependencies as installed here (followed transitively, extras and
other platforms' dependencies left out), so the list always matches what PyInstaller bundles from this venv.
Native components inside those packages (Qt, SQLCipher, SQLite, OpenSSL) and Python itself are added by hand,
with their texts from resources/licenses/.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENSE_TEXTS = ROOT / "resources" / "licenses"
APP_DIST = "intimacy-desktop"
_LICENSE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
# SPDX ids whose text we carry ourselves, for packages that ship none.
_TEXT_FOR_SPDX = {"LGPL-3.0-only": "LGPL-3.0-only.txt", "Apache-2.0": "Apache-2.0.txt"}


def runtime_distributions(root: str = APP_DIST) -> list[Distribution]:
    """``root``'s run-time requirements, transitively, as installed; the app itself is not included."""
    found: dict[str, Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # an optional dependency that is not installed is not bundled either
        key = _key(dist.metadata["Name"])
        if key in found:
            continue
        found[key] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name)
    found.pop(_key(root), None)
    return sorted(found.values(), key=lambda d: _key(d.metadata["Name"]))


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def license_name(dist: Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = meta.get("License") or ""
    if text and len(text) < 80 and "\n" not in text:
        return str(text)
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    if _key(meta["Name"]) == "sqlcipher3":
        return "Zlib"  # the pysqlite licence its LICENSE file carries
    return "see licence text"


def license_text(dist: Distribution, licence: str) -> str:
    texts = []
    for file in dist.files or []:
        if _LICENSE_FILE.match(file.name) and ".dist-info" in str(file):
            content = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
            if content and content.strip():
                texts.append(content.strip())
    if not texts:
        for spdx, filename in _TEXT_FOR_SPDX.items():
            if spdx in licence:
                texts.append((LICENSE_TEXTS / filename).read_text(encoding="utf-8").strip())
    return "\n\n".join(texts)


def native_components() -> list[dict[str, str]]:
    """Libraries compiled into the wheels above, and the Python runtime the frozen app carries."""
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        cipher_version = str(connection.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        connection.close()
    from cryptography.hazmat.backends.openssl.backend import backend as openssl_backend
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    stdlib = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    python_license = Path(sys.base_prefix) / "lib" / stdlib / "LICENSE.txt"
    if not python_license.exists():
        python_license = Path(sys.base_prefix) / "LICENSE.txt"
    python_text = (python_license.read_text(encoding="utf-8") if python_license.exists()
                   else "Python is distributed under the PSF License Agreement: https://docs.python.org/3/license.html")
    openssl_version = openssl_backend.openssl_version_text().removeprefix("OpenSSL ").split()[0]
    lgpl = (LICENSE_TEXTS / "LGPL-3.0-only.txt").read_text(encoding="utf-8")
    gpl = (ROOT / "LICENSE").read_text(encoding="utf-8")
    qt_note = (
        f"Qt {qVersion()} is used through PySide6 {pyside_version} under the GNU Lesser General Public License "
        "version 3. The app loads Qt's libraries as separate files from its install folder, so they can be "
        "replaced with other builds of the same Qt version. Qt's source code: https://download.qt.io/. "
        "The LGPL adds permissions to the GPL version 3; both texts follow.\n\n"
    )
    return [
        {"name": "Qt", "version": qVersion(), "license": "LGPL-3.0-only", "text": qt_note + lgpl + "\n\n" + gpl},
        {"name": "SQLCipher", "version": cipher_version, "license": "BSD-3-Clause",
         "text": (LICENSE_TEXTS / "SQLCipher.txt").read_text(encoding="utf-8")},
        {"name": "SQLite", "version": sqlcipher3.sqlite_version, "license": "Public domain",
         "text": (LICENSE_TEXTS / "SQLite.txt").read_text(encoding="utf-8")},
        {"name": "OpenSSL", "version": openssl_version, "license": "Apache-2.0",
         "text": (LICENSE_TEXTS / "Apache-2.0.txt").read_text(encoding="utf-8")},
        {"name": "Python", "version": ".".join(map(str, sys.version_info[:3])), "license": "PSF-2.0",
         "text": python_text},
    ]


def components() -> list[dict[str, str]]:
    listed = native_components()
    for dist in runtime_distributions():
        licence = license_name(dist)
        listed.append({"name": str(dist.metadata["Name"]), "version": dist.version, "license": licence,
                       "text": license_text(dist, licence)})
    return listed


def write(out_dir: Path) -> list[Path]:
    """third_party.json (name, version, licence, text file) and one licence text per component."""
    texts_dir = out_dir / "licenses"
    texts_dir.mkdir(parents=True, exist_ok=True)
    for old in texts_dir.glob("*.txt"):
        old.unlink()
    app_text = texts_dir / "intimacy-desktop.txt"
    app_text.write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    entries = []
    written = [app_text]
    for component in components():
        filename = f"{_key(component['name'])}.txt"
        (texts_dir / filename).write_text(component["text"] or "No licence text was shipped.", encoding="utf-8")
        written.append(texts_dir / filename)
        entries.append({"name": component["name"], "version": component["version"],
                        "license": component["license"], "file": filename})
    index = out_dir / "third_party.json"
    index.write_text(json.dumps({"app_license": "GPL-3.0-or-later", "app_file": app_text.name,
                                 "components": entries}, indent=1), encoding="utf-8")
    return [index, *written]
