"""Where the test suite finds the checkers nobody here wrote, or how it says to install them.

The Nu Html Checker and axe-core come from npm at the versions in package-lock.json
(``make node-deps`` runs ``npm ci``); the Nu checker runs on the machine's Java. A missing
checker fails the test with the command that installs it: it never skips silently.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT

NODE_MODULES = ROOT / "node_modules"
INSTALL_HINT = ("run `make node-deps` (npm ci; as root it first installs Debian's nodejs, npm "
                "and default-jre-headless)")


def node_module_file(relative: str) -> Path:
    path = NODE_MODULES / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing: {INSTALL_HINT}", pytrace=False)
    return path


def vnu_command() -> list[str]:
    """The Nu Html Checker's command line, on the machine's Java."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing, so the Nu Html Checker cannot run: {INSTALL_HINT}",
                    pytrace=False)
    return [java, "-jar", str(node_module_file("vnu-jar/build/dist/vnu.jar"))]


def axe_source() -> str:
    """axe-core's browser bundle, to be injected into a page."""
    return node_module_file("axe-core/axe.min.js").read_text(encoding="utf-8")
