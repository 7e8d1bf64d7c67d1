"""Exercises of notebook 05 (customer lifetime value).

Expected answers come from the formulas of the course slides and issue 5
(expected lifetime 1 / (1 - r), finite-horizon CLV, IRR), from the
published CDNOW summary (946 of 2,357 customers with a repeat purchase in
the calibration period) and from the published parameters of Fader & Hardie
(2007) and Fader, Hardie & Lee (2005), computed with cvlib when first
checked.
"""

from __future__ import annotations

from . import Exercise

__all__ = ["EXERCISES"]


def _lifetime_gain() -> float:
    from ..lifetime import expected_lifetime

    return expected_lifetime(0.85) - expected_lifetime(0.80)


def _years_to_90_percent() -> int:
    from ..lifetime import finite_horizon_clv, simple_clv

    target = 0.9 * simple_clv(334, 0.85, 0.12, timing="end")
    years = 1
    while finite_horizon_clv(334, 0.85, 0.12, years) < target:
        years += 1
    return years


def _irr() -> float:
    from ..lifetime import irr

    return irr([-51, 30, 42, 44, 49, 55])


def _no_repeat_share() -> float:
    from ..datasets import fetch_cdnow_summary

    return float((fetch_cdnow_summary()["frequency"] == 0).mean())


def _sbg_year12() -> float:
    from ..lifetime import ShiftedBetaGeometric

    model = ShiftedBetaGeometric.from_params(alpha=0.704, beta=1.182)
    return 1000 * float(model.survival(12))


def _bgnbd_expected() -> float:
    from ..lifetime import BetaGeo

    model = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    return float(model.expected_purchases(39, frequency=2, recency=30.43, T=38.86))


EXERCISES = [
    Exercise(
        id="05.1",
        title="expected lifetime gained by raising retention from 80% to 85%",
        expected=_lifetime_gain,
        tol=0.01,
        hint="expected lifetime is 1 / (1 - r) years; subtract the value at 0.80 from the value "
             "at 0.85 (rates as fractions, not percentages)",
    ),
    Exercise(
        id="05.2",
        title="horizon at which the finite CLV first reaches 90% of the infinite one",
        expected=_years_to_90_percent,
        tol=0,
        hint="compare finite_horizon_clv(334, 0.85, 0.12, T) with 0.9 * simple_clv(334, 0.85, "
             "0.12, timing='end') for T = 1, 2, ...; answer a whole number of years",
    ),
    Exercise(
        id="05.3",
        title="IRR of the acquisition cash flows -51, 30, 42, 44, 49, 55",
        expected=_irr,
        tol=0.0005,
        hint="irr() takes the cash flows with the outlay first; give the rate as a fraction "
             "(0.25 for 25%)",
    ),
    Exercise(
        id="05.4",
        title="share of CDNOW customers with no repeat purchase in the 39-week calibration",
        expected=_no_repeat_share,
        tol=0.0005,
        hint="summarize the log with calibration_end='1997-09-30' and take the mean of "
             "frequency == 0 (a share between 0 and 1)",
    ),
    Exercise(
        id="05.5",
        title="sBG: expected survivors of 1,000 regular customers at the start of year 12",
        expected=_sbg_year12,
        tol=0.5,
        hint="multiply the cohort size by the sBG survival S(12) = B(alpha, beta + 12) / "
             "B(alpha, beta), with the fitted alpha and beta",
    ),
    Exercise(
        id="05.6",
        title="BG/NBD: expected purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86",
        expected=_bgnbd_expected,
        tol=0.005,
        hint="use the model fitted on the CDNOW calibration summary and its "
             "expected_purchases(39, frequency=..., recency=..., T=...)",
    ),
]
