"""Student copies of the instructor notebooks.

``cvlib student notebooks/ build/student`` (or ``python -m cvlib student ...``)
writes one student copy per notebook:

- cells tagged ``instructor`` are removed;
- each code cell tagged ``solution`` is replaced by a stub: it sets the names
  the solution would assign to ``NotImplemented`` and raises
  ``NotImplementedError`` with the exercise's title and hint (found through the
  ``check("NN.k", ...)`` call of the next ``check`` cell), so the check that
  follows tells the student the exercise is not answered yet;
- all outputs and execution counts are cleared.

The copies are generated, never committed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

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


def _exercise_after(cells, start: int):
    for cell in cells[start + 1:]:
        if cell.cell_type == "code" and "check" in _tags(cell):
            found = _CHECK_CALL.search(cell.source)
            return found.group(1) if found else None
        if cell.cell_type == "code" and "solution" in _tags(cell):
            return None
    return None


def _stub(solution_source: str, exercise_id: str | None) -> str:
    from .exercises import registry

    names = _assigned_names(solution_source)
    ex = registry().get(exercise_id) if exercise_id else None
    title = f"Exercise {exercise_id}" + (f": {ex.title}" if ex else "") if exercise_id else "Exercise"
    hint = ex.hint if ex and ex.hint else ""
    wanted = ", ".join(f"`{n}`" for n in names) or "your answer"
    lines = [f"# {title}", f"# Write your solution here; it should assign {wanted}."]
    if hint:
        lines.append(f"# Hint: {hint}")
    lines += [f"{n} = NotImplemented" for n in names]
    message = f"{title} is yours to solve: replace this cell with code that assigns {wanted}."
    if hint:
        message += f" Hint: {hint}"
    lines.append(f"raise NotImplementedError({message!r})")
    return "\n".join(lines)


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return the student copy of an instructor notebook (the input is not modified)."""
    out = nbformat.from_dict(nb)  # deep copy
    cells = []
    for i, cell in enumerate(nb.cells):
        tags = _tags(cell)
        if "instructor" in tags:
            continue
        new = nbformat.from_dict(cell)
        if cell.cell_type == "code":
            if "solution" in tags:
                new.source = _stub(cell.source, _exercise_after(nb.cells, i))
                new.metadata["tags"] = [t for t in tags if t != "solution"] + [STUB_TAG]
            new.outputs = []
            new.execution_count = None
        cells.append(new)
    out.cells = cells
    return out


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
