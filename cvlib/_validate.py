"""Input checks shared by every topic module.

Each helper raises a ``ValueError`` (or ``TypeError``) whose message names
what is wrong (the column, the offending values, the row count) and what is
expected, so a student can act on it.  None of them modifies its input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "require_frame",
    "require_columns",
    "require_numeric",
    "require_no_missing",
    "require_in_range",
    "require_positive",
    "require_probability",
    "require_weights",
    "parse_dates",
    "parse_date",
    "MISSING_POLICIES",
    "check_option",
    "check_missing",
    "check_ci",
    "check_n_boot",
    "as_rng",
    "check_share",
    "renamed_args",
    "group_labels",
    "deprecated_alias",
]


def _preview(values: Iterable, n: int = 5) -> str:
    values = list(values)
    shown = ", ".join(repr(v) for v in values[:n])
    return f"[{shown}{', ...' if len(values) > n else ''}]"


def require_frame(data, name: str = "data") -> pd.DataFrame:
    """Return ``data`` if it is a DataFrame, else raise a TypeError naming ``name``."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(data).__name__}")
    return data


def require_columns(data: pd.DataFrame, columns: Sequence[str], what: str = "data") -> None:
    """Raise a ValueError listing the columns of ``columns`` missing from ``data``."""
    require_frame(data, what)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"{what} has no column(s) {missing}; available columns are "
            f"{list(map(str, data.columns))}. Pass the right column name as an argument "
            f"(e.g. customer=..., date=..., amount=...)."
        )


def require_numeric(data: pd.DataFrame, columns: Sequence[str], what: str = "data") -> None:
    """Raise a TypeError for any of ``columns`` that is not numeric, showing bad values."""
    for c in columns:
        s = data[c]
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            bad = s[pd.to_numeric(s, errors="coerce").isna() & s.notna()].unique()
            raise TypeError(
                f"column {c!r} of {what} must be numeric, got dtype {s.dtype}"
                + (f" with non-numeric values {_preview(bad)}" if len(bad) else "")
            )


def require_no_missing(data: pd.DataFrame, columns: Sequence[str], what: str = "data") -> None:
    """Raise a ValueError naming each column with missing values and their row count."""
    counts = data[list(columns)].isna().sum()
    counts = counts[counts > 0]
    if len(counts):
        detail = ", ".join(f"{c!r}: {n} row(s)" for c, n in counts.items())
        raise ValueError(
            f"{what} has missing values ({detail}); drop or impute them first, "
            f"or pass missing='drop' where the function offers it"
        )


def require_in_range(
    values, low: float, high: float, name: str, *, inclusive: bool = True
) -> None:
    """Raise a ValueError if any of ``values`` lies outside [low, high] (or (low, high))."""
    arr = np.asarray(values, dtype=float)
    finite = arr[~np.isnan(arr)]
    bad = (finite < low) | (finite > high) if inclusive else (finite <= low) | (finite >= high)
    if bad.any():
        interval = f"[{low}, {high}]" if inclusive else f"({low}, {high})"
        raise ValueError(
            f"{name} must lie in {interval}, got {int(bad.sum())} value(s) outside: "
            f"{_preview(finite[bad].tolist())}"
        )


def require_positive(values, name: str, *, strict: bool = True) -> None:
    """Raise a ValueError if any of ``values`` is negative (or zero when ``strict``)."""
    arr = np.asarray(values, dtype=float)
    bad = arr <= 0 if strict else arr < 0
    if bad.any():
        kind = "positive (> 0)" if strict else "non-negative (>= 0)"
        raise ValueError(
            f"{name} must be {kind}, got {int(bad.sum())} offending value(s): "
            f"{_preview(arr[bad].tolist())}"
        )


def require_probability(value: float, name: str, *, open_interval: bool = True) -> float:
    """Return ``value`` as float if it is a probability in (0, 1) (or [0, 1])."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r}") from None
    ok = 0 < v < 1 if open_interval else 0 <= v <= 1
    if not ok:
        interval = "(0, 1)" if open_interval else "[0, 1]"
        hint = " (give a rate such as 0.85, not a percentage such as 85)" if v > 1 else ""
        raise ValueError(f"{name} must lie in {interval}, got {v}{hint}")
    return v


def require_weights(
    weights, labels: Sequence[str], *, total: float = 100.0, normalize: bool = False,
    name: str = "weights", tol: float = 1e-6,
) -> np.ndarray:
    """Check importance weights and return them as floats summing to ``total``.

    Weights must be finite and non-negative.  If they do not sum to ``total``
    a ValueError names the sum and the labels, unless ``normalize=True``, in
    which case they are rescaled proportionally.
    """
    w = np.asarray(weights, dtype=float)
    if np.isnan(w).any():
        raise ValueError(f"{name} has missing values for {[labels[i] for i in np.flatnonzero(np.isnan(w))]}")
    if (w < 0).any():
        raise ValueError(
            f"{name} must be non-negative, got {w[w < 0].tolist()} for "
            f"{[labels[i] for i in np.flatnonzero(w < 0)]}"
        )
    s = float(w.sum())
    if s <= 0:
        raise ValueError(f"{name} sum to {s}; at least one weight must be positive")
    if abs(s - total) > tol * max(1.0, total):
        if not normalize:
            raise ValueError(
                f"{name} must sum to {total:g}, got {s:g} for {list(labels)}; "
                f"pass normalize=True to rescale"
            )
        w = w * (total / s)
    return w


def parse_dates(values, name: str = "date", *, not_after=None) -> pd.Series:
    """Parse ``values`` to datetimes, refusing unparseable and (optionally) future dates.

    ``not_after`` defaults to today: a transaction dated in the future is an
    input error.  Pass ``not_after=False`` to skip that check.
    """
    s = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s
    else:
        out = pd.to_datetime(s, errors="coerce")
        bad = out.isna() & s.notna()
        if bad.any():
            raise ValueError(
                f"column {name!r} has {int(bad.sum())} value(s) that are not dates: "
                f"{_preview(s[bad].unique().tolist())}; expected dates such as '2024-03-31'"
            )
    if out.isna().any():
        raise ValueError(f"column {name!r} has {int(out.isna().sum())} missing date(s)")
    if not_after is not False:
        limit = pd.Timestamp.today().normalize() + pd.Timedelta(days=1) if not_after is None else pd.Timestamp(not_after)
        future = out > limit
        if future.any():
            raise ValueError(
                f"column {name!r} has {int(future.sum())} date(s) after {limit.date()}: "
                f"{_preview(out[future].dt.date.unique().tolist())}; dates in the future are not allowed"
            )
    return out


def parse_date(value, name: str) -> pd.Timestamp:
    """Parse one date argument (str, date or Timestamp), with a clear error."""
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2024-12-31', got {value!r}") from None
    if pd.isna(ts):
        raise ValueError(f"{name} must be a date such as '2024-12-31', got {value!r}")
    return ts


# ----------------------------------------------------------------- the shared vocabulary
# One spelling of each common argument (CONTRIBUTING.md, "Vocabulary"); every public
# function checks it through these helpers, so the errors read the same everywhere.

#: The values of ``missing=`` that every function understands.
MISSING_POLICIES = ("raise", "drop", "available")
_OLD_MISSING = {"error": "raise", "listwise": "drop"}


def check_option(value, name: str, allowed: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``allowed``, else a ValueError listing the choices."""
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {choices}; got {value!r}")
    return value


def check_missing(missing, allowed: Sequence[str] = MISSING_POLICIES) -> str:
    """Check a ``missing=`` policy: ``"raise"`` (default everywhere), ``"drop"``, ``"available"``.

    ``"raise"`` stops with the count of missing values, ``"drop"`` drops the
    incomplete rows (listwise), ``"available"`` uses every available value
    (pairwise / per item).  A function that supports only some of them passes
    ``allowed``.  The old spellings ``"error"`` and ``"listwise"`` still work
    for one release, with a FutureWarning.
    """
    if isinstance(missing, str) and missing in _OLD_MISSING and _OLD_MISSING[missing] in allowed:
        import warnings

        new = _OLD_MISSING[missing]
        warnings.warn(f"missing={missing!r} is deprecated; use missing={new!r}",
                      FutureWarning, stacklevel=3)
        return new
    return check_option(missing, "missing", allowed)


def check_ci(ci) -> float:
    """Check a confidence level ``ci`` in (0, 1), e.g. 0.95; refuse 95 with a hint."""
    if isinstance(ci, bool):
        raise TypeError(f"ci must be a confidence level such as 0.95, got {ci!r}")
    try:
        v = float(ci)
    except (TypeError, ValueError):
        raise TypeError(f"ci must be a confidence level such as 0.95, got {ci!r}") from None
    if not 0 < v < 1:
        hint = f" (give {v / 100:g}, not {v:g})" if 1 < v < 100 else ""
        raise ValueError(f"ci must be a confidence level in (0, 1) such as 0.95, got {ci!r}{hint}")
    return v


def check_n_boot(n_boot, *, minimum: int = 1) -> int:
    """Check a number of bootstrap resamples (or permutations): a whole number >= ``minimum``."""
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer):
        if isinstance(n_boot, float) and n_boot.is_integer():
            n_boot = int(n_boot)
        else:
            raise TypeError(f"n_boot must be a whole number of resamples such as 1000, got {n_boot!r}")
    if n_boot < minimum:
        raise ValueError(f"n_boot must be at least {minimum}, got {n_boot}")
    return int(n_boot)


def as_rng(seed=None) -> np.random.Generator:
    """The random generator for ``seed``: None (fresh entropy), an int, or a Generator."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise TypeError(f"seed must be None, an integer or a numpy Generator, got {seed!r}")
    return np.random.default_rng(seed)


def check_share(value, name: str, *, allow_zero: bool = True, allow_one: bool = True) -> float:
    """Check one share, rate or margin given as a fraction (0.4, not 40); return it as float.

    A value above 1 that would make sense as a percentage gets the hint
    "give 0.4, not 40"; negative values are refused.
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r}")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r}") from None
    low_ok = v >= 0 if allow_zero else v > 0
    high_ok = v <= 1 if allow_one else v < 1
    if not (np.isfinite(v) and low_ok and high_ok):
        interval = ("[" if allow_zero else "(") + "0, 1" + ("]" if allow_one else ")")
        hint = f" (a fraction: give {v / 100:g} for {v:g}%, not {v:g})" if 1 < v <= 100 else ""
        raise ValueError(f"{name} must lie in {interval}, got {value!r}{hint}")
    return v


def renamed_args(**renames: str):
    """Decorator: accept old keyword names for one release, with a FutureWarning.

    >>> @renamed_args(log="transactions")
    ... def f(transactions):
    ...     return transactions
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     f(log=3)
    3
    """
    import functools
    import warnings

    def wrap(func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{func.__name__}() got both {old}= and {new}=; use {new}=")
                    warnings.warn(f"{func.__name__}({old}=...) is deprecated; use {new}=...",
                                  FutureWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return inner

    return wrap


# ----------------------------------------------------------------- groups (segments)


def group_labels(groups, name: str = "by") -> list:
    """The segments of a grouping column, in the order every table shows them.

    A categorical column keeps its category order but skips categories with no
    rows (a filtered categorical still lists the categories it no longer
    has); any other column is sorted (as text, so mixed labels sort too).
    Missing labels are refused: a respondent without a segment would
    otherwise drop out of every table without a word.

    >>> group_labels(pd.Series(pd.Categorical(["b", "a"], categories=["c", "b", "a"])))
    ['b', 'a']
    >>> group_labels(pd.Series(["north", "east", "north"]))
    ['east', 'north']
    """
    s = pd.Series(groups)
    if s.isna().any():
        raise ValueError(f"column {name!r} has {int(s.isna().sum())} missing segment label(s); "
                         f"fill them in or drop those rows first")
    if isinstance(s.dtype, pd.CategoricalDtype):
        used = set(s.unique())
        return [c for c in s.cat.categories if c in used]
    return sorted(s.unique().tolist(), key=str)


# ----------------------------------------------------------------- renamed functions


def deprecated_alias(func, old_name: str):
    """An old name of ``func`` that still works for one release, with a FutureWarning.

    >>> def plot_bars(data):
    ...     return data
    >>> bars_chart = deprecated_alias(plot_bars, "bars_chart")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     bars_chart(3), str(caught[0].message)
    (3, 'bars_chart() is deprecated; use plot_bars()')
    """
    import functools
    import warnings

    @functools.wraps(func)
    def alias(*args, **kwargs):
        warnings.warn(f"{old_name}() is deprecated; use {func.__name__}()", FutureWarning,
                      stacklevel=2)
        return func(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old_name
    alias.__doc__ = f"Deprecated alias of :func:`{func.__name__}`.\n\n" + (func.__doc__ or "")
    return alias
