"""Graded homework: each notebook's exercises as an otter-grader assignment.

``make assignments`` (``python -m cvlib assignments notebooks build/assignments``)
writes, for each notebook with exercises, ``build/assignments/<notebook>/``:

- ``student/<notebook>.ipynb``: the notebook to hand out; every solution is
  replaced by ``...`` under a comment naming the variable to assign, and each
  exercise ends with a ``grader.check("ex_NN_k")`` cell that runs its test;
- ``autograder/autograder.zip``: the autograder.  Grade a returned notebook
  locally, without Docker::

      otter run -a build/assignments/05_lifetime_value/autograder/autograder.zip submission.ipynb

  which writes ``results.json`` (score per exercise, one point each).

The tests are the workbook's own checks (:func:`cvlib.exercises.passes`), so
homework is graded exactly as the check cells of the notebooks judge it.
The assignments are built with otter-grader's ``otter assign`` from a master
notebook generated here (its raw ``# BEGIN QUESTION`` / ``# BEGIN SOLUTION``
/ ``# BEGIN TESTS`` cells); the environment that grades must have cvlib
installed (``make lab`` sets it up).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from .language import say, use
from .student import _CHECK_CALL, _check_after, _checked_names, _tags

__all__ = ["master_notebook", "build_assignments", "question_name"]


def question_name(exercise_id: str) -> str:
    """Otter's name of an exercise: ``"05.6"`` -> ``"ex_05_6"``."""
    return "ex_" + exercise_id.replace(".", "_")


def _raw(text: str):
    return nbformat.v4.new_raw_cell(text)


def master_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode | None:
    """The otter-grader master notebook of one workbook notebook (None when it has no exercises).

    Every exercise (a ``solution`` cell and its ``check`` cell) becomes a
    question worth one point whose test asks :func:`cvlib.exercises.passes`.
    Instructor-only cells are left out; all outputs are cleared.
    """
    from .editions import language_of

    with use(language_of(nb)):  # the questions speak the notebook's language
        return _master_notebook(nb, name)


def _master_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode | None:
    from .exercises import registry

    cells = [_raw("# ASSIGNMENT CONFIG\n"
                  f"name: {name}\n"
                  "init_cell: true\n"
                  "check_all_cell: false\n"
                  "export_cell: false\n"
                  "run_tests: true\n"
                  "solutions_pdf: false\n"
                  "generate:\n"
                  "  pdf: false\n"
                  "requirements: null\n")]
    skip: set[int] = set()
    questions = 0
    for i, cell in enumerate(nb.cells):
        if i in skip or "instructor" in _tags(cell):
            continue
        if cell.cell_type == "code" and "solution" in _tags(cell):
            check = _check_after(nb.cells, i)
            found = _CHECK_CALL.search(check.source) if check is not None else None
            if found is None:
                raise ValueError(f"{name}: a solution cell is not followed by a check cell: {cell.source[:80]!r}")
            ex_id = found.group(1)
            ex = registry()[ex_id]
            answer = _checked_names(check.source)
            if len(answer) != 1:
                raise ValueError(f"{name}: exercise {ex_id}'s check must pass one variable, got {answer}")
            qname = question_name(ex_id)
            cells.append(_raw(f"# BEGIN QUESTION\nname: {qname}\npoints: 1\n"))
            cells.append(_raw("# BEGIN SOLUTION"))
            cells.append(nbformat.v4.new_code_cell(
                say(f"# Exercise {ex_id}: {ex.title}. Assign your answer to `{answer[0]}`.\n",
                    f"# 练习 {ex_id}：{ex.title_zh or ex.title}。把答案赋给 `{answer[0]}`。\n") +
                f"# BEGIN SOLUTION\n{cell.source.strip()}\n# END SOLUTION\n"))
            cells.append(_raw("# END SOLUTION"))
            cells.append(_raw("# BEGIN TESTS"))
            cells.append(nbformat.v4.new_code_cell(
                "from cvlib.exercises import passes\n"
                f"assert passes({ex_id!r}, {answer[0]}), "
                + repr(say(f"run the check of exercise {ex_id} for what went wrong",
                           f"运行练习 {ex_id} 的检查单元格，看看哪里出了错"))))
            cells.append(_raw("# END TESTS"))
            cells.append(_raw("# END QUESTION"))
            skip.add(nb.cells.index(check))
            questions += 1
            continue
        new = nbformat.from_dict(cell)
        if new.cell_type == "code":
            new.outputs, new.execution_count = [], None
        cells.append(new)
    if not questions:
        return None
    out = nbformat.v4.new_notebook(cells=cells, metadata=nbformat.from_dict(nb.metadata))
    out.metadata.pop("widgets", None)
    return out


def build_assignments(src: str | Path, out: str | Path) -> list[Path]:
    """Write one otter-grader assignment per notebook with exercises; return the autograder zips."""
    src, out = Path(src).resolve(), Path(out).resolve()
    sources = [src] if src.is_file() else sorted(src.glob("*.ipynb"))
    if not sources:
        raise FileNotFoundError(f"no .ipynb files in {src}")
    written = []
    for path in sources:
        master = master_notebook(nbformat.read(path, as_version=4), path.stem)
        if master is None:
            continue
        folder = out / path.stem
        if folder.exists():  # a rebuild: no autograder of an earlier run is left beside the new one
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        master_path = folder / "master" / path.name
        master_path.parent.mkdir(exist_ok=True)
        nbformat.write(master, master_path)
        # run from the notebook's folder so relative paths in the notebook work while tests run
        done = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-pdfs", str(master_path),
                               str(folder)], cwd=path.parent, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"otter assign failed for {path.name}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        zips = sorted((folder / "autograder").glob("*.zip"))
        if not zips:
            raise RuntimeError(f"otter assign wrote no autograder for {path.name}: {done.stdout[-2000:]}")
        written.append(zips[0])
    return written
