"""Input checks name what is wrong and what is expected, and never modify their input."""

import numpy as np
import pandas as pd
import pytest

from cvlib import _validate as v


def test_require_columns_lists_missing_and_available():
    df = pd.DataFrame({"customer_id": [1], "amount": [2.0]})
    with pytest.raises(ValueError, match=r"no column\(s\) \['date'\]; available columns are \['customer_id', 'amount'\]"):
        v.require_columns(df, ["customer_id", "date"])
    with pytest.raises(TypeError, match="must be a pandas DataFrame, got list"):
        v.require_columns([1, 2], ["a"])


def test_require_numeric_shows_bad_values():
    df = pd.DataFrame({"amount": ["1.5", "abc", "2"]})
    with pytest.raises(TypeError, match=r"column 'amount' .* must be numeric.*'abc'"):
        v.require_numeric(df, ["amount"])


def test_require_no_missing_counts_rows():
    df = pd.DataFrame({"a": [1, None, None], "b": [1, 2, 3]})
    with pytest.raises(ValueError, match=r"'a': 2 row\(s\)"):
        v.require_no_missing(df, ["a", "b"])


def test_ranges_and_positivity():
    v.require_in_range([1, 10], 1, 10, "ratings")
    with pytest.raises(ValueError, match=r"ratings must lie in \[1, 10\], got 1 value\(s\) outside: \[11.0\]"):
        v.require_in_range([1, 11], 1, 10, "ratings")
    with pytest.raises(ValueError, match="must be positive"):
        v.require_positive([1, 0], "amount")
    v.require_positive([1, 0], "amount", strict=False)


def test_probability_hint_for_percentages():
    assert v.require_probability(0.85, "retention") == 0.85
    with pytest.raises(ValueError, match="not a percentage"):
        v.require_probability(85, "retention")
    with pytest.raises(TypeError, match="between 0 and 1"):
        v.require_probability("high", "retention")


def test_weights_sum_and_normalize():
    labels = ["price", "service", "quality"]
    with pytest.raises(ValueError, match=r"weights must sum to 100, got 95 for \['price', 'service', 'quality'\]; pass normalize=True"):
        v.require_weights([50, 25, 20], labels)
    w = [50, 25, 20]
    out = v.require_weights(w, labels, normalize=True)
    assert out.sum() == pytest.approx(100) and w == [50, 25, 20]
    with pytest.raises(ValueError, match="non-negative"):
        v.require_weights([110, -10, 0], labels)


def test_parse_dates_unparseable_and_future():
    s = pd.Series(["2024-01-05", "not a date"])
    with pytest.raises(ValueError, match="1 value\\(s\\) that are not dates: \\['not a date'\\]"):
        v.parse_dates(s)
    with pytest.raises(ValueError, match="after 2024-12-31.*future"):
        v.parse_dates(pd.Series(["2024-06-01", "2025-02-01"]), not_after="2024-12-31")
    out = v.parse_dates(s.iloc[:1])
    assert out.iloc[0] == pd.Timestamp("2024-01-05") and s.iloc[1] == "not a date"
    assert v.parse_date("2024-12-31", "at") == pd.Timestamp("2024-12-31")
    with pytest.raises(ValueError, match="at must be a date"):
        v.parse_date("soon", "at")


def test_inputs_not_modified():
    arr = np.array([50.0, 25.0, 20.0])
    v.require_weights(arr, ["a", "b", "c"], normalize=True)
    assert arr.tolist() == [50.0, 25.0, 20.0]
