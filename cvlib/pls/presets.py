"""Ready-made inner models (paths) and measurement models (blocks) for the satisfaction indices.

Latent variables have the same names in every preset (``Image``,
``Expectation``, ``Quality``, ``Value``, ``Satisfaction``, ``Complaints``,
``Loyalty``) so a block dictionary written for one data set works with
either index model.

- ECSI (European Customer Satisfaction Index; Tenenhaus, Esposito Vinzi,
  Chatelin & Lauro 2005, Figure 6): the ACSI model plus ``Image``, which
  drives ``Expectation``, ``Satisfaction`` and ``Loyalty``.  Twelve paths.
- ACSI (American Customer Satisfaction Index; Fornell, Johnson, Anderson,
  Cha & Bryant 1996, Figure 1): expectations -> perceived quality -> perceived
  value -> satisfaction -> complaints / loyalty.  Nine paths.
- The bank model of the R package plspm (Sanchez 2013, PLS Path Modeling
  with R, ch. 2): ECSI without ``Complaints``.  Ten paths.
"""

from __future__ import annotations

__all__ = [
    "ECSI_PATHS",
    "ACSI_PATHS",
    "BANK_PATHS",
    "MOBI_BLOCKS",
    "MOBI_ACSI_BLOCKS",
    "BANK_BLOCKS",
    "PRESETS",
]

#: The ECSI inner model: (source, target) pairs (Tenenhaus et al. 2005, Fig. 6).
ECSI_PATHS: list[tuple[str, str]] = [
    ("Image", "Expectation"),
    ("Image", "Satisfaction"),
    ("Image", "Loyalty"),
    ("Expectation", "Quality"),
    ("Expectation", "Value"),
    ("Expectation", "Satisfaction"),
    ("Quality", "Value"),
    ("Quality", "Satisfaction"),
    ("Value", "Satisfaction"),
    ("Satisfaction", "Complaints"),
    ("Satisfaction", "Loyalty"),
    ("Complaints", "Loyalty"),
]

#: The ACSI inner model (Fornell et al. 1996, Fig. 1): ECSI without Image.
ACSI_PATHS: list[tuple[str, str]] = [p for p in ECSI_PATHS if "Image" not in p]

#: The plspm bank model (Sanchez 2013): ECSI without Complaints.
BANK_PATHS: list[tuple[str, str]] = [p for p in ECSI_PATHS if "Complaints" not in p]

#: Items of the ECSI mobile-phone survey (``cvlib.datasets.fetch_mobi()``) by latent variable.
MOBI_BLOCKS: dict[str, list[str]] = {
    "Image": ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
    "Expectation": ["CUEX1", "CUEX2", "CUEX3"],
    "Quality": ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"],
    "Complaints": ["CUSCO"],
    "Loyalty": ["CUSL1", "CUSL2", "CUSL3"],
}

#: The mobi blocks used by the ACSI model (no Image block).
MOBI_ACSI_BLOCKS: dict[str, list[str]] = {k: v for k, v in MOBI_BLOCKS.items() if k != "Image"}

#: Items of the plspm bank survey (``cvlib.datasets.fetch_bank_satisfaction()``) by latent variable.
BANK_BLOCKS: dict[str, list[str]] = {
    "Image": [f"imag{i}" for i in range(1, 6)],
    "Expectation": [f"expe{i}" for i in range(1, 6)],
    "Quality": [f"qual{i}" for i in range(1, 6)],
    "Value": [f"val{i}" for i in range(1, 5)],
    "Satisfaction": [f"sat{i}" for i in range(1, 5)],
    "Loyalty": [f"loy{i}" for i in range(1, 5)],
}

#: name -> (fetcher name in cvlib.datasets, paths, blocks), used by the PLS explorer.
PRESETS: dict[str, tuple[str, list[tuple[str, str]], dict[str, list[str]]]] = {
    "ECSI (mobi)": ("fetch_mobi", ECSI_PATHS, MOBI_BLOCKS),
    "ACSI (mobi, no Image)": ("fetch_mobi", ACSI_PATHS, MOBI_ACSI_BLOCKS),
    "ECSI (plspm bank)": ("fetch_bank_satisfaction", BANK_PATHS, BANK_BLOCKS),
}
