"""`make book`: a student book without answers and an instructor book with everything, both offline.

The books are built here from the committed (executed) notebooks; `make book` also executes them
first.  Whether the pages show formulas and widgets with the network cut off is checked in a real
browser by tests/test_browser.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from cvlib.book import STATIC, book_notebook, build_books

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
VENDOR = ROOT / "build" / "vendor"


def make_vendor() -> Path:
    """`make vendor` with this interpreter's environment (npm fetches the widget renderer once)."""
    bindir = str(Path(sys.executable).parent)
    done = subprocess.run(["make", "--no-print-directory", "vendor", f"BIN={bindir}", "STAMP="],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return VENDOR


@pytest.fixture(scope="session")
def books(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    return out, build_books(ROOT / "notebooks", out, vendor=make_vendor(), execute=False)


class _Refs(HTMLParser):
    """Every URL a page loads: script src, link href, img src, iframe src."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    KEYS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        key = self.KEYS.get(tag)
        if key and a.get(key) and not (tag == "link" and a.get("rel") not in ("stylesheet", "preload", "icon")):
            self.urls.append(a[key])


def page_urls(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    # modules imported from scripts at load time (not the mermaid loader, which only runs for diagrams)
    imports = re.findall(r"""@import\s+url\(\s*["']?([^"')]+)""", html)
    return parser.urls + imports


def test_two_books_each_with_every_notebook(books):
    out, written = books
    assert set(written) == {"student", "instructor"}
    for edition, pages in written.items():
        names = sorted(p.name for p in pages)
        assert names == sorted(["index.html"] + [f"{p.stem}.html" for p in NOTEBOOKS])
        index = (out / edition / "index.html").read_text(encoding="utf-8")
        assert all(f'href="{p.stem}.html"' in index for p in NOTEBOOKS)
    assert "Post this one" in (out / "student" / "index.html").read_text(encoding="utf-8")
    assert "Do not post" in (out / "instructor" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_pages_load_nothing_from_outside(books, edition):
    """Every script, style sheet and image comes from the book itself: it works without internet."""
    out, written = books
    folder = out / edition
    for page in written[edition]:
        html = page.read_text(encoding="utf-8")
        for url in page_urls(html):
            parsed = urlparse(url)
            assert not parsed.scheme or parsed.scheme == "data", f"{page.name} loads {url} from outside"
            if parsed.scheme != "data":
                assert (folder / parsed.path).is_file(), f"{page.name} refers to {url}, not in the build"
        if page.name == "index.html":
            continue
        assert f'src="{STATIC}/mathjax/MathJax.js?config=' in html, f"{page.name}: MathJax not local"
        assert f'src="{STATIC}/require.js"' in html
        if "application/vnd.jupyter.widget-state+json" in html:
            m = re.search(r"var widgetRendererSrc = '([^']+)'", html)
            assert m and m.group(1) == f"{STATIC}/html-manager/embed-amd.js", f"{page.name}: widgets from {m}"
            assert (folder / m.group(1)).is_file()
            base = re.search(r"widgets_cdn_url|data-jupyter-widgets-cdn=\"([^\"]*)\"", html)
            assert base is None or not (base.group(1) or "").startswith("http")
    # MathJax's own pieces (its configuration, the TeX input and the output fonts) are there too
    mj = folder / STATIC / "mathjax"
    assert (mj / "config" / "TeX-AMS_CHTML-full.js").is_file()
    assert any((mj / "fonts").rglob("*.woff")), "MathJax web fonts missing"


def test_widgets_are_stored_in_the_pages(books):
    out, written = books
    with_widgets = [p for p in NOTEBOOKS if "widgets" in nbformat.read(p, as_version=4).metadata]
    assert with_widgets, "no notebook stores widget state: the books would show no widgets"
    for p in with_widgets:
        for edition in ("student", "instructor"):
            html = (out / edition / f"{p.stem}.html").read_text(encoding="utf-8")
            assert "application/vnd.jupyter.widget-state+json" in html
            assert "application/vnd.jupyter.widget-view+json" in html


def _solution_lines(nb) -> list[str]:
    """Lines only the solutions have (a line a worked example above also shows is no leak)."""
    shown = {ln.strip() for c in nb.cells if "solution" not in c.metadata.get("tags", [])
             for ln in c.source.splitlines()}
    lines = []
    for c in nb.cells:
        if "solution" in c.metadata.get("tags", []):
            lines += [ln.strip() for ln in c.source.splitlines()
                      if ln.strip() and not ln.strip().startswith("#") and len(ln.strip()) > 12
                      and not any(ln.strip() in other for other in shown)]
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_book_hides_solutions_and_answers(books, path):
    nb = nbformat.read(path, as_version=4)
    student = book_notebook(nb, "student")
    tags = [c.metadata.get("tags", []) for c in student.cells]
    assert not any("solution" in t or "instructor" in t for t in tags)
    sources = "\n".join(c.source for c in student.cells)
    leaked = [ln for ln in _solution_lines(nb) if ln in sources]
    assert not leaked, f"{path.name}: solution code in the student book: {leaked[:3]}"
    for cell in student.cells:
        if cell.cell_type == "code" and ({"check", "exercise"} & set(cell.metadata.get("tags", []))):
            assert not cell.outputs, f"{path.name}: a check or stub keeps its output: {cell.source[:60]}"
    # the pages themselves: no confirmation of a right answer, while the instructor book has them
    out, _ = books
    student_html = (out / "student" / f"{path.stem}.html").read_text(encoding="utf-8")
    instructor_html = (out / "instructor" / f"{path.stem}.html").read_text(encoding="utf-8")
    assert ": correct (" not in student_html
    if any("check" in c.metadata.get("tags", []) for c in nb.cells):
        assert ": correct (" in instructor_html
    # ordinary outputs are kept: a figure or table the notebook shows is in the student book too
    assert student_html.count("<img") >= 1 or "<table" in student_html


def test_instructor_only_cells_are_left_out():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T"),
        nbformat.v4.new_code_cell("print('note for the teacher')", metadata={"tags": ["instructor"]},
                                  outputs=[nbformat.v4.new_output("stream", text="note for the teacher\n")]),
        nbformat.v4.new_code_cell("x = 2", outputs=[nbformat.v4.new_output("stream", text="kept\n")],
                                  execution_count=1),
    ])
    student = book_notebook(nb, "student")
    assert [c.source for c in student.cells] == ["# T", "x = 2"]
    assert student.cells[1].outputs[0]["text"] == "kept\n"
    assert len(book_notebook(nb, "instructor").cells) == 3
    with pytest.raises(ValueError, match="edition"):
        book_notebook(nb, "teacher")


def test_missing_vendor_files_say_how_to_get_them(tmp_path):
    with pytest.raises(FileNotFoundError, match="make vendor"):
        build_books(ROOT / "notebooks", tmp_path / "out", vendor=tmp_path / "nothing", execute=False)
