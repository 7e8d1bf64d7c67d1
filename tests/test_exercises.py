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


def test_number_message_has_expected_given_hint():
    with pytest.raises(ExerciseFailed) as info:
        check_number(120.0, 118.39, tol=0.01, label="Exercise 9.9", hint="use exact ratios")
    msg = str(info.value)
    assert "expected: 118.39" in msg and "you gave: 120" in msg and "hint: use exact ratios" in msg
    assert isinstance(info.value, AssertionError)


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


def test_choice_case_and_sets():
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
