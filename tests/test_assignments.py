"""`make assignments`: otter-grader assignments whose local autograder scores the reference
solutions at full marks and wrong answers below."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cvlib.assignments import build_assignments, master_notebook, question_name
from cvlib.exercises import registry

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
GRADED = ["00_start_here", "04_customer_classification"]


@pytest.fixture(scope="module")
def assignments(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignments")
    zips = []
    for stem in GRADED:
        zips += build_assignments(NOTEBOOKS / f"{stem}.ipynb", out)
    return out, zips


def grade(zip_path: Path, submission: Path, out: Path) -> dict:
    """`otter run`: the autograder scores a submitted notebook locally, no Docker."""
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(zip_path), "-o", str(out),
                           str(submission)], capture_output=True, text=True, cwd=NOTEBOOKS)
    assert (out / "results.json").is_file(), done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads((out / "results.json").read_text())


def scores(results: dict) -> dict[str, float]:
    """Score per question, as a fraction of its points (otter's results.json, Gradescope format)."""
    return {t["name"]: t["score"] / t["max_score"] for t in results["tests"] if "max_score" in t}


def _ids(stem: str) -> list[str]:
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    return [m for c in nb.cells if "check" in c.metadata.get("tags", [])
            for m in re.findall(r"""check\(\s*["']([^"']+)""", c.source)]


def test_each_notebook_with_exercises_has_an_assignment(assignments):
    out, zips = assignments
    assert [z.parent.parent.name for z in zips] == GRADED
    for stem in GRADED:
        student = nbformat.read(out / stem / "student" / f"{stem}.ipynb", as_version=4)
        text = "\n".join(c.source for c in student.cells)
        for ex_id in _ids(stem):
            assert f'grader.check("{question_name(ex_id)}")' in text
        # the student notebook holds no solution code
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        # lines a worked example outside the solutions also shows are no leak
        shown = {ln for c in nb.cells if "solution" not in c.metadata.get("tags", [])
                 for ln in c.source.splitlines()}
        for cell in nb.cells:
            if "solution" in cell.metadata.get("tags", []):
                body = [ln for ln in cell.source.splitlines()
                        if ln.strip() and not ln.startswith("#")
                        and not any(ln.strip() in other for other in shown)]
                leaked = [ln for ln in body if len(ln) > 15 and ln in text]
                assert not leaked, f"{stem}: solution in student copy: {leaked[:3]}"


@pytest.mark.parametrize("stem", GRADED)
def test_reference_solutions_get_full_marks(assignments, stem, tmp_path):
    out, zips = assignments
    [zip_path] = [z for z in zips if z.parent.parent.name == stem]
    reference = out / stem / "autograder" / f"{stem}.ipynb"  # the notebook with its solutions
    results = grade(zip_path, reference, tmp_path / "graded")
    got = scores(results)
    assert set(got) == {question_name(x) for x in _ids(stem)}, got
    assert all(v == 1 for v in got.values()), got


def _wrong(student: Path, target: Path) -> Path:
    """The student notebook with a wrong answer in every exercise."""
    nb = nbformat.read(student, as_version=4)
    for cell in nb.cells:
        m = re.search(r"Assign your answer to `(\w+)`", cell.source)
        if cell.cell_type == "code" and m:
            cell.source = cell.source.replace("...", f"{m.group(1)} = -1  # a wrong answer")
    nbformat.write(nb, target)
    return target


@pytest.mark.parametrize("stem", GRADED)
def test_wrong_answers_score_below_full_marks(assignments, stem, tmp_path):
    out, zips = assignments
    [zip_path] = [z for z in zips if z.parent.parent.name == stem]
    submission = _wrong(out / stem / "student" / f"{stem}.ipynb", tmp_path / f"{stem}.ipynb")
    got = scores(grade(zip_path, submission, tmp_path / "graded"))
    assert got and all(v == 0 for v in got.values()), got


def test_master_notebook_questions_and_tests():
    nb = nbformat.read(NOTEBOOKS / "00_start_here.ipynb", as_version=4)
    master = master_notebook(nb, "00_start_here")
    raws = [c.source for c in master.cells if c.cell_type == "raw"]
    assert raws[0].startswith("# ASSIGNMENT CONFIG")
    assert sum(r.startswith("# BEGIN QUESTION") for r in raws) == len(_ids("00_start_here"))
    tests = [c.source for c in master.cells if "passes(" in c.source]
    assert all(x in registry() for t in tests for x in re.findall(r"passes\('([^']+)'", t))
    no_exercises = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# none")])
    assert master_notebook(no_exercises, "x") is None
