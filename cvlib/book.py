"""Static HTML books of the workbook: one for students, one for instructors, both offline.

``make book`` (or ``python -m cvlib book``) writes two sites:

- ``build/book/student/``: the pages students may see.  Built from the
  student copies (:func:`cvlib.student.student_notebook`): instructor-only
  cells removed, each solution replaced by its stub, and the outputs of stubs
  and of check cells dropped (a check prints "correct (10000)", which gives
  the answer away).  Every other output (tables, figures, widgets) is kept.
  **This is the one to post.**
- ``build/book/instructor/``: every cell with every output, solutions and
  check results included.  Keep it for yourself.

Each site is self-contained: MathJax 2 (with its CommonHTML output and TeX
fonts), RequireJS and the Jupyter widgets HTML manager, fetched from the npm
registry by ``make vendor``, are copied into its ``_static/`` folder and every page refers to them by relative paths, so the
books work on a campus without internet and from a USB stick.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat

from .editions import language_of
from .language import say, use

__all__ = ["build_books", "book_notebook", "STATIC"]

STATIC = "_static"
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
# the parts of MathJax 2 that the TeX input and the CommonHTML output load
_MATHJAX_PARTS = ("MathJax.js", "config", "extensions", "localization/en", "jax/element",
                  "jax/input/TeX", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff",
                  "fonts/HTML-CSS/TeX/otf")


def _vendor_files(vendor: Path) -> dict[str, Path]:
    found = {"require.js": vendor / "requirejs" / "require.js",
             "html-manager": vendor / "html-manager" / "dist",
             "mathjax": vendor / "mathjax"}
    missing = [str(p) for p in found.values() if not p.exists()]
    missing += [str(vendor / "mathjax" / part) for part in _MATHJAX_PARTS
                if not (vendor / "mathjax" / part).exists()]
    if missing:
        raise FileNotFoundError(f"missing {missing}: run `make vendor` (it fetches mathjax, "
                                "@jupyter-widgets/html-manager and requirejs with npm) first")
    return found


def _copy_static(target: Path, vendor: Path) -> None:
    files = _vendor_files(vendor)
    static = target / STATIC
    if static.exists():
        shutil.rmtree(static)
    static.mkdir(parents=True)
    for part in _MATHJAX_PARTS:
        source, dest = files["mathjax"] / part, static / "mathjax" / part
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest)
        else:
            shutil.copy(source, dest)
    shutil.copy(files["require.js"], static / "require.js")
    shutil.copytree(files["html-manager"], static / "html-manager",
                    ignore=shutil.ignore_patterns("*.map", "*.LICENSE.txt"))


def book_notebook(nb: nbformat.NotebookNode, edition: str) -> nbformat.NotebookNode:
    """The notebook as the ``edition`` ("student" or "instructor") book shows it (input unchanged)."""
    if edition == "instructor":
        return nbformat.from_dict(nb)
    if edition != "student":
        raise ValueError(f"edition must be 'student' or 'instructor', got {edition!r}")
    from .student import student_notebook

    return student_notebook(nb, keep_outputs=True)


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return m.group(1).strip()
    return fallback


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.mathjax_url = f"{STATIC}/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    exporter.require_js_url = f"{STATIC}/require.js"
    exporter.widget_renderer_url = f"{STATIC}/html-manager/embed-amd.js"
    exporter.jupyter_widgets_base_url = f"{STATIC}/"
    return exporter


def _execute(nb, folder: Path, timeout: int = 300):
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def _note(edition: str) -> str:
    """The index page's note on what the edition is, in the current language."""
    if edition == "student":
        return say("Student book: the workbook with its exercises to do. Post this one.",
                   "学生用书：含待完成的练习，发布给学生的是这一版。")
    return say("Instructor book: every solution and check result. Do not post it; "
               "students get the student book.",
               "教师用书：含全部答案和检查结果。请勿发布；学生使用学生用书。")


def build_books(src: str | Path = "notebooks", out: str | Path = "build/book", *,
                vendor: str | Path = "build/vendor", execute: bool = True,
                editions: tuple[str, ...] = ("student", "instructor")) -> dict[str, list[Path]]:
    """Write the student and instructor books; return the pages written per edition.

    Parameters
    ----------
    src : folder of instructor notebooks (or one .ipynb).
    out : output folder; each edition goes to ``out/<edition>/``.
    vendor : folder where ``make vendor`` unpacked the widget renderer and RequireJS.
    execute : run every notebook first (fresh outputs and widget state); False uses the
        outputs stored in the notebooks.
    """
    src, out, vendor = Path(src), Path(out), Path(vendor)
    sources = [src] if src.is_file() else sorted(src.glob("*.ipynb"))
    if not sources:
        raise FileNotFoundError(f"no .ipynb files in {src}")
    _vendor_files(vendor)
    notebooks = {}
    for path in sources:
        nb = nbformat.read(path, as_version=4)
        notebooks[path] = _execute(nb, path.parent) if execute else nb
    exporter = _exporter()
    written: dict[str, list[Path]] = {}
    for edition in editions:
        target = out / edition
        target.mkdir(parents=True, exist_ok=True)
        _copy_static(target, vendor)
        pages, entries = [], []
        for path, nb in notebooks.items():
            page = target / f"{path.stem}.html"
            body, _ = exporter.from_notebook_node(book_notebook(nb, edition),
                                                  resources={"metadata": {"name": path.stem}})
            page.write_text(body, encoding="utf-8")
            pages.append(page)
            entries.append(f'<li><a href="{page.name}">{html.escape(_title(nb, path.stem))}</a></li>')
        index = target / "index.html"
        language = language_of(next(iter(notebooks.values())))
        with use(language):
            note = _note(edition)
        index.write_text(
            f"<!DOCTYPE html>\n<html lang=\"{'zh-CN' if language == 'zh' else 'en'}\"><head>"
            "<meta charset=\"utf-8\"><title>cvlib workbook</title></head>"
            f"<body><h1>cvlib: customer value workbook / 客户价值工作簿</h1><p>{note}</p>"
            f"<ol>{''.join(entries)}</ol></body></html>\n", encoding="utf-8")
        written[edition] = [index, *pages]
    return written
