"""Checks for the workbook's exercises.

Every exercise in a notebook has a solution cell (tagged ``solution``) that
assigns an answer, and a check cell (tagged ``check``) that calls
:func:`check` with the exercise id and the answer::

    from cvlib.exercises import check
    check("02.1", score)

The expected answers live in this package, one module per notebook
(``nb02_customer_value_analysis.py`` defines ``EXERCISES``), so a student copy
of a notebook shows the question but not the answer.  A wrong answer raises
:class:`ExerciseFailed` (an ``AssertionError``) whose message says what was
expected, what was given and a hint; a right one prints a short confirmation.

The generic checks (:func:`check_number`, :func:`check_choice`,
:func:`check_frame`) can also be called directly.

A failed check describes the expected *form* of the answer (a number within a
tolerance, a label, a table) and, for numbers, whether the answer is too high
or too low, but not the answer itself, so one wrong try does not give the
exercise away.  An exercise can also name the known mistakes behind
plausible wrong answers (``mistakes=``).  Instructors who want the expected
values printed set the environment variable ``CVLIB_REVEAL_ANSWERS=1``.
"""

from __future__ import annotations

import importlib
import math
import os
import pkgutil
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..language import say

__all__ = [
    "Exercise",
    "ExerciseFailed",
    "check",
    "check_number",
    "check_choice",
    "check_frame",
    "exercise",
    "passes",
    "registry",
    "reveal_answers",
]


#: The problem text of an answer not given yet (the hint is withheld until the student tries).
NOT_ANSWERED = "not answered yet"


class ExerciseFailed(AssertionError):
    """A student's answer does not match; the message explains why."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id (``"02.1"``), a title, and how to check an answer.

    ``expected`` is the right answer, or a function of no arguments returning
    it (computed on first use, e.g. from a bundled data set).  ``kind`` is
    ``"number"`` (``tol`` absolute, ``rtol`` relative), ``"choice"`` (a label,
    compared case- and space-insensitively; a list/set of labels is compared as
    a set) or ``"frame"`` (a DataFrame or Series compared on ``columns``).

    ``mistakes`` lists known wrong answers as ``(wrong, explanation)`` pairs,
    ``wrong`` being a value or a function of no arguments: a wrong answer that
    matches one (numbers within the tolerance, labels as for choices) fails
    with that explanation, which says what went wrong.

    The Chinese edition reads ``title_zh``, ``hint_zh`` and, in ``mistakes``,
    a third element: ``(wrong, explanation, explanation_zh)``;
    :func:`cvlib.set_language` picks the language of every message.
    """

    id: str
    title: str
    expected: Any
    kind: str = "number"
    tol: float = 1e-6
    rtol: float = 0.0
    hint: str = ""
    columns: tuple[str, ...] | None = None
    mistakes: tuple = ()
    title_zh: str = ""
    hint_zh: str = ""

    def answer(self):
        return self.expected() if callable(self.expected) else self.expected

    @property
    def label(self) -> str:
        return say(f"Exercise {self.id} ({self.title})", f"练习 {self.id}（{self.title_zh or self.title}）")

    @property
    def shown_hint(self) -> str:
        """The hint in the current language."""
        return say(self.hint, self.hint_zh or self.hint) if self.hint else ""

    def check(self, given) -> bool:
        try:
            return self._check(given)
        except ExerciseFailed:
            if _not_answered(given):
                raise
            known = next((_mistake_text(m) for m in self.mistakes
                          if self._same(given, m[0]() if callable(m[0]) else m[0])), None)
            if known is None:
                raise
        raise _failure(self.label, known, None, _fmt(given), self.shown_hint)

    def _same(self, given, wrong) -> bool:
        """Whether ``given`` equals the known wrong answer ``wrong``."""
        if self.kind == "number" and not isinstance(wrong, str):
            try:
                g, w = np.asarray(given, dtype=float), np.asarray(wrong, dtype=float)
            except (TypeError, ValueError):
                return False
            return g.shape == w.shape and bool(np.allclose(g, w, atol=self.tol, rtol=self.rtol))
        return _label_set(given) == _label_set(wrong)

    def _check(self, given) -> bool:
        label, hint = self.label, self.shown_hint
        expected = self.answer()
        if self.kind == "number":
            return check_number(given, expected, tol=self.tol, rtol=self.rtol, label=label, hint=hint)
        if self.kind == "choice":
            return check_choice(given, expected, label=label, hint=hint)
        if self.kind == "frame":
            return check_frame(given, expected, columns=self.columns, tol=self.tol, label=label, hint=hint)
        raise ValueError(f"unknown exercise kind {self.kind!r}; expected 'number', 'choice' or 'frame'")


def _mistake_text(mistake: tuple) -> str:
    """A known mistake's explanation in the current language (``(wrong, why)`` or ``(wrong, why, why_zh)``)."""
    return say(mistake[1], mistake[2]) if len(mistake) > 2 else mistake[1]


def reveal_answers() -> bool:
    """Whether failed checks print the expected answer (``CVLIB_REVEAL_ANSWERS=1``)."""
    return os.environ.get("CVLIB_REVEAL_ANSWERS", "").strip().lower() in ("1", "true", "yes")


def _failure(label: str, problem: str, expected: str | None, given: str, hint: str) -> ExerciseFailed:
    if problem == NOT_ANSWERED:
        # the hint is for a student who tried: before any attempt it would give the exercise away
        problem, hint = say("not answered yet: assign your answer above and run this check again",
                            "尚未作答：请在上面的单元格中给出答案，再运行本检查"), ""
    lines = [label + say(": ", "：") + problem]
    if expected is not None:
        lines.append(say("  expected: ", "  应为：") + expected)
    lines.append(say("  you gave: ", "  你的答案：") + given)
    if hint:
        lines.append(say("  hint: ", "  提示：") + hint)
    return ExerciseFailed("\n".join(lines))


def _fail(label: str, problem: str, expected: str | None, given: str, hint: str) -> None:
    raise _failure(label, problem, expected, given, hint)


def _not_answered(given) -> bool:
    return given is None or given is NotImplemented or given is Ellipsis


def _ok(label: str, shown: str) -> bool:
    print(f"\u2714 {label}" + say(f": correct ({shown})", f"：正确（{shown}）"))
    return True


def check_number(given, expected, *, tol: float = 1e-6, rtol: float = 0.0,
                 label: str = "Answer", hint: str = "") -> bool:
    """Check a numeric answer (scalar or sequence) within ``tol`` + ``rtol`` * |expected|."""
    exp = np.asarray(expected, dtype=float)
    exact = tol == 0 and not rtol
    within = say(f"within \u00b1{tol:g}" + (f" or {rtol:.0%}" if rtol else ""),
                 f"误差不超过 \u00b1{tol:g}" + (f" 或 {rtol:.0%}" if rtol else ""))
    if reveal_answers():
        shown_exp = f"{_fmt(expected)} ({say('exactly', '须完全相等') if exact else within})"
    else:
        what = say("a number", "一个数") if exp.ndim == 0 else say(f"{exp.size} numbers", f"{exp.size} 个数")
        shown_exp = (say(f"{what}, exactly the answer", f"{what}，须与正确答案完全相等") if exact
                     else say(f"{what}, {within} of the answer", f"{what}，与正确答案相比{within}"))
    if _not_answered(given):
        _fail(label, NOT_ANSWERED, shown_exp, repr(given), hint)
    if _is_bool(given):
        _fail(label, say("the answer is True/False, not a number (did you compare instead of compute?)",
                  "答案是 True/False，不是数值（是不是做了比较而不是计算？）"),
              shown_exp, f"{given!r} ({type(given).__name__})", hint)
    try:
        got = np.asarray(given, dtype=float)
    except (TypeError, ValueError):
        _fail(label, say("the answer is not a number", "答案不是数值"), shown_exp, f"{given!r} ({type(given).__name__})", hint)
    if got.shape != exp.shape:
        _fail(label, say(f"expected {_count(exp)}, got {_count(got)} (shape {got.shape} instead of {exp.shape})",
                         f"应给出{_count(exp)}，你给了{_count(got)}（形状 {got.shape}，应为 {exp.shape}）"), shown_exp, _fmt(given), hint)
    nan = np.isnan(got) & ~np.isnan(exp)
    if nan.any():
        where = (say("the answer is NaN", "答案是 NaN") if got.ndim == 0
                 else say(f"{int(nan.sum())} of the numbers are NaN", f"有 {int(nan.sum())} 个数是 NaN"))
        _fail(label, where + say(" (not a number): a division by zero, an empty selection or a missing "
                                 "value upstream?", "（不是数）：是否除以了零、选中了空集或前面有缺失值？"),
              shown_exp, _fmt(given), hint)
    if not np.allclose(got, exp, atol=tol, rtol=rtol, equal_nan=True):
        diff = np.abs(got - exp)
        close = np.nanmax(diff) < 0.1 * max(1.0, float(np.nanmax(np.abs(exp))))
        problem = say("not quite", "接近但不对") if close else say("wrong value", "数值不对")
        if exp.ndim == 0 and got.ndim == 0:
            g, e = float(got), float(exp)
            # rounding noise such as -5.6e-17 for a share that is 0 has no sign
            g_sign, e_sign = (0 if abs(x) <= max(tol, 1e-12) else (1 if x > 0 else -1) for x in (g, e))
            if e != 0 and math.isclose(g, e * 100, rel_tol=1e-3):
                problem = say("off by a factor of 100 (a percentage where a fraction was expected?)",
                              "差了 100 倍（应填小数，是否填成了百分数？）")
            elif e != 0 and math.isclose(g * 100, e, rel_tol=1e-3):
                problem = say("off by a factor of 100 (a fraction where a percentage was expected?)",
                              "差了 100 倍（应填百分数，是否填成了小数？）")
            elif g_sign and e_sign and g_sign != e_sign and math.isclose(abs(g), abs(e), rel_tol=1e-3, abs_tol=tol):
                problem = say("wrong sign (the right size, the opposite sign: subtracted the wrong way round?)",
                              "符号相反（大小对，符号反：是不是减反了？）")
            else:
                problem += say(": too high", "：偏高") if g > e else say(": too low", "：偏低")
        _fail(label, problem, shown_exp, _fmt(given), hint)
    return _ok(label, _fmt(given))


def _count(a: np.ndarray) -> str:
    """'one number' / '3 numbers' in the current language."""
    return say("one number", " 1 个数") if a.ndim == 0 else say(f"{a.size} numbers", f" {a.size} 个数")


def _is_bool(x) -> bool:
    """True/False (or an array of them) where a number is expected: True would pass as 1."""
    if isinstance(x, (bool, np.bool_)):
        return True
    if isinstance(x, (list, tuple)) and x and all(isinstance(v, (bool, np.bool_)) for v in x):
        return True
    return getattr(getattr(x, "dtype", None), "kind", "") == "b"


def _norm_label(x) -> str:
    return " ".join(str(x).strip().lower().split())


# 顾客 and 客户 both translate "customer" in the course material; the glossary uses one of them per term
_CUSTOMER_WORDS = ("顾客", "客户")


def _choice_key(x) -> str:
    """A label normalised for comparison: a glossary term in any of its names counts as one answer.

    English name, Chinese name and aliases of a glossary term share one key
    ('预期价值', 'expected value' and, for the value-hierarchy levels, the
    bare level 'expected'), and 顾客/客户 are interchangeable, so a right
    answer given in Chinese is accepted.  Labels that are not glossary terms
    (brands, item codes) are compared as they are, ignoring case and spaces.
    """
    text = _norm_label(x)
    if not text:
        return text
    if "->" in text:  # a path such as 'Quality -> Satisfaction' or '感知质量 -> 顾客满意'
        return "->".join(_choice_key(part) for part in text.split("->"))
    from ..glossary import lookup
    from ..language import WORDS_ZH

    english = _ENGLISH_OF.setdefault("words", {zh.lower(): en.lower() for en, zh in WORDS_ZH.items()})
    if text in english:         # cvlib's own words (quadrants, classes, constructs) in Chinese
        text = english[text]

    a, b = _CUSTOMER_WORDS
    candidates = [text, text.replace(a, b), text.replace(b, a)]
    if text.isascii() and " " not in text:
        candidates.append(f"{text} value")  # a level of the value hierarchy: 'expected' -> 'expected value'
    for cand in dict.fromkeys(candidates):
        try:
            return "term:" + _norm_label(lookup(cand).english)
        except KeyError:
            continue
    return text.replace(" ", "")


_ENGLISH_OF: dict[str, dict[str, str]] = {}


def _label_set(x):
    """A label, or a collection of labels as a frozenset, normalised for comparison."""
    if isinstance(x, str) or not hasattr(x, "__iter__"):
        return _choice_key(x)
    return frozenset(_choice_key(v) for v in x)


def check_choice(given, expected, *, label: str = "Answer", hint: str = "") -> bool:
    """Check a label (or a collection of labels, compared as a set), ignoring case and spaces.

    A glossary term may be given by any of its names, in English or Chinese
    (see :func:`_choice_key`).

    >>> check_choice("顾客终身价值", "客户终身价值", label="00.1")
    ✔ 00.1: correct ('顾客终身价值')
    True
    >>> check_choice("预期价值", "expected", label="01.5")
    ✔ 01.5: correct ('预期价值')
    True
    """
    reveal = reveal_answers()
    if isinstance(expected, (list, tuple, set, frozenset)):
        shown_exp = repr(sorted(map(str, expected))) if reveal else say(f"a list of {len(expected)} label(s)", f"一组 {len(expected)} 个选项")
        if _not_answered(given):
            _fail(label, NOT_ANSWERED, shown_exp, repr(given), hint)
        if isinstance(given, str) or not hasattr(given, "__iter__"):
            _fail(label, say("expected a collection of labels", "应给出一组选项（列表）"), shown_exp, repr(given), hint)
        e = {_choice_key(x): x for x in expected}
        g = {_choice_key(x): x for x in given}
        if set(e) != set(g):
            missing = sorted(str(e[k]) for k in set(e) - set(g))
            extra = sorted(str(g[k]) for k in set(g) - set(e))
            parts = []
            if missing:
                parts.append(say(f"missing {missing}", f"缺少 {missing}") if reveal
                             else say(f"{len(missing)} label(s) missing", f"缺少 {len(missing)} 个选项"))
            if extra:
                parts.append(say(f"should not include {extra}", f"不应包含 {extra}"))
            _fail(label, say("; ", "；").join(parts), shown_exp, repr(sorted(map(str, given))), hint)
        return _ok(label, repr(sorted(map(str, given))))
    shown_exp = repr(expected) if reveal else say("one word (a term or a name)", "一个词（术语或名称）")
    if _not_answered(given):
        _fail(label, NOT_ANSWERED, shown_exp, repr(given), hint)
    if _choice_key(given) != _choice_key(expected):
        _fail(label, say("wrong answer", "答案不对"), shown_exp, repr(given), hint)
    return _ok(label, repr(given))


def check_frame(given, expected, *, columns=None, tol: float = 1e-6,
                label: str = "Answer", hint: str = "") -> bool:
    """Check a DataFrame or Series against the expected one, cell by cell (numbers within ``tol``)."""
    if _not_answered(given):
        _fail(label, NOT_ANSWERED, say("a table", "一张表"), repr(given), hint)
    if isinstance(expected, pd.Series):
        expected = expected.to_frame()
        given = given.to_frame() if isinstance(given, pd.Series) else given
    if not isinstance(given, pd.DataFrame):
        _fail(label, say("expected a pandas DataFrame or Series", "应为 pandas 的 DataFrame 或 Series"),
              say("a table", "一张表"), type(given).__name__, hint)
    cols = list(columns) if columns is not None else list(expected.columns)
    missing = [c for c in cols if c not in given.columns]
    if missing:
        _fail(label, say(f"the table lacks column(s) {missing}", f"表中缺少列 {missing}"), str(cols), str(list(given.columns)), hint)
    if len(given) != len(expected):
        _fail(label, say("wrong number of rows", "行数不对"), say(f"{len(expected)} rows", f"{len(expected)} 行"),
              say(f"{len(given)} rows", f"{len(given)} 行"), hint)
    g, e = _align_rows(given, expected, label, hint)
    g, e = g[cols], e[cols]
    for c in cols:
        if pd.api.types.is_numeric_dtype(e[c]) and pd.api.types.is_numeric_dtype(g[c]):
            bad = ~np.isclose(g[c].to_numpy(float), e[c].to_numpy(float), atol=tol, equal_nan=True)
        else:
            bad = (g[c].astype(str) != e[c].astype(str)).to_numpy()
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            _fail(label, say(f"column {c!r} differs in {int(bad.sum())} row(s), first at row {e.index[i]!r}",
                             f"列 {c!r} 有 {int(bad.sum())} 行不同，第一处在行 {e.index[i]!r}"),
                  _fmt(e[c].iloc[i]) if reveal_answers() else None, _fmt(g[c].iloc[i]), hint)
    return _ok(label, say(f"{len(g)} rows match", f"{len(g)} 行全部一致"))


def _default_index(index) -> bool:
    return isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1


def _align_rows(given: pd.DataFrame, expected: pd.DataFrame, label: str, hint: str):
    """Both tables with the rows in the expected order, matched on their labels.

    Rows are compared by label, not by position: a right table sorted
    differently passes, a table whose labels differ fails (naming them) even
    if its numbers sit in the right places.  Tables without labels (both
    numbered 0..n-1) are compared by position.  A given table whose labels
    became a column (``reset_index()``) is matched on that column.
    """
    if _default_index(expected.index):
        return given.reset_index(drop=True), expected
    if _default_index(given.index) and expected.index.name in given.columns:
        given = given.set_index(expected.index.name)
    if not expected.index.is_unique:
        return given.reset_index(drop=True), expected.reset_index(drop=True)
    g_labels = {_norm_label(x): x for x in given.index}
    e_labels = [_norm_label(x) for x in expected.index]
    missing = [x for x, k in zip(expected.index, e_labels, strict=True) if k not in g_labels]
    if missing or not given.index.is_unique:
        shown = (say(f"rows labelled {list(expected.index)[:10]}", f"行标签为 {list(expected.index)[:10]}")
                 if reveal_answers()
                 else say(f"{len(expected)} rows labelled like the table in the question",
                          f"{len(expected)} 行，行标签与题目中的表相同"))
        problem = (say(f"the rows are labelled differently: {len(missing)} expected label(s) not found",
                       f"行标签不同：有 {len(missing)} 个应有的标签找不到")
                   if missing else say("a row label appears twice", "有一个行标签出现了两次"))
        _fail(label, problem, shown, say(f"rows labelled {list(given.index)[:10]}",
                                         f"行标签为 {list(given.index)[:10]}"), hint)
    given = given.loc[[g_labels[k] for k in e_labels]]
    given.index = expected.index
    return given, expected


def _fmt(x) -> str:
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    if isinstance(x, (list, tuple, np.ndarray)):
        return "[" + ", ".join(_fmt(v) for v in list(x)[:10]) + (", ..." if len(x) > 10 else "") + "]"
    return repr(x)


_REGISTRY: dict[str, Exercise] | None = None


def registry() -> dict[str, Exercise]:
    """All exercises of the workbook by id, collected from this package's ``nb*`` modules."""
    global _REGISTRY
    if _REGISTRY is None:
        found: dict[str, Exercise] = {}
        for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if not mod.name.startswith("nb"):
                continue
            module = importlib.import_module(f"{__name__}.{mod.name}")
            for ex in module.EXERCISES:
                if ex.id in found:
                    raise RuntimeError(f"exercise id {ex.id!r} is defined twice")
                found[ex.id] = ex
        _REGISTRY = found
    return _REGISTRY


def exercise(exercise_id: str) -> Exercise:
    """Look up one exercise by id, with close matches when the id is unknown."""
    reg = registry()
    if exercise_id not in reg:
        import difflib

        close = difflib.get_close_matches(str(exercise_id), list(reg), n=3)
        raise KeyError(f"no exercise {exercise_id!r}; " + (f"did you mean {close}?" if close else f"known ids: {sorted(reg)}"))
    return reg[exercise_id]


def check(exercise_id: str, given) -> None:
    """Check a student's answer to exercise ``exercise_id`` (e.g. ``"02.1"``).

    Prints a confirmation when the answer is right (and returns None, so a
    notebook shows only that line); raises :class:`ExerciseFailed` explaining
    what was expected otherwise.
    """
    exercise(exercise_id).check(given)




def passes(exercise_id: str, given) -> bool:
    """Whether ``given`` is a right answer to exercise ``exercise_id``, silently (True/False).

    The autograder of ``make assignments`` asks this, so homework is graded
    exactly as the notebooks' check cells judge it.

    >>> passes("00.2", 120), passes("00.2", 119), passes("00.2", NotImplemented)
    (True, False, False)
    """
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            exercise(exercise_id).check(given)
        except ExerciseFailed:
            return False
    return True
