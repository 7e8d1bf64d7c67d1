"""Exercises of notebook 03 (satisfaction measurement and satisfaction indices).

Expected answers are computed with cvlib, when first checked, from the
workbook's synthetic surveys (``acsi_survey``, ``service_attributes``,
``kano_survey``) with the formulas of the sources: the ACSI rescaling
(Fornell et al. 1996), the NPS and its standard error (Reichheld 2003; the
multinomial variance of a difference of shares), Berger et al.'s (1993) Kano
coefficients and Martilla & James's (1977) quadrants.  The mobi exercise's
answer is the published finding that item CUSL2 loads about 0.20 on Loyalty
(Tenenhaus et al. 2005; see ``../shared/datasets/README.md``).
"""

from __future__ import annotations

from . import Exercise

__all__ = ["EXERCISES"]


def _jade_index() -> float:
    from ..datasets import load_acsi_survey
    from ..satisfaction import satisfaction_index

    d = load_acsi_survey()
    res = satisfaction_index(d[d["company"] == "Jade Mobile"], ["CUSA1", "CUSA2", "CUSA3"],
                             n_boot=0)
    return float(res.params["all"])


def _orchid_nps() -> list[float]:
    from ..datasets import load_acsi_survey
    from ..satisfaction import nps

    t = nps(load_acsi_survey(), "recommend", by="company").set_index("segment")
    return [float(t.loc["Orchid Net", "nps"]), float(t.loc["Orchid Net", "se"])]


def _must_be_features() -> list[str]:
    from ..datasets import load_kano_survey
    from ..satisfaction import kano_table

    t = kano_table(load_kano_survey())
    return [str(f) for f in t.loc[t["category"] == "M", "feature"]]


def _concentrate_here() -> list[str]:
    import pandas as pd

    from ..datasets import load_service_attributes
    from ..satisfaction import ipa, item_summary
    from ..synthetic.satisfaction import SERVICE_ATTRIBUTES

    d = load_service_attributes()
    stems = [s for s, *_ in SERVICE_ATTRIBUTES]
    perf = item_summary(d, [f"perf_{s}" for s in stems])["mean"].to_numpy()
    imp = item_summary(d, [f"imp_{s}" for s in stems])["mean"].to_numpy()
    res = ipa(pd.DataFrame({"attribute": stems, "importance": imp, "performance": perf}))
    return res.table.loc[res.table["quadrant"] == "Concentrate here", "attribute"].tolist()


EXERCISES = [
    Exercise(
        id="03.1",
        title="equal-weight satisfaction index (0-100) of Jade Mobile from CUSA1-CUSA3",
        expected=_jade_index,
        tol=0.01,
        hint="keep Jade Mobile's respondents, take each item's mean over those who answered it, "
             "rescale (mean - 1) / 9 x 100 and average the three with weights 1/3 "
             "(satisfaction_index(..., n_boot=0))",
    ),
    Exercise(
        id="03.2",
        title="NPS and its standard error for Orchid Net, as [nps, se]",
        expected=_orchid_nps,
        tol=0.01,
        hint="promoters answer 9-10, detractors 0-6, over those who answered; "
             "SE = sqrt((pP + pD - (pP - pD)^2) / n) x 100; both in points (-100..100)",
    ),
    Exercise(
        id="03.3",
        title="the must-be features of the Kano survey",
        expected=_must_be_features,
        kind="choice",
        hint="classify every answer pair with the Kano evaluation table, take each feature's "
             "most frequent category (kano_table) and list the features whose category is 'M'",
    ),
    Exercise(
        id="03.4",
        title="attributes in the 'Concentrate here' quadrant (stated importance, mean cut-lines)",
        expected=_concentrate_here,
        kind="choice",
        hint="importance = mean of imp_<attribute>, performance = mean of perf_<attribute>; "
             "cut both axes at the mean over the eight attributes; 'Concentrate here' is high "
             "importance and low performance; answer the attribute names without the prefix",
    ),
    Exercise(
        id="03.5",
        title="the mobi loyalty item that weakens the Loyalty block's reliability",
        expected="CUSL2",
        kind="choice",
        hint="look at the loadings of CUSL1-CUSL3 in res.outer, or at Cronbach's alpha if the "
             "item is deleted (cvlib.pls.item_analysis)",
    ),
]
