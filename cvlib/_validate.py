"""Input checks shared by every topic module.

Each helper raises a ``ValueError`` (or ``TypeError``) whose message names
what is wrong (the column, the offending values, the row count) and what is
expected, so a student can act on it.  None of them modifies its input.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .language import say

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
    "DATE_POLICY",
    "takes_date_format",
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
        detail_zh = "，".join(f"{c!r}：{n} 行" for c, n in counts.items())
        raise ValueError(say(
            f"{what} has missing values ({detail}); drop or impute them first, "
            f"or pass missing='drop' where the function offers it",
            f"{what} 有缺失值（{detail_zh}）；请先删除或填补，"
            f"或者在函数提供该参数时传入 missing='drop'"))


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


#: The date policy of the whole library (CONTRIBUTING.md, "What cvlib refuses"), in words;
#: the engines (:mod:`cvlib.engines`) apply the same rules inside DuckDB and Spark.
DATE_POLICY = (
    "dates are accepted as datetimes, ISO 8601 strings ('2024-03-31', '2024-03-31 14:05', "
    "'20240331') or YYYYMMDD integers (20240331); other strings such as '01/12/2024' are "
    "ambiguous (day-first or month-first) and need date_format= (e.g. '%d/%m/%Y'); "
    "timezone-aware dates are read as the wall-clock time of their own time zone, which "
    "is then dropped"
)

_DATE_FORMAT = contextvars.ContextVar("cvlib_date_format", default=None)

_ISO_OFFSET = r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(?:Z|[+-]\d\d(?::?\d\d)?)$"
_YYYYMMDD_LOW, _YYYYMMDD_HIGH = 1000_01_01, 9999_12_31


def _not_dates_error(name: str, count: int, examples, hint: str = "") -> ValueError:
    return ValueError(
        f"column {name!r} has {count} value(s) that are not dates: {_preview(examples)}; "
        f"expected dates such as '2024-03-31'" + (f"; {hint}" if hint else "")
    )


def _ambiguous_error(name: str, count: int, examples) -> ValueError:
    return ValueError(say(
        f"column {name!r} has {count} date string(s) in a format that is not ISO 8601, such "
        f"as {_preview(examples)}; a date such as '01/12/2024' can be 1 December or "
        f"January 12, so cvlib does not guess: pass date_format= (e.g. date_format='%d/%m/%Y' "
        f"for day-first, '%m/%d/%Y' for month-first), or give ISO dates such as '2024-12-01'",
        f"列 {name!r} 有 {count} 个日期字符串不是 ISO 8601 格式，例如 {_preview(examples)}；"
        f"像 '01/12/2024' 这样的日期既可能是 12 月 1 日，也可能是 1 月 12 日，cvlib 不做猜测："
        f"请传入 date_format=（日在前用 date_format='%d/%m/%Y'，月在前用 '%m/%d/%Y'），"
        f"或者改用 '2024-12-01' 这样的 ISO 日期"))


def future_dates_error(name: str, count: int, limit, examples) -> ValueError:
    """The error for transactions dated after ``limit`` (shared by every engine)."""
    return ValueError(
        f"column {name!r} has {count} date(s) after {pd.Timestamp(limit).date()}: "
        f"{_preview(examples)}; dates in the future are not allowed"
    )


def missing_dates_error(name: str, count: int) -> ValueError:
    """The error for missing dates (shared by every engine)."""
    return ValueError(f"column {name!r} has {count} missing date(s)")


def yyyymmdd_days(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Day numbers (since 1970-01-01) of YYYYMMDD numbers, and which of them are valid dates."""
    v = np.asarray(v, dtype=float)
    ok = (v == np.floor(v)) & (v >= _YYYYMMDD_LOW) & (v <= _YYYYMMDD_HIGH)
    n = np.where(ok, v, 19700101).astype(np.int64)
    y, m, d = n // 10000, (n // 100) % 100, n % 100
    ok &= (m >= 1) & (m <= 12) & (d >= 1)
    month = np.where(ok, (y - 1970) * 12 + m - 1, 0).astype("datetime64[M]")
    day = month.astype("datetime64[D]") + np.where(ok, d - 1, 0)
    ok &= day.astype("datetime64[M]") == month       # 20240231 is no date
    return day.astype(np.int64), ok


def _yyyymmdd(s: pd.Series, name: str) -> pd.Series:
    """Integers (or whole floats) as YYYYMMDD dates; anything else is refused."""
    v = s.to_numpy(dtype=float)
    days, ok = yyyymmdd_days(v)
    ok |= np.isnan(v)
    if not ok.all():
        raise _not_dates_error(
            name, int((~ok).sum()), pd.unique(s[~ok])[:5].tolist(),
            "numbers are read as YYYYMMDD dates (20240331); for Unix timestamps convert "
            "first, e.g. pd.to_datetime(values, unit='s')")
    out = days.astype("datetime64[D]").astype("datetime64[ns]")
    out[np.isnan(v)] = np.datetime64("NaT")
    return pd.Series(out, index=s.index)


def parse_dates(values, name: str = "date", *, not_after=None, date_format: str | None = None
                ) -> pd.Series:
    """Parse ``values`` to tz-naive datetimes by the library's one date policy.

    The policy (:data:`DATE_POLICY`), applied by every function that takes dates:

    - datetimes (``datetime64``, ``Timestamp``, ``datetime.date``) are kept;
    - strings in ISO 8601 (``'2024-03-31'``, ``'2024-03-31 14:05'``,
      ``'20240331'``) are parsed; any other string format (``'01/12/2024'``:
      1 December or January 12?) is refused unless ``date_format`` (a
      ``strftime`` format such as ``'%d/%m/%Y'``) says how to read it;
    - integers are YYYYMMDD dates (``20240331``); other numbers are refused
      (they are not read as nanoseconds since 1970);
    - timezone-aware dates become the wall-clock time of their own time zone
      (what the customer's receipt shows) and the zone is dropped, so a
      purchase at 01:00 in Shanghai on 2 January is a 2 January purchase.

    ``not_after`` defaults to today: a transaction dated in the future is an
    input error.  Pass ``not_after=False`` to skip that check.

    Examples
    --------
    >>> parse_dates([20240331, 20240401]).dt.strftime("%Y-%m-%d").tolist()
    ['2024-03-31', '2024-04-01']
    >>> parse_dates(["01/12/2024"], date_format="%d/%m/%Y").dt.month.tolist()
    [12]
    """
    if date_format is None:
        date_format = _DATE_FORMAT.get()
    return _parse_dates(values, name, not_after, date_format)


def _parse_dates(values, name, not_after, date_format) -> pd.Series:
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        out = s.dt.tz_localize(None)            # wall time in the column's own zone
    elif pd.api.types.is_datetime64_any_dtype(s):
        out = s
    elif pd.api.types.is_bool_dtype(s):
        raise _not_dates_error(name, len(s), s.unique()[:5].tolist())
    elif pd.api.types.is_numeric_dtype(s):
        if date_format is not None:
            out = _parse_strings(s.astype("string"), name, date_format)
        else:
            out = _yyyymmdd(s, name)
    else:
        out = _parse_strings(s, name, date_format)
    if out.isna().any():
        raise missing_dates_error(name, int(out.isna().sum()))
    if not_after is not False:
        limit = (pd.Timestamp.today().normalize() + pd.Timedelta(days=1) if not_after is None
                 else parse_date(not_after, "not_after"))
        future = out > limit
        if future.any():
            raise future_dates_error(name, int(future.sum()), limit,
                                     out[future].dt.date.unique().tolist())
    return out


def _parse_strings(s: pd.Series, name: str, date_format: str | None) -> pd.Series:
    """Strings (or date/Timestamp objects) by the date policy; see :func:`parse_dates`."""
    present = s.notna()
    if not present.any():
        return pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    if date_format is not None:
        if not isinstance(date_format, str) or "%" not in date_format:
            raise ValueError(f"date_format must be a strftime format such as '%d/%m/%Y', "
                             f"got {date_format!r}")
        out = pd.to_datetime(s, format=date_format, errors="coerce")
        bad = out.isna() & present
        if bad.any():
            raise _not_dates_error(name, int(bad.sum()), s[bad].unique()[:5].tolist(),
                                   f"they do not match date_format={date_format!r}")
        return _naive(out, s, name)
    kinds = s[present].map(type).unique()
    if all(issubclass(k, str) for k in kinds):
        text = s.astype(object)
        try:
            out = pd.to_datetime(text, format="ISO8601", errors="coerce")
        except ValueError:       # ISO strings with different offsets: keep each wall time
            text = text.where(~present, text.str.replace(_ISO_OFFSET, r"\1", regex=True))
            out = pd.to_datetime(text, format="ISO8601", errors="coerce")
        bad = out.isna() & present
        if bad.any():
            examples = s[bad].unique()[:5].tolist()
            looks_numeric = s[bad].str.fullmatch(r"\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\s*")
            if looks_numeric.all():
                raise _ambiguous_error(name, int(bad.sum()), examples)
            raise _not_dates_error(name, int(bad.sum()), examples,
                                   "ISO 8601 strings are read as they are; for another format "
                                   "pass date_format= (e.g. '%d %B %Y')")
        return _naive(out, s, name)
    try:                                     # date, datetime and Timestamp objects
        out = pd.to_datetime(s, errors="coerce")
    except (TypeError, ValueError):
        out = pd.to_datetime(s.map(lambda v: v.replace(tzinfo=None)
                                   if getattr(v, "tzinfo", None) is not None else v),
                             errors="coerce")
    bad = out.isna() & present
    if bad.any():
        raise _not_dates_error(name, int(bad.sum()), s[bad].unique()[:5].tolist())
    return _naive(out, s, name)


def _naive(out: pd.Series, original: pd.Series, name: str) -> pd.Series:
    if isinstance(out.dtype, pd.DatetimeTZDtype):
        out = out.dt.tz_localize(None)
    elif out.dtype == object:               # mixed zones left as objects
        out = pd.to_datetime(original.map(
            lambda v: v.replace(tzinfo=None) if getattr(v, "tzinfo", None) is not None else v))
    return out


def parse_date(value, name: str, *, date_format: str | None = None) -> pd.Timestamp:
    """Parse one date argument by the same policy as :func:`parse_dates`, with a clear error.

    An ISO date is always understood; ``date_format`` (or the one the calling
    function was given) is tried for other strings.

    >>> parse_date(20241231, "at")
    Timestamp('2024-12-31 00:00:00')
    """
    if isinstance(value, pd.Timestamp | np.datetime64) or hasattr(value, "year"):
        try:
            ts = pd.Timestamp(value)
        except (TypeError, ValueError):
            ts = pd.NaT
        if not pd.isna(ts):
            return ts.tz_localize(None) if ts.tzinfo is not None else ts
    if value is None or isinstance(value, bool) or not isinstance(
            value, str | int | float | np.integer | np.floating):
        raise ValueError(f"{name} must be a date such as '2024-12-31', got {value!r}")
    fmt = date_format if date_format is not None else _DATE_FORMAT.get()
    one = pd.Series([value])
    try:
        return _parse_dates(one, name, False, None).iloc[0]
    except ValueError as err:
        if fmt is None or not isinstance(value, str):
            raise ValueError(f"{name} must be a date such as '2024-12-31', got {value!r} "
                             f"({str(err).split('; ', 1)[-1]})") from None
    try:
        return _parse_dates(one, name, False, fmt).iloc[0]
    except ValueError:
        raise ValueError(f"{name} must be a date such as '2024-12-31' or one in "
                         f"date_format={fmt!r}, got {value!r}") from None


def takes_date_format(func):
    """Decorator: give ``func`` a keyword argument ``date_format=None`` (the date policy's).

    Every :func:`parse_dates` and :func:`parse_date` inside the call (also in
    the functions it calls) reads non-ISO date strings with that ``strftime``
    format, e.g. ``date_format="%d/%m/%Y"`` for day-first dates.

    >>> @takes_date_format
    ... def first_month(dates):
    ...     return int(parse_dates(dates, not_after=False).dt.month.iloc[0])
    >>> first_month(["01/12/2024"], date_format="%d/%m/%Y")
    12
    """
    @functools.wraps(func)
    def inner(*args, date_format: str | None = None, **kwargs):
        if date_format is None:
            return func(*args, **kwargs)
        if not isinstance(date_format, str) or "%" not in date_format:
            raise ValueError(f"date_format must be a strftime format such as '%d/%m/%Y', "
                             f"got {date_format!r}")
        token = _DATE_FORMAT.set(date_format)
        try:
            return func(*args, **kwargs)
        finally:
            _DATE_FORMAT.reset(token)

    sig = inspect.signature(func)
    params = list(sig.parameters.values())
    extra = inspect.Parameter("date_format", inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation="str | None")
    at = next((i for i, p in enumerate(params) if p.kind == p.VAR_KEYWORD), len(params))
    inner.__signature__ = sig.replace(parameters=params[:at] + [extra] + params[at:])
    return inner


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
