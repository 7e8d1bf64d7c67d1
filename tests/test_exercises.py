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
    assert "Champions" not in str(info.value) and "one label" in str(info.value)
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
    with pytest.raises(ExerciseFailed, match="wrong choice"):
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
