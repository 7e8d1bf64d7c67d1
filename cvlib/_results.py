"""One base for every result object: the same table, the same repr, the same intervals.

Every result a topic function returns speaks the same language
(``CONTRIBUTING.md``, "Results"):

- :class:`Result`: a title and a table.  ``summary()`` returns the table as a
  new DataFrame; ``repr()`` and ``_repr_html_()`` are built from the title
  lines and that table, so a result reads the same in a terminal and in a
  notebook.
- :class:`EstimateResult`: a result that estimates something.  It has
  ``params`` (a Series), ``bse`` (their standard errors, NaN where none
  exists), ``summary(ci=0.95)`` with the columns ``estimate``, ``se``,
  ``ci_low``, ``ci_high`` (plus ``p_value`` where one exists) and
  ``conf_int(alpha=0.05)`` with the columns ``ci_low``, ``ci_high``.  Models
  with a likelihood add ``llf`` (``loglik`` is an alias), ``aic`` and ``bic``.

Subclasses write :meth:`Result._title` and either :meth:`Result.summary`
(plain results) or :meth:`EstimateResult._estimates` (estimates).  The default
``_estimates`` is the Wald interval ``estimate +- z se``; a result whose
interval comes from a bootstrap or from a log scale overrides it.

>>> import pandas as pd
>>> class Mean(EstimateResult):
...     def __init__(self, x):
...         self.params = pd.Series({"mean": x.mean()})
...         self.bse = pd.Series({"mean": x.std(ddof=1) / len(x) ** 0.5})
...     def _title(self):
...         return ["Sample mean"]
>>> Mean(pd.Series([1.0, 2.0, 3.0, 4.0])).summary().round(3)
      estimate     se  ci_low  ci_high
mean       2.5  0.645   1.235    3.765
"""

from __future__ import annotations

import html

import pandas as pd
from scipy import stats

from ._validate import check_ci

__all__ = ["ESTIMATE_COLUMNS", "Result", "EstimateResult", "check_alpha", "html_table", "text_table", "wald"]

#: The columns of every ``summary()`` of an estimate, in this order.
ESTIMATE_COLUMNS = ["estimate", "se", "ci_low", "ci_high"]


def text_table(title_lines: list[str], frame: pd.DataFrame, *, index: bool = True) -> str:
    """The title lines, then the table as text (numbers to 4 significant digits)."""
    body = frame.to_string(index=index, float_format=lambda v: f"{v:.4g}") if len(frame.columns) else ""
    return "\n".join([*title_lines, body]).rstrip()


def html_table(title_lines: list[str], frame: pd.DataFrame, *, index: bool = True) -> str:
    """The title lines (the first in bold, all escaped), then the table as HTML."""
    head = "<br>".join(
        (f"<b>{html.escape(line)}</b>" if i == 0 else html.escape(line))
        for i, line in enumerate(title_lines)
    )
    body = frame.to_html(index=index, float_format=lambda v: f"{v:.4g}")
    return f"<div><p>{head}</p>{body}</div>"


def wald(params: pd.Series, bse: pd.Series, ci: float = 0.95) -> pd.DataFrame:
    """Wald table: ``estimate``, ``se``, ``ci_low``, ``ci_high`` = estimate -+ z se.

    >>> wald(pd.Series({"a": 1.0}), pd.Series({"a": 0.5})).round(4)
       estimate   se  ci_low  ci_high
    a       1.0  0.5    0.02     1.98
    """
    ci = check_ci(ci)
    z = float(stats.norm.ppf(0.5 + ci / 2))
    est = pd.Series(params, dtype=float)
    se = pd.Series(bse, dtype=float).reindex(est.index)
    return pd.DataFrame(
        {"estimate": est, "se": se, "ci_low": est - z * se, "ci_high": est + z * se}
    )


def check_alpha(alpha) -> float:
    """Check ``conf_int``'s ``alpha`` (0.05 for a 95% interval) and return the level ``1 - alpha``."""
    try:
        a = float(alpha)
    except (TypeError, ValueError):
        raise TypeError(f"alpha must be a number in (0, 1) such as 0.05, got {alpha!r}") from None
    if not 0 < a < 1:
        hint = " (give 0.05 for a 95% interval, not 5 or 95)" if a >= 1 else ""
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}{hint}")
    return 1 - a


class Result:
    """Base of every result: a title and a table, shown the same way everywhere."""

    #: Whether the summary table's index is shown in repr (False for tables whose
    #: index is a plain range).
    _show_index = True

    def _title(self) -> list[str]:
        """Lines above the table: the first says what the result is."""
        return [type(self).__name__]

    def summary(self) -> pd.DataFrame:  # pragma: no cover - every subclass defines it
        """The result as a new DataFrame."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return text_table(self._title(), self.summary(), index=self._show_index)

    def _repr_html_(self) -> str:
        return html_table(self._title(), self.summary(), index=self._show_index)


class EstimateResult(Result):
    """Base of every result that estimates quantities with uncertainty.

    Subclasses set ``params`` and ``bse`` (attributes or properties, Series
    with the same index) and may override :meth:`_estimates` when their
    interval is not the Wald interval.
    """

    params: pd.Series
    bse: pd.Series

    def _estimates(self, ci: float) -> pd.DataFrame:
        """Columns ``estimate``, ``se``, ``ci_low``, ``ci_high`` (+ ``p_value``) at level ``ci``."""
        return wald(self.params, self.bse, ci)

    def summary(self, ci: float = 0.95) -> pd.DataFrame:
        """One row per estimate: ``estimate``, ``se``, ``ci_low``, ``ci_high`` (+ ``p_value``).

        Parameters
        ----------
        ci : float, default 0.95
            Confidence level of the interval, in (0, 1).
        """
        out = self._estimates(check_ci(ci)).copy()
        extra = [c for c in out.columns if c not in ESTIMATE_COLUMNS]
        return out[ESTIMATE_COLUMNS + extra]

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Confidence intervals at level ``1 - alpha``: columns ``ci_low``, ``ci_high``."""
        return self.summary(ci=check_alpha(alpha))[["ci_low", "ci_high"]]

    @property
    def loglik(self) -> float:
        """Alias of ``llf``, the log-likelihood."""
        return self.llf
