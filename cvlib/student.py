"""Student copies of the instructor notebooks.

``cvlib student notebooks/ build/student`` (or ``python -m cvlib student ...``)
writes one student copy per notebook:

- cells tagged ``instructor`` are removed;
- each code cell tagged ``solution`` is replaced by a stub: it sets the
  answer the check cell expects (the names passed to ``check("NN.k", ...)`` in
  the next ``check`` cell) to ``NotImplemented`` and raises
  ``NotImplementedError`` with the exercise's title, so the check that follows
  tells the student the exercise is not answered yet.  The stub neither gives
  the hint (the check shows it after a wrong answer) nor names the solution's
  intermediate variables;
- all outputs and execution counts are cleared (``keep_outputs=True``, used by
  the student book, keeps them except those of stubs and checks).

The copies are generated, never committed.  Run ``make student`` (copies in
``build/student``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from .language import say, use

__all__ = ["student_notebook", "build_student_copies", "STUB_TAG"]

STUB_TAG = "exercise"
_CHECK_CALL = re.compile(r"""check\(\s*["']([^"']+)["']""")


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _assigned_names(source: str) -> list[str]:
    """Top-level names a solution cell defines, in order (for the stub)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []

    def add(target) -> None:
        if isinstance(target, ast.Name):
            names.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                add(elt)

    for node in tree.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                add(t)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            add(node.target)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
    return list(dict.fromkeys(names))


def _check_after(cells, start: int):
    """The check cell that follows the solution cell at ``start`` (None when there is none)."""
    for cell in cells[start + 1:]:
        if cell.cell_type == "code" and "check" in _tags(cell):
            return cell
        if cell.cell_type == "code" and "solution" in _tags(cell):
            return None
    return None


def _exercise_after(cells, start: int):
    cell = _check_after(cells, start)
    found = _CHECK_CALL.search(cell.source) if cell is not None else None
    return found.group(1) if found else None


def _checked_names(check_source: str) -> list[str]:
    """The variables a check cell passes to ``check(id, answer)``: the answer the student assigns."""
    try:
        tree = ast.parse(check_source)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "check"
                and len(node.args) >= 2):
            for arg in node.args[1:]:
                names += [n.id for n in ast.walk(arg) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return list(dict.fromkeys(names))


def _stub(solution_source: str, exercise_id: str | None, check_source: str = "") -> str:
    from .exercises import registry

    assigned = _assigned_names(solution_source)
    # the answer the check reads; the solution's other (intermediate) names are the student's business
    names = [n for n in _checked_names(check_source) if n in assigned] or assigned[-1:]
    ex = registry().get(exercise_id) if exercise_id else None
    word = say("Exercise", "练习")
    if exercise_id:
        title = f"{word} {exercise_id}" + (say(f": {ex.title}", f"：{ex.title_zh or ex.title}") if ex else "")
    else:
        title = word
    wanted = ", ".join(f"`{n}`" for n in names) or say("your answer", "你的答案")
    lines = [f"# {title}",
             say(f"# Write your solution here; it should assign {wanted}.",
                 f"# 在这里写出你的解答，给 {wanted} 赋值。"),
             say("# The check below gives a hint once you have tried.",
                 "# 你作答之后，下面的检查单元格会给出提示。")]
    lines += [f"{n} = NotImplemented" for n in names]
    message = say(f"{title} is yours to solve: replace this cell with code that assigns {wanted}.",
                  f"{title}：请你自己完成，把这个单元格换成给 {wanted} 赋值的代码。")
    lines.append(f"raise NotImplementedError({message!r})")
    return "\n".join(lines)


def student_notebook(nb: nbformat.NotebookNode, *, keep_outputs: bool = False) -> nbformat.NotebookNode:
    """Return the student copy of an instructor notebook (the input is not modified).

    ``keep_outputs=True`` keeps the outputs of ordinary cells (for the student
    book); stubs and check cells never keep theirs, since a check's output
    shows the right answer.
    """
    from .editions import language_of

    out = nbformat.from_dict(nb)  # deep copy
    with use(language_of(nb)):  # the stubs speak the notebook's language
        out.cells = _student_cells(nb, keep_outputs)
    return out


def _student_cells(nb: nbformat.NotebookNode, keep_outputs: bool) -> list:
    cells = []
    for i, cell in enumerate(nb.cells):
        tags = _tags(cell)
        if "instructor" in tags:
            continue
        new = nbformat.from_dict(cell)
        if cell.cell_type == "code":
            if "solution" in tags:
                check = _check_after(nb.cells, i)
                new.source = _stub(cell.source, _exercise_after(nb.cells, i),
                                   check.source if check is not None else "")
                new.metadata["tags"] = [t for t in tags if t != "solution"] + [STUB_TAG]
            if not keep_outputs or "solution" in tags or "check" in tags:
                new.outputs = []
                new.execution_count = None
        cells.append(new)
    return cells


def build_student_copies(src: str | Path, dst: str | Path) -> list[Path]:
    """Write the student copy of every notebook in ``src`` (a folder or one .ipynb) into ``dst``."""
    src, dst = Path(src), Path(dst)
    if src.is_file():
        sources = [src]
    elif src.is_dir():
        sources = sorted(src.glob("*.ipynb"))
    else:
        raise FileNotFoundError(f"{src} is neither a notebook nor a folder of notebooks")
    if not sources:
        raise FileNotFoundError(f"no .ipynb files in {src}")
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sources:
        nb = nbformat.read(path, as_version=4)
        target = dst / path.name
        nbformat.write(student_notebook(nb), target)
        written.append(target)
    return written
