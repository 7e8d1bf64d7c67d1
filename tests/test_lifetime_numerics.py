"""Numerical stability of the lifetime models over wide parameter and data ranges (issue 11, class 1).

Every prediction must be finite and in range for any valid parameters and histories: P(alive) in
[0, 1]; expected purchases finite, non-negative, non-decreasing in t and below the purchases of a
customer who never drops out; published values reproduced.  Each hypothesis example checks a
vector of customer histories at once (frequency up to 10,000, T and t up to 10,000), so a few
thousand cases run in a few seconds.

Sources of the asserted numbers:
- Fader, Hardie & Lee (2005), "Implementing the BG/NBD model for customer base analysis in Excel"
  (brucehardie.com note 004): with the CDNOW estimates r 0.243, alpha 4.414, a 0.793, b 2.426, the
  customer x = 2, t_x = 30.43, T = 38.86 makes 1.226 expected purchases in the next 39 weeks.
- Issue 11: at a = 1 the same customer's expectation is finite, 1.102 (its value at a = 1 -+ 1e-7).
- Invariants: the BG/NBD conditional expectation equals a Beta integral over the dropout
  probability (E[Y(t) | alive] = E_p[(1 - (1 + p t / (alpha + T))^-(r + x)) / p], p ~ Beta(a, b + x));
  the Pareto/NBD formulas with and without Euler's transformation agree where neither overflows;
  Gamma-Gamma's expected spend is a weighted average of the population mean and the customer's.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate
from scipy.special import betaln, hyp2f1

from cvlib.lifetime import BetaGeo, BetaGeoBeta, GammaGamma, ParetoNBD, ShiftedBetaGeometric

N_CASES = 200          # histories per hypothesis example
CDNOW_BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}

# positive parameters over four orders of magnitude, with the special values that broke the
# formulas (a = 1, gamma = 1, s = 1) drawn often
param = st.floats(0.01, 100.0, allow_nan=False, allow_infinity=False)
special = st.sampled_from([1.0, 1.0 + 1e-9, 1.0 - 1e-7, 0.5, 2.0])
maybe_one = st.one_of(param, special)
seeds = st.integers(0, 2**32 - 1)


def histories(seed: int, n: int = N_CASES, max_x: int = 10_000, max_time: float = 10_000.0):
    """Frequency, recency, T and two horizons t1 < t2: light and heavy buyers, short and long times."""
    rng = np.random.default_rng(seed)
    heavy = rng.random(n) < 0.5
    x = np.where(heavy, rng.integers(0, max_x + 1, n), rng.integers(0, 20, n)).astype(float)
    T = np.exp(rng.uniform(np.log(1e-3), np.log(max_time), n))
    tx = np.where(x > 0, rng.random(n) * T, 0.0)
    tx[:5] = np.where(x[:5] > 0, T[:5], 0.0)          # a purchase on the last day
    t1 = np.exp(rng.uniform(np.log(1e-3), np.log(max_time), n))
    t1[:3] = 0.0
    t2 = t1 * np.exp(rng.uniform(0.0, 3.0, n)) + rng.uniform(0.0, 10.0, n)
    return x, tx, T, t1, t2


def check_purchase_model(model, x, tx, T, t1, t2, rate_bound):
    p = np.asarray(model.p_alive(x, tx, T))
    assert np.isfinite(p).all() and (p >= 0).all() and (p <= 1).all()
    e1 = np.asarray(model.expected_purchases(t1, x, tx, T))
    e2 = np.asarray(model.expected_purchases(t2, x, tx, T))
    assert np.isfinite(e1).all() and np.isfinite(e2).all()
    assert (e1 >= 0).all()
    assert (e2 >= e1 * (1 - 1e-9) - 1e-12).all()           # non-decreasing in t
    # never more than a live customer who never drops out: P(alive) x E[lambda] x t
    bound = p * rate_bound * t2
    assert (e2 <= bound * (1 + 1e-8) + 1e-10).all()
    u1 = np.asarray(model.unconditional_expected_purchases(t1))
    u2 = np.asarray(model.unconditional_expected_purchases(t2))
    assert np.isfinite(u1).all() and (u1 >= 0).all() and (u2 >= u1 * (1 - 1e-9) - 1e-12).all()


# ------------------------------------------------------------------ BG/NBD


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(param, param, maybe_one, param, seeds)
def test_bgnbd_predictions_finite_and_in_range(r, alpha, a, b, seed):
    model = BetaGeo.from_params(r=r, alpha=alpha, a=a, b=b)
    x, tx, T, t1, t2 = histories(seed)
    check_purchase_model(model, x, tx, T, t1, t2, (r + x) / (alpha + T))


def _alive_purchases_by_integration(r, alpha, a, b, x, T, t):
    """E[Y(t) | alive, x, T] as a Beta integral over the dropout probability p (no hypergeometric).

    QUADPACK's algebraic weights take the Beta density's endpoint singularities; the mode of
    the density and the scale 1 / k of the integrand are given as break points.
    """
    k, n = t / (alpha + T), r + x
    lb = betaln(a, b + x)
    e1, e2 = (a - 1 if a >= 1 else 0.0), (b + x - 1 if b + x >= 1 else 0.0)
    weights = (a - 1 if a < 1 else 0.0, b + x - 1 if b + x < 1 else 0.0)

    def integrand(p):
        if p <= 0:
            return 0.0 if e1 else np.exp(-lb) * n * k
        log_w = (e1 * np.log(p) if e1 else 0.0) + (e2 * np.log1p(-p) if e2 else 0.0) - lb
        return np.exp(log_w) * -np.expm1(-n * np.log1p(k * p)) / p

    points = ([(a - 1) / (a + b + x - 2)] if a > 1 and b + x > 1 else []) + ([1 / k] if k > 1 else [])
    points = sorted(p for p in points if 0 < p < 1) or None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", integrate.IntegrationWarning)
        if weights == (0.0, 0.0):
            value, _ = integrate.quad(integrand, 0.0, 1.0, points=points, limit=500, epsabs=0.0,
                                      epsrel=1e-12)
        else:
            value, _ = integrate.quad(integrand, 0.0, 1.0, weight="alg", wvar=weights, limit=500,
                                      epsabs=0.0, epsrel=1e-12)
    return value


@settings(max_examples=60, deadline=None)
@given(st.floats(0.05, 20), st.floats(0.1, 50), maybe_one, st.floats(0.05, 50),
       st.integers(0, 5000), st.floats(0.5, 5000), st.floats(0.0, 1.0), st.floats(0.1, 5000))
def test_bgnbd_expectation_equals_its_integral_form(r, alpha, a, b, x, T, frac, t):
    model = BetaGeo.from_params(r=r, alpha=alpha, a=a, b=b)
    tx = frac * T if x > 0 else 0.0
    alive = model.p_alive(x, tx, T)
    expected = alive * _alive_purchases_by_integration(r, alpha, a, b, x, T, t)
    assert model.expected_purchases(t, x, tx, T) == pytest.approx(expected, rel=1e-6, abs=1e-12)


def test_bgnbd_published_expectation_and_the_issue_examples():
    bg = BetaGeo.from_params(**CDNOW_BG)
    # Fader, Hardie & Lee (2005), BG/NBD in Excel (note 004): 1.226
    assert round(bg.expected_purchases(39, 2, 30.43, 38.86), 3) == 1.226
    # a = 1 exactly: finite, and the limit of a -> 1 from both sides (1.102, issue 11)
    at_one = BetaGeo.from_params(r=0.243, alpha=4.414, a=1.0, b=2.426)
    e = at_one.expected_purchases(39, 2, 30.43, 38.86)
    sides = [BetaGeo.from_params(r=0.243, alpha=4.414, a=1 + h, b=2.426).expected_purchases(
        39, 2, 30.43, 38.86) for h in (-1e-7, 1e-7)]
    assert np.isfinite(e) and round(e, 3) == 1.102
    assert e == pytest.approx(np.mean(sides), rel=1e-7)
    assert np.isfinite(at_one.unconditional_expected_purchases(39))
    # heavy buyers: 600 and 700 repeat purchases in 39 weeks (inf and nan before)
    for x in (600, 700, 10_000):
        value = bg.expected_purchases(104, x, 38.9, 39)
        assert np.isfinite(value) and 0 < value < (0.243 + x) / (4.414 + 39) * 104
    # a + b = 1 with no repeat purchase: the hypergeometric's c = a + b - 1 = 0
    half = BetaGeo.from_params(r=0.5, alpha=2.0, a=0.5, b=0.5)
    value = half.unconditional_expected_purchases(10.0)
    assert np.isfinite(value) and value == pytest.approx(
        _alive_purchases_by_integration(0.5, 2.0, 0.5, 0.5, 0, 0.0, 10.0), rel=1e-6)


# ------------------------------------------------------------------ Pareto/NBD


@settings(max_examples=25, deadline=None)
@given(param, param, maybe_one, param, seeds)
def test_pareto_nbd_predictions_finite_and_in_range(r, alpha, s, beta, seed):
    model = ParetoNBD.from_params(r=r, alpha=alpha, s=s, beta=beta)
    x, tx, T, t1, t2 = histories(seed)
    check_purchase_model(model, x, tx, T, t1, t2, (r + x) / (alpha + T))


def _pnbd_p_alive_untransformed(r, al, s, be, x, tx, T):
    """P(alive) from eq. 22-23 of Fader & Hardie (2005) as printed, without Euler's transformation."""
    rsx = r + s + x
    if al >= be:
        def f(y):
            return hyp2f1(rsx, s + 1, rsx + 1, (al - be) / (al + y)) / (al + y) ** rsx
    else:
        def f(y):
            return hyp2f1(rsx, r + x, rsx + 1, (be - al) / (be + y)) / (be + y) ** rsx
    a0 = f(tx) - f(T)
    return 1 / (1 + s / rsx * (al + T) ** (r + x) * (be + T) ** s * a0)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.1, 5), st.floats(0.5, 20), st.floats(0.1, 5), st.floats(0.5, 20),
       st.integers(0, 15), st.floats(0.5, 60), st.floats(0.0, 1.0))
def test_pareto_nbd_p_alive_agrees_with_the_printed_formula(r, alpha, s, beta, x, T, frac):
    tx = frac * T if x > 0 else 0.0
    model = ParetoNBD.from_params(r=r, alpha=alpha, s=s, beta=beta)
    expected = _pnbd_p_alive_untransformed(r, alpha, s, beta, x, tx, T)
    assert model.p_alive(x, tx, T) == pytest.approx(expected, rel=1e-7, abs=1e-12)


def test_pareto_nbd_issue_example_is_a_probability():
    # 106 purchases in the first 0.1 periods, then silence until T = 1 (nan before)
    model = ParetoNBD.from_params(r=1, alpha=1, s=1, beta=11)
    p = model.p_alive(106, 0.1, 1.0)
    assert np.isfinite(p) and 0 <= p < 0.01             # such a buyer going silent is gone
    assert model.p_alive(106, 1.0, 1.0) > 0.9           # the same buyer still buying on day T
    e = model.expected_purchases(10, 106, 0.1, 1.0)
    assert np.isfinite(e) and 0 <= e < 1


# ------------------------------------------------------------------ Gamma-Gamma


@settings(max_examples=60, deadline=None)
@given(st.floats(0.05, 50), st.floats(0.05, 50), st.floats(0.05, 500), seeds)
def test_gamma_gamma_expected_spend_is_a_weighted_average_or_refused(p, q, gamma, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 10_001, N_CASES).astype(float)
    z = np.exp(rng.uniform(np.log(0.01), np.log(1e5), N_CASES))
    model = GammaGamma.from_params(p=p, q=q, gamma=gamma)
    defined = p * x + q > 1
    if not defined.all():
        with pytest.raises(ValueError, match="p x \\+ q > 1"):
            model.expected_spend(x, z)
    spend = np.asarray(model.expected_spend(x[defined], z[defined]))
    assert np.isfinite(spend).all() and (spend > 0).all()
    if q > 1:
        pop = model.mean_spend
        low, high = np.minimum(pop, z[defined]), np.maximum(pop, z[defined])
        assert ((spend >= low * (1 - 1e-9)) & (spend <= high * (1 + 1e-9))).all()
    else:
        assert model.mean_spend == np.inf
        with pytest.raises(ValueError, match="no mean"):
            model.expected_spend(0, 0)


def test_gamma_gamma_q_below_one_never_gives_a_negative_spend():
    model = GammaGamma.from_params(p=0.2, q=0.5, gamma=10)
    with pytest.raises(ValueError, match="infinite"):
        model.expected_spend(1, 20.0)               # p x + q = 0.7 <= 1
    assert model.expected_spend(3, 20.0) > 0        # p x + q = 1.1


# ------------------------------------------------------------------ sBG and BG/BB


@settings(max_examples=60, deadline=None)
@given(maybe_one, param, st.floats(1e-4, 1.0))
def test_sbg_survival_and_values_in_range(alpha, beta, d):
    model = ShiftedBetaGeometric.from_params(alpha=alpha, beta=beta)
    t = np.arange(0, 10_001)
    s = np.asarray(model.survival(t))
    assert np.isfinite(s).all() and s[0] == 1 and (s >= 0).all() and (np.diff(s) <= 0).all()
    r = np.asarray(model.retention_rate(t[1:]))
    assert ((r > 0) & (r < 1)).all() and (np.diff(r) >= 0).all()
    del_ = model.discounted_expected_lifetime(d)
    assert np.isfinite(del_) and 1 <= del_ <= (1 + d) / d * (1 + 1e-9)


@settings(max_examples=30, deadline=None)
@given(param, param, maybe_one, param, seeds)
def test_bgbb_predictions_finite_and_in_range(alpha, beta, gamma, delta, seed):
    rng = np.random.default_rng(seed)
    n = rng.integers(1, 101, N_CASES).astype(float)
    tx = np.floor(rng.random(N_CASES) * (n + 1))
    x = np.floor(rng.random(N_CASES) * (tx + 1))
    tx = np.where(x == 0, 0.0, tx)
    model = BetaGeoBeta.from_params(alpha=alpha, beta=beta, gamma=gamma, delta=delta)
    p = np.asarray(model.p_alive(x, tx, n))
    assert np.isfinite(p).all() and (p >= 0).all() and (p <= 1 + 1e-12).all()
    t1 = rng.integers(0, 50, N_CASES).astype(float)
    t2 = t1 + rng.integers(0, 1000, N_CASES)
    e1 = np.asarray(model.expected_purchases(t1, x, tx, n))
    e2 = np.asarray(model.expected_purchases(t2, x, tx, n))
    assert np.isfinite(e1).all() and (e1 >= -1e-12).all()
    assert (e2 >= e1 * (1 - 1e-9) - 1e-12).all()
    assert (e2 <= t2 + 1e-9).all()                   # at most one transaction per opportunity


def test_bgbb_gamma_equal_to_one_is_the_limit():
    # gamma = 1 made delta / (gamma - 1) x 0 a 0/0; the limit is finite and continuous
    params = {"alpha": 1.204, "beta": 0.750, "delta": 2.783}
    at_one = BetaGeoBeta.from_params(gamma=1.0, **params)
    sides = [BetaGeoBeta.from_params(gamma=1 + h, **params) for h in (-1e-5, 1e-5)]
    e = at_one.expected_purchases(5, 3, 5, 6)
    assert np.isfinite(e) and e == pytest.approx(np.mean([m.expected_purchases(5, 3, 5, 6)
                                                          for m in sides]), rel=1e-8)
    u = at_one.unconditional_expected_purchases(np.arange(1, 12))
    assert np.isfinite(u).all() and (np.diff(u) > 0).all()


def test_bgnbd_expected_purchases_shares_work_across_recency_exactly():
    """Customers differing only in recency share E[Y(t) | alive]: the grouped path equals one by one."""
    from cvlib.datasets import fetch_cdnow_summary
    from cvlib.lifetime import BetaGeo

    s = fetch_cdnow_summary()
    bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    horizons = np.arange(1, 13)[:, None] * 4.35
    together = bg.expected_purchases(horizons, s["frequency"].to_numpy(), s["recency"].to_numpy(),
                                     s["T"].to_numpy())
    rows = s.iloc[:200]
    alone = np.column_stack([bg.expected_purchases(horizons[:, 0], f, r, t)
                             for f, r, t in rows[["frequency", "recency", "T"]].to_numpy()])
    np.testing.assert_allclose(together[:, :200], alone, rtol=1e-12, atol=0)
