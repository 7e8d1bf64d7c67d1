"""Exercise checks tell a student what was expected, what they gave, and a hint."""

import numpy as np
import pandas as pd
import pytest

from cvlib.exercises import (
    Exercise,
    ExerciseFailed,
    check,
    check_choice,
    check_frame,
    check_number,
    exercise,
    registry,
)


def test_number_within_tolerance_passes(capsys):
    assert check_number(118.391, 118.39, tol=0.005, label="score")
    assert "correct" in capsys.readouterr().out


def test_number_message_has_expected_given_hint(monkeypatch):
    monkeypatch.setenv("CVLIB_REVEAL_ANSWERS", "1")
    with pytest.raises(ExerciseFailed) as info:
        check_number(120.0, 118.39, tol=0.01, label="Exercise 9.9", hint="use exact ratios")
    msg = str(info.value)
    assert "expected: 118.39" in msg and "you gave: 120" in msg and "hint: use exact ratios" in msg
    assert isinstance(info.value, AssertionError)


def test_answers_hidden_by_default(monkeypatch):
    monkeypatch.delenv("CVLIB_REVEAL_ANSWERS", raising=False)
    with pytest.raises(ExerciseFailed) as info:
        check_number(120.0, 118.39, tol=0.01, hint="use exact ratios")
    msg = str(info.value)
    assert "118.39" not in msg and "too high" in msg and "a number, within" in msg
    assert "you gave: 120" in msg and "hint: use exact ratios" in msg
    with pytest.raises(ExerciseFailed, match="too low"):
        check_number(100.0, 118.39, tol=0.01)
    with pytest.raises(ExerciseFailed) as info:
        check_choice("Lost", "Champions")
    assert "Champions" not in str(info.value) and "one word" in str(info.value)
    with pytest.raises(ExerciseFailed) as info:
        check_choice(["a", "x"], ["a", "c"])
    assert "'c'" not in str(info.value) and "1 label(s) missing" in str(info.value)
    assert "should not include ['x']" in str(info.value)


def test_known_mistakes_are_named():
    ex = Exercise("x.3", "index", expected=71.2, tol=0.05, hint="rescale (mean - 1) / 9",
                  mistakes=((7.4, "this is the 1-10 mean; the index is on 0-100"),
                            (lambda: 74.0, "you multiplied the mean by 10")))
    with pytest.raises(ExerciseFailed, match="this is the 1-10 mean") as info:
        ex.check(7.41)
    assert "71.2" not in str(info.value) and info.value.__context__ is None
    with pytest.raises(ExerciseFailed, match="multiplied the mean by 10"):
        ex.check(74.0)
    with pytest.raises(ExerciseFailed, match="too low"):
        ex.check(60.0)
    with pytest.raises(ExerciseFailed, match="not answered yet"):
        ex.check(NotImplemented)
    labels = Exercise("x.4", "item", expected="CUSL2", kind="choice",
                      mistakes=((["CUSL2"], "answer one name, not a list"),))
    with pytest.raises(ExerciseFailed, match="one name, not a list"):
        labels.check(["cusl2"])


def test_percentage_slip_is_named():
    with pytest.raises(ExerciseFailed, match="factor of 100"):
        check_number(37.0, 0.37, tol=1e-3)


def test_not_answered_and_not_a_number():
    with pytest.raises(ExerciseFailed, match="not answered yet"):
        check_number(NotImplemented, 1.0)
    with pytest.raises(ExerciseFailed, match="not a number"):
        check_number("abc", 1.0)
    with pytest.raises(ExerciseFailed, match="shape"):
        check_number([1, 2], [1, 2, 3])


def test_arrays_and_relative_tolerance():
    assert check_number(np.array([1.0, 2.0]), [1.0, 2.0])
    assert check_number(101.0, 100.0, tol=0, rtol=0.02)
    with pytest.raises(ExerciseFailed):
        check_number(103.0, 100.0, tol=0, rtol=0.02)


def test_choice_case_and_sets(monkeypatch):
    monkeypatch.setenv("CVLIB_REVEAL_ANSWERS", "1")
    assert check_choice(" Champions ", "champions")
    assert check_choice(["B", "a"], {"A", "b"})
    with pytest.raises(ExerciseFailed, match=r"missing \['c'\]"):
        check_choice(["a"], ["a", "c"])
    with pytest.raises(ExerciseFailed, match="wrong answer"):
        check_choice("Lost", "Champions")


def test_frame_reports_first_difference():
    expected = pd.DataFrame({"tier": ["A", "B"], "share": [0.7, 0.3]})
    assert check_frame(expected.copy(), expected)
    wrong = expected.assign(share=[0.7, 0.25])
    with pytest.raises(ExerciseFailed, match="column 'share' differs in 1 row.*first at row 1"):
        check_frame(wrong, expected, tol=1e-3)
    with pytest.raises(ExerciseFailed, match="lacks column"):
        check_frame(expected[["tier"]], expected)
    with pytest.raises(ExerciseFailed, match="DataFrame or Series"):
        check_frame([0.7, 0.3], expected)


def test_exercise_with_lazy_expected():
    calls = []
    ex = Exercise("x.1", "lazy", expected=lambda: calls.append(1) or 3.0, tol=0)
    assert not calls
    assert ex.check(3.0) and calls == [1]


def test_registry_ids_and_lookup():
    reg = registry()
    assert {"00.1", "00.2", "00.3"} <= set(reg)
    assert all(ex.id == key for key, ex in reg.items())
    assert check("00.1", "客户终身价值") is None
    with pytest.raises(KeyError, match="did you mean"):
        exercise("00.4x")


def test_unknown_kind():
    with pytest.raises(ValueError, match="unknown exercise kind"):
        Exercise("x.2", "bad", expected=1, kind="essay").check(1)


# ---- issue 12 section 6 and issue 11 class 8: checks that neither accept wrong answers nor refuse right ones


def test_choice_accepts_the_glossary_chinese_labels_and_synonyms():
    # 00.1 expects 客户终身价值; 顾客 and 客户 both say "customer", CLV is the glossary's alias
    for answer in ("客户终身价值", "顾客终身价值", "customer lifetime value", "CLV"):
        assert check_choice(answer, "客户终身价值")
    # 01.5 expects the hierarchy level "expected": its glossary term in Chinese is 预期价值
    for answer in ("expected", "预期价值", "expected value"):
        assert check_choice(answer, "expected")
    with pytest.raises(ExerciseFailed, match="wrong answer"):
        check_choice("意外价值", "expected")  # unexpected value: a different level
    with pytest.raises(ExerciseFailed):
        check_choice("顾客让渡价值", "客户终身价值")
    assert check_choice(["预期价值", "basic"], {"expected", "基本价值"})


def test_registered_choice_exercises_accept_chinese():
    assert exercise("00.1").check("顾客终身价值")
    assert exercise("01.5").check("预期价值")


def test_check_number_refuses_booleans():
    with pytest.raises(ExerciseFailed, match="True/False, not a number"):
        check_number(True, 1)
    with pytest.raises(ExerciseFailed, match="True/False"):
        check_number(np.bool_(False), 0)
    with pytest.raises(ExerciseFailed, match="True/False"):
        check_number(np.array([True, False]), [1, 0])
    assert check_number(1, 1) and check_number(np.int64(0), 0)


def test_nan_is_called_nan_not_too_low():
    with pytest.raises(ExerciseFailed) as info:
        check_number(float("nan"), 0.25, tol=1e-3)
    msg = str(info.value)
    assert "NaN" in msg and "too low" not in msg and "too high" not in msg
    with pytest.raises(ExerciseFailed, match="1 of the numbers are NaN"):
        check_number([0.1, np.nan], [0.1, 0.2])


def test_rounding_noise_has_no_sign():
    # NPS passives computed as 1 - promoters - detractors can be -5.6e-17: that is zero
    assert check_number(-5.6e-17, 0.0, tol=1e-9)
    with pytest.raises(ExerciseFailed) as info:
        check_number(-5.6e-17, 0.3, tol=1e-3)
    assert "sign" not in str(info.value) and "too low" in str(info.value)
    with pytest.raises(ExerciseFailed, match="wrong sign"):
        check_number(-12.5, 12.5, tol=0.01)


def test_frame_rows_are_matched_on_their_labels():
    expected = pd.DataFrame({"share": [0.5, 0.3, 0.2]}, index=pd.Index(["A", "B", "C"], name="class"))
    # the right table in another row order passes
    assert check_frame(expected.loc[["C", "A", "B"]], expected)
    # ... also with the labels as a column, as reset_index() leaves them
    assert check_frame(expected.iloc[::-1].reset_index(), expected)
    # numbers in the right places under other labels fail, naming the labels
    wrong = expected.set_axis(["X", "Y", "Z"])
    with pytest.raises(ExerciseFailed, match="labelled differently"):
        check_frame(wrong, expected)
    # a wrong number is reported at its label
    bad = expected.copy()
    bad.loc["B", "share"] = 0.35
    with pytest.raises(ExerciseFailed, match="first at row 'B'"):
        check_frame(bad.loc[["B", "C", "A"]], expected)
    # tables without labels are still compared by position
    plain = expected.reset_index(drop=True)
    assert check_frame(plain, plain)
    with pytest.raises(ExerciseFailed):
        check_frame(plain.iloc[::-1].reset_index(drop=True), plain)


def test_hint_only_after_an_attempt():
    ex = Exercise(id="9.1", title="t", expected=3.0, hint="divide revenue by customers")
    with pytest.raises(ExerciseFailed) as info:
        ex.check(NotImplemented)
    assert "not answered yet" in str(info.value) and "divide revenue" not in str(info.value)
    with pytest.raises(ExerciseFailed) as info:
        ex.check(4.0)
    assert "hint: divide revenue by customers" in str(info.value)


def test_exercise_04_11_asks_for_what_the_notebook_does_not_print():
    """04.11 is the top two revenue deciles' share of profit: the sum of the two deciles'
    profit shares (an invariant of the decile table), not decile 1's share that section 4.2
    prints; each printed neighbour is named as a known mistake."""
    from cvlib.datasets import load
    from cvlib.segments import customer_values, decile_table

    values = customer_values(load("retail_transactions"), margin="gross_margin",
                             cost="cost_to_serve")
    table = decile_table(values, "revenue", profit="profit")
    top_two = float(table.loc[[1, 2], "profit"].sum() / table["profit"].sum())
    assert check("04.11", top_two) is None
    with pytest.raises(ExerciseFailed, match="top decile alone"):
        exercise("04.11").check(float(table.loc[1, "profit_share"]))
    with pytest.raises(ExerciseFailed, match="second decile alone"):
        exercise("04.11").check(float(table.loc[2, "profit_share"]))
    with pytest.raises(ExerciseFailed, match="share of revenue"):
        exercise("04.11").check(float(table.loc[2, "cum_revenue_share"]))


def test_01_6_asks_for_a_share_the_notebook_does_not_print():
    # trade-fair means (datasets.trade_fair_holbrook_example): play 34/8, aesthetics 34/8, ethics 22/8;
    # the seven values without spirituality sum to 246/8; so intrinsic share = 90/246
    assert exercise("01.6").check(90 / 246)
    with pytest.raises(ExerciseFailed, match="spirituality included"):
        exercise("01.6").check(0.393)  # the printed intrinsic share of all eight
    with pytest.raises(ExerciseFailed, match="kept it in the total"):
        exercise("01.6").check(90 / 257)


def test_02_3_undoes_both_list_price_events_of_the_2024q4_table():
    # 2024Q4 list prices: Aurora 215,000, Borealis 268,000, Cometa 142,000, Draco 205,000, Equinox 188,000;
    # 2023Q2: Borealis before its 8% cut, Equinox before its 5% rise
    other = (215_000 + 142_000 + 205_000 + 188_000 / 1.05) / 4
    assert exercise("02.3").check(100 * 268_000 / 0.92 / other)
    with pytest.raises(ExerciseFailed, match="already includes the cut"):
        exercise("02.3").check(100 * 0.92 * 268_000 / 187_500)
    with pytest.raises(ExerciseFailed, match="Equinox"):
        exercise("02.3").check(100 * 268_000 / 0.92 / 187_500)
