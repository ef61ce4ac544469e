"""`cpm-desktop --version`: what a bundle's smoke test and a bug report ask first."""
from __future__ import annotations

from importlib import metadata

import pytest

from cpm_desktop import cli


def test_version_is_the_installed_distributions(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"cpm-desktop {metadata.version('cpm-desktop')}"
