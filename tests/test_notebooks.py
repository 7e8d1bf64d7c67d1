"""Committed notebooks are executed in order, follow the exercise conventions, and their
student copies run with exactly the unanswered exercises failing."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from cvlib.exercises import registry
from cvlib.student import STUB_TAG, build_student_copies, student_notebook

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHINESE = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
NOTEBOOKS = ENGLISH + CHINESE  # both editions follow every convention below
EDITIONS = {"en": ENGLISH, "zh": CHINESE}
TOPICS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
CHECK = re.compile(r"""check\(\s*["']([^"']+)["']""")


def tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def test_there_are_notebooks():
    assert any(p.name == "00_start_here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_committed_executed_in_order(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in code_cells(nb)]
    assert None not in counts, f"{path.name}: {counts.count(None)} code cell(s) never executed"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n; run it top to bottom in a fresh kernel"
    )
    errors = [c.execution_count for c in code_cells(nb)
              if any(o.get("output_type") == "error" for o in c.outputs)]
    assert not errors, f"{path.name}: cells {errors} were committed with errors"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_exercise_structure(path):
    nb = nbformat.read(path, as_version=4)
    cells = code_cells(nb)
    solutions = [i for i, c in enumerate(cells) if "solution" in tags(c)]
    if path in TOPICS:
        assert len(solutions) >= 3, f"{path.name} has {len(solutions)} exercises; at least 3 expected"
    known = registry()
    for i in solutions:
        follower = cells[i + 1] if i + 1 < len(cells) else None
        assert follower is not None and "check" in tags(follower), (
            f"{path.name}: solution cell {cells[i].execution_count} is not followed by a check cell"
        )
        ids = CHECK.findall(follower.source)
        assert ids and all(x in known for x in ids), f"{path.name}: check ids {ids} not in cvlib.exercises"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_every_registered_exercise_is_used_once(edition):
    assert EDITIONS[edition], f"no notebooks in the {edition} edition"
    used = [x for p in EDITIONS[edition] for c in code_cells(nbformat.read(p, as_version=4))
            if "check" in tags(c) for x in CHECK.findall(c.source)]
    assert sorted(used) == sorted(set(used)), "an exercise id is checked twice"
    assert set(used) == set(registry()), (
        f"registered but unused: {sorted(set(registry()) - set(used))}; "
        f"used but unregistered: {sorted(set(used) - set(registry()))}"
    )


def test_student_copy_transforms_cells():
    nb = nbformat.read(ENGLISH[0], as_version=4)
    before = nbformat.writes(nb)
    student = student_notebook(nb)
    assert nbformat.writes(nb) == before, "the instructor notebook must not be modified"
    assert not [c for c in student.cells if "solution" in tags(c) or "instructor" in tags(c)]
    stubs = [c for c in student.cells if STUB_TAG in tags(c)]
    assert len(stubs) == sum("solution" in tags(c) for c in nb.cells)
    for stub in stubs:
        assert "raise NotImplementedError" in stub.source and "Hint:" not in stub.source
    assert all(not c.outputs and c.execution_count is None for c in student.cells if c.cell_type == "code")


def test_instructor_cells_removed():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("keep"),
        nbformat.v4.new_code_cell("secret = 1", metadata={"tags": ["instructor"]}),
        nbformat.v4.new_code_cell("answer, other = 1, 2", metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell('check("00.2", answer)', metadata={"tags": ["check"]}),
    ])
    student = student_notebook(nb)
    assert [c.source for c in student.cells][0] == "keep"
    assert len(student.cells) == 3
    stub = student.cells[1].source
    assert "answer = NotImplemented" in stub
    assert "other" not in stub, "the solution's intermediate names are not the student's to copy"
    assert "Exercise 00.2: number of distinct customers" in stub


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_stubs_give_no_hint_and_no_call_before_an_attempt(path):
    """A stub names the answer the check reads, nothing of the solution: no hint, no call."""
    nb = nbformat.read(path, as_version=4)
    student = student_notebook(nb)
    solutions = [c for c in nb.cells if "solution" in tags(c)]
    stubs = [c for c in student.cells if STUB_TAG in tags(c)]
    assert len(stubs) == len(solutions)
    for solution, stub in zip(solutions, stubs, strict=True):
        ex_id = re.search(r"(?:Exercise|练习) (\d\d\.\d+)", stub.source)
        assert ex_id, stub.source
        ex = registry()[ex_id.group(1)]
        assert "练习" in stub.source if path in CHINESE else "Exercise" in stub.source, "stub in the wrong language"
        for hint in (ex.hint, ex.hint_zh):
            assert not hint or hint not in stub.source, f"{ex_id.group(1)}: the stub gives the hint away"
        code = [ln for ln in stub.source.splitlines() if not ln.startswith("#")]
        assert all(ln.endswith("= NotImplemented") or ln.startswith("raise NotImplementedError")
                   for ln in code), f"{ex_id.group(1)}: the stub holds code: {code}"
        # no call of the solution (e.g. glossary.lookup(...)) anywhere in the stub
        calls = set(re.findall(r"([A-Za-z_][\w.]*)\(", solution.source)) - {"check"}
        shown = stub.source.replace(ex.title, "").replace(ex.title_zh, "")  # the title may say P(alive)
        leaked = [c for c in calls if f"{c}(" in shown]
        assert not leaked, f"{ex_id.group(1)}: the stub shows the solution's calls {leaked}"


def test_not_answered_check_gives_no_hint():
    ex = registry()["00.1"]
    with pytest.raises(AssertionError) as info:
        ex.check(NotImplemented)
    assert "not answered yet" in str(info.value) and ex.hint not in str(info.value)


def test_start_here_uses_make_targets():
    """An instructor copying a command from notebook 00 needs no activated environment."""
    nb = nbformat.read(ENGLISH[0], as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "cvlib student" not in text
    for target in ("make student", "make book", "make app NB=", "make assignments"):
        assert target in text, target


def _failing_cells(nb):
    out = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.outputs:
            if o.get("output_type") == "error":
                out[i] = o["ename"]
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_student_copy_runs_and_only_exercises_fail(path, tmp_path):
    from nbclient import NotebookClient

    [copy] = build_student_copies(path, tmp_path)
    nb = nbformat.read(copy, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    failing = _failing_cells(nb)
    stubs = {i for i, c in enumerate(nb.cells) if STUB_TAG in tags(c)}
    checks = set()
    for i in stubs:
        j = next(k for k in range(i + 1, len(nb.cells)) if "check" in tags(nb.cells[k]))
        checks.add(j)
    assert set(failing) == stubs | checks, (
        f"{path.name}: failing cells {sorted(failing)} (names {failing}) but exactly the stubs "
        f"{sorted(stubs)} and their checks {sorted(checks)} should fail"
    )
    assert {failing[i] for i in stubs} == {"NotImplementedError"}
    assert {failing[i] for i in checks} <= {"ExerciseFailed"}, (
        f"{path.name}: a check cell failed with {[failing[i] for i in checks]} instead of a "
        f"'not answered yet' ExerciseFailed; pass the solution's variable to check() as it is"
    )
