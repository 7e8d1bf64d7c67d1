"""Seeded generators of the workbook's own synthetic data sets.

One module per topic (``value.py``, ``cva.py``, ``satisfaction.py``,
``segments.py``, ``lifetime.py``, ``basics.py``); each defines ``DATASETS``,
a list of :class:`SyntheticData`.  ``python -m cvlib.datasets regenerate``
writes every set to ``data/<name>.csv``; ``cvlib.datasets.load_<name>()``
reads it back with the right types.  A generator is a pure function of its
fixed seed, so the committed CSV files can be proven equal to what the code
produces.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["SyntheticData", "catalogue"]


@dataclass(frozen=True)
class SyntheticData:
    """A synthetic data set: its name, generator, one-line description and column types.

    ``generate()`` returns the typed DataFrame.  ``dates`` lists the columns
    stored as ISO dates and ``categories`` the columns read back as pandas
    categoricals (their order of categories as generated).  Floats should be
    rounded by the generator to the decimals the CSV is meant to hold.
    ``columns`` is the data dictionary: every column's meaning, unit and how
    it was generated; ``data/README.md`` is written from it.
    """

    name: str
    generate: Callable[[], pd.DataFrame]
    description: str
    dates: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    notebook: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def catalogue() -> dict[str, SyntheticData]:
    """All synthetic data sets by name, collected from this package's modules."""
    found: dict[str, SyntheticData] = {}
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{mod.name}")
        for ds in getattr(module, "DATASETS", []):
            if ds.name in found:
                raise RuntimeError(f"synthetic data set {ds.name!r} is defined twice")
            found[ds.name] = ds
    return found
