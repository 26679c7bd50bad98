"""Fixtures shared by several test modules (append yours below)."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tinymodel import build_argosmodel
except ImportError:  # tests/ imported as a package
    from tests.tinymodel import build_argosmodel


@pytest.fixture(scope="session")
def tiny_argosmodel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path to a tiny random-weight en→zh ``.argosmodel``, built once per session."""
    return build_argosmodel(tmp_path_factory.mktemp("tinymodel"))


@pytest.fixture
def argos_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, tiny_argosmodel: Path) -> Path:
    """A temp argos packages folder with the tiny model installed; returns the folder.

    ``ARGOS_PACKAGES_DIR`` points at it, and the XDG folders point into the same
    temp home, so anything that imports ``argostranslate.settings`` (which
    creates folders on import) stays out of the real home.
    """
    home = tmp_path_factory.mktemp("argos-home")
    packages = home / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(variable, str(home / folder))
    from l10n.engines.packages import install_model

    install_model(tiny_argosmodel, packages)
    return packages
