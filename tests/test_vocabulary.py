"""The vocabulary of CONTRIBUTING.md, checked on the whole public API.

These tests walk every public function, method and result class of the
topic packages and of ``cvlib.plots`` and fail on a spelling the vocabulary
does not allow, so a new function cannot bring back a dialect.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pandas as pd
import pytest

from cvlib._results import ESTIMATE_COLUMNS, EstimateResult, Result

TOPICS = ["cvlib.value", "cvlib.cva", "cvlib.satisfaction", "cvlib.pls", "cvlib.segments", "cvlib.lifetime"]

# argument spellings the vocabulary replaced, and what to use instead
FORBIDDEN_ARGS = {
    "level": "ci",
    "tx": "transactions",
    "log": "transactions",
    "n_bootstrap": "n_boot",
    "n_resamples": "n_boot",
    "random_state": "seed",
    "rng": "seed",
}


def _modules(names):
    seen = {}
    for name in names:
        mod = importlib.import_module(name)
        seen[mod.__name__] = mod
        if hasattr(mod, "__path__"):
            for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + "."):
                seen[info.name] = importlib.import_module(info.name)
    return list(seen.values())


def _is_deprecated_alias(obj) -> bool:
    return (obj.__doc__ or "").startswith("Deprecated alias")


def _public(mod):
    names = getattr(mod, "__all__", None)
    if names is None:
        names = [n for n in vars(mod) if not n.startswith("_")]
    for n in names:
        obj = getattr(mod, n, None)
        module = getattr(obj, "__module__", "") or ""
        if obj is None or module.split(".")[0] != "cvlib" or _is_deprecated_alias(obj):
            continue
        if any(part.startswith("_") for part in module.split(".")[1:]) and not module.endswith("_base"):
            continue  # private helpers (e.g. cvlib.plots._fonts) are not the public API
        yield f"{mod.__name__}.{n}", obj


def _callables():
    """Every public function and public method of a public class in the topic packages."""
    out = {}
    for mod in _modules(TOPICS):
        for _qual, obj in _public(mod):
            if inspect.isfunction(obj):
                out[f"{obj.__module__}.{obj.__qualname__}"] = obj
            elif inspect.isclass(obj):
                for mname, meth in vars(obj).items():
                    if mname.startswith("_") or not inspect.isfunction(meth):
                        continue
                    out[f"{obj.__module__}.{obj.__qualname__}.{mname}"] = meth
    return out


CALLABLES = _callables()


def _params(func):
    return inspect.signature(func).parameters


def test_the_walk_finds_the_api():
    # a walk that found nothing would pass every test below
    assert len(CALLABLES) > 150


@pytest.mark.parametrize("name", sorted(CALLABLES))
def test_argument_spellings(name):
    params = _params(CALLABLES[name])
    bad = {p: FORBIDDEN_ARGS[p] for p in params if p in FORBIDDEN_ARGS}
    assert not bad, f"{name}: use {bad} (CONTRIBUTING.md, Vocabulary)"
    if "missing" in params:
        default = params["missing"].default
        assert default in ("raise", inspect.Parameter.empty), (
            f"{name}: missing= defaults to {default!r}; the vocabulary's default is 'raise'")
    if "ci" in params and params["ci"].default is not inspect.Parameter.empty:
        # None on a result's method means "the level the result was computed at"
        allowed = (0.95, None) if name.count(".") > 1 and name.split(".")[-2][:1].isupper() else (0.95,)
        assert params["ci"].default in allowed, f"{name}: ci= defaults to {params['ci'].default!r}"
    if "seed" in params:
        assert params["seed"].default in (None, inspect.Parameter.empty), (
            f"{name}: seed= defaults to {params['seed'].default!r}; the vocabulary's default is None")
    if "alpha" in params and name.endswith(".conf_int"):
        assert params["alpha"].default == 0.05
    if name.endswith(".bootstrap"):
        assert "n_boot" in params, f"{name}: the number of resamples is n_boot="


def test_no_resample_count_called_n():
    # n= for resamples was the bootstrap's old spelling; n_boot everywhere
    bad = [n for n, f in CALLABLES.items() if "boot" in n and "n" in _params(f)]
    assert not bad, bad


def _plot_functions():
    out = {}
    for mod in _modules(["cvlib.plots"]):
        for _qual, obj in _public(mod):
            if inspect.isfunction(obj) and obj.__name__.startswith("plot_"):
                out[f"{obj.__module__}.{obj.__name__}"] = obj
    return out


PLOTS = _plot_functions()


def test_plot_functions_are_named_plot_():
    assert len(PLOTS) > 30
    others = []
    for mod in _modules(["cvlib.plots"]):
        for qual, obj in _public(mod):
            if inspect.isfunction(obj) and not obj.__name__.startswith(("plot_", "pls_layout")):
                others.append(qual)
    assert not others, f"public plot functions not named plot_*: {others}"


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_plot_signature(name):
    params = list(_params(PLOTS[name]).values())
    assert params and params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, (
        f"{name}: the first argument is the result or data")
    by_name = {p.name: p for p in params}
    assert "ax" in by_name, f"{name}: no ax="
    assert by_name["ax"].kind is inspect.Parameter.KEYWORD_ONLY and by_name["ax"].default is None, (
        f"{name}: ax must be keyword-only with default None: plot_x(data, *, ax=None, **kwargs)")
    assert params[-1].kind is inspect.Parameter.VAR_KEYWORD, (
        f"{name}: pass **kwargs on to matplotlib: plot_x(data, *, ax=None, **kwargs)")


def _result_classes():
    out = {}
    for mod in _modules(TOPICS):
        for _qual, obj in _public(mod):
            if inspect.isclass(obj) and hasattr(obj, "summary") and not issubclass(obj, BaseException):
                out[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return out


RESULTS = _result_classes()


def test_every_result_class_uses_the_results_base():
    assert len(RESULTS) > 20
    bad = [n for n, c in RESULTS.items() if not issubclass(c, Result)]
    assert not bad, f"result classes not built on cvlib._results.Result: {bad}"


def test_estimate_results_have_params_and_conf_int():
    estimates = {n: c for n, c in RESULTS.items() if issubclass(c, EstimateResult)}
    assert len(estimates) >= 8, sorted(estimates)
    with_conf_int = {n: c for n, c in RESULTS.items() if hasattr(c, "conf_int")}
    assert set(estimates) <= set(with_conf_int)
    for name, cls in with_conf_int.items():
        params = list(inspect.signature(cls.conf_int).parameters.values())[1:]
        assert params and params[0].name == "alpha" and params[0].default == 0.05, (
            f"{name}.conf_int(alpha=0.05): got {[p.name for p in params]}")
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:]), (
            f"{name}.conf_int: options after alpha are keyword-only")


def test_estimate_summaries_on_real_fits():
    """summary() and conf_int() of fitted estimates have the vocabulary's columns."""
    from cvlib import cva, datasets, lifetime, pls, satisfaction

    cdnow = datasets.fetch_cdnow_summary()
    fits = [
        lifetime.BetaGeo().fit(cdnow),
        pls.estimate(datasets.fetch_mobi(), paths=pls.ECSI_PATHS, blocks=pls.MOBI_BLOCKS),
    ]
    survey = datasets.load("acsi_survey")
    fits.append(satisfaction.satisfaction_index(survey, ["CUSA1", "CUSA2", "CUSA3"], by="company",
                                                missing="available", n_boot=50, seed=1))
    deals = datasets.load("cva_car_deals")
    fits.append(cva.win_loss(deals, ["reliability", "performance", "comfort", "dealer_service",
                                     "purchase_price"], missing="drop"))
    for fit in fits:
        if not isinstance(fit, EstimateResult):
            pytest.fail(f"{type(fit).__name__} is not an EstimateResult")
        table = fit.summary()
        assert isinstance(table, pd.DataFrame)
        assert list(table.columns[:4]) == ESTIMATE_COLUMNS, (type(fit).__name__, list(table.columns))
        ci = fit.conf_int()
        assert list(ci.columns) == ["ci_low", "ci_high"]
        known = ci.dropna()  # a PLS model has intervals only after bootstrap()
        assert (known["ci_low"] <= known["ci_high"]).all()
        assert repr(fit) and fit._repr_html_()

