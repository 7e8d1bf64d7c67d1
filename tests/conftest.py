"""Shared test set-up: published data comes from $CVLIB_DATA_HOME (never skipped when missing)."""

import os

import matplotlib

matplotlib.use("Agg")

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402


@pytest.fixture
def kernel_display():
    """An IPython shell, so display() publishes display_data bundles (HTML tables) as in a kernel."""
    from IPython.core.interactiveshell import InteractiveShell

    had = InteractiveShell.initialized()
    shell = InteractiveShell.instance()
    yield shell
    if not had:
        InteractiveShell.clear_instance()
