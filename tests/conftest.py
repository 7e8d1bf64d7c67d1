"""Shared test set-up: published data comes from $CVLIB_DATA_HOME (never skipped when missing)."""

import os

import matplotlib

matplotlib.use("Agg")

os.environ.setdefault("MPLBACKEND", "Agg")
