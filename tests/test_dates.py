"""One date policy for every function that takes dates (issue 11, class 3).

Datetimes, ISO strings and YYYYMMDD integers are the same dates; ambiguous
strings such as "01/12/2024" are refused unless ``date_format=`` says how to
read them; timezone-aware dates are read as the wall-clock time of their own
zone, in every function.  Expected values are invariants: the same log
written in another accepted form gives the same table.
"""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from cvlib import _validate as v
from cvlib.cva import key_events
from cvlib.lifetime import summarize
from cvlib.segments import (
    classify_over_time,
    customer_values,
    lifecycle_stages,
    purchase_cycle,
    rfm_table,
)

ISO = ["2024-01-05", "2024-02-10", "2024-02-10", "2024-01-20", "2024-03-01", "2024-03-15"]
BASE = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 3], "date": pd.to_datetime(ISO),
                     "amount": [10.0, 5.0, 7.0, 30.0, 0.0, 12.5]})


def _with(dates):
    return BASE.assign(date=dates)


FUNCTIONS = {
    "summarize": lambda tx, **kw: summarize(tx, observation_end="2024-03-31", **kw),
    "rfm_table": lambda tx, **kw: rfm_table(tx, at="2024-03-31", **kw),
    "lifecycle_stages": lambda tx, **kw: lifecycle_stages(tx, at="2024-03-31", **kw),
    "customer_values": lambda tx, **kw: customer_values(tx, **kw),
    "purchase_cycle": lambda tx, **kw: purchase_cycle(tx, **kw),
    "classify_over_time": lambda tx, **kw: classify_over_time(
        tx, ["2024-02-29", "2024-03-31"], **kw),
}

FORMS = {
    "iso strings": ISO,
    "iso strings with time": [d + "T10:30:00" for d in ISO],
    "yyyymmdd integers": [int(d.replace("-", "")) for d in ISO],
    "yyyymmdd strings": [d.replace("-", "") for d in ISO],
    "date objects": [dt.date.fromisoformat(d) for d in ISO],
    # 01:00 in Shanghai is still the same calendar day there (17:00 UTC the day before)
    "timezone-aware": pd.to_datetime([d + " 01:00" for d in ISO]).tz_localize("Asia/Shanghai"),
    "mixed offsets": [d + "T23:00:00" + off for d, off in
                      zip(ISO, ["+08:00", "-05:00", "+00:00", "Z", "+0530", "-03:00"], strict=True)],
}


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("form", FORMS)
def test_every_accepted_form_gives_the_same_table(name, form):
    f = FUNCTIONS[name]
    expected = f(BASE)
    got = f(_with(FORMS[form]))
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_ambiguous_strings_are_refused_and_read_with_date_format(name):
    f = FUNCTIONS[name]
    day_first = pd.to_datetime(ISO).strftime("%d/%m/%Y").tolist()
    with pytest.raises(ValueError, match=r"01/12/2024.*date_format="):
        f(_with(day_first))
    pd.testing.assert_frame_equal(f(_with(day_first), date_format="%d/%m/%Y"), f(BASE),
                                  check_dtype=False)
    month_first = pd.to_datetime(ISO).strftime("%m/%d/%Y").tolist()
    pd.testing.assert_frame_equal(f(_with(month_first), date_format="%m/%d/%Y"), f(BASE),
                                  check_dtype=False)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_integers_that_are_not_yyyymmdd_are_refused(name):
    f = FUNCTIONS[name]
    seconds = (pd.to_datetime(ISO).astype("int64") // 10**9).tolist()   # Unix seconds
    with pytest.raises(ValueError, match=r"YYYYMMDD.*unit='s'"):
        f(_with(seconds))


def test_yyyymmdd_integers_are_not_nanoseconds():
    # the slip of issue 11: 20240101 read as nanoseconds since 1970 made every recency 0
    out = rfm_table(_with(FORMS["yyyymmdd integers"]), at="2024-03-31")
    assert out.loc[1, "recency"] == (pd.Timestamp("2024-03-31") - pd.Timestamp("2024-02-10")).days


def test_key_events_follows_the_same_policy():
    scores = pd.DataFrame({"period": ["2024Q1", "2024Q2", "2024Q3"], "quality": [100.0, 104.0, 108.0]})
    events = pd.DataFrame({"date": ["2024-05-10"], "event": ["launch"]})
    expected = key_events(scores, events).events
    for form in (["2024-05-10"], [20240510], ["10/05/2024"], pd.to_datetime(
            ["2024-05-10 01:00"]).tz_localize("Asia/Shanghai")):
        kw = {"date_format": "%d/%m/%Y"} if form == ["10/05/2024"] else {}
        got = key_events(scores, events.assign(date=form), **kw).events
        assert got["date"].dt.normalize().tolist() == expected["date"].tolist()
        pd.testing.assert_frame_equal(got.drop(columns="date"), expected.drop(columns="date"),
                                      check_dtype=False)
    with pytest.raises(ValueError, match="date_format="):
        key_events(scores, events.assign(date=["10/05/2024"]))


def test_parse_dates_policy_directly():
    assert v.parse_dates([20240229]).iloc[0] == pd.Timestamp("2024-02-29")
    for bad in ([20240230], [20241301], [2024010], [True]):
        with pytest.raises(ValueError, match="not dates"):
            v.parse_dates(bad)
    with pytest.raises(ValueError, match="'5 Jan 2024'.*date_format="):
        v.parse_dates(["5 Jan 2024"])
    assert v.parse_dates(["5 Jan 2024"], date_format="%d %b %Y").iloc[0] == pd.Timestamp("2024-01-05")
    with pytest.raises(ValueError, match="do not match date_format='%d/%m/%Y'"):
        v.parse_dates(["2024-01-05"], date_format="%d/%m/%Y")
    with pytest.raises(ValueError, match="strftime format"):
        rfm_table(BASE, date_format="dd/mm/yyyy")
    # the input is not modified
    tz = _with(FORMS["timezone-aware"])
    before = tz.copy()
    rfm_table(tz)
    pd.testing.assert_frame_equal(tz, before)


def test_at_and_period_ends_follow_the_policy():
    a = rfm_table(BASE, at="2024-03-31")
    pd.testing.assert_frame_equal(rfm_table(BASE, at=20240331), a)
    pd.testing.assert_frame_equal(
        rfm_table(BASE, at=pd.Timestamp("2024-03-31 08:00", tz="Asia/Shanghai")), a)
    with pytest.raises(ValueError, match="at must be a date.*date_format="):
        rfm_table(BASE, at="31/03/2024")
    pd.testing.assert_frame_equal(rfm_table(BASE, at="31/03/2024", date_format="%d/%m/%Y"), a)
    s = summarize(BASE, calibration_end="2024-02-29", observation_end="2024-03-31")
    pd.testing.assert_frame_equal(
        summarize(BASE, calibration_end=20240229, observation_end=20240331), s)


def test_wall_time_not_utc():
    # 2024-01-05 01:00 in Shanghai is 2024-01-04 17:00 UTC: the customer's day is the 5th
    tx = BASE.assign(date=FORMS["timezone-aware"])
    days = rfm_table(tx, at="2024-03-31")["recency"]
    assert days.loc[3] == 16
    assert np.array_equal(days, rfm_table(BASE, at="2024-03-31")["recency"])
