"""The widgets work where students use them: in a real browser (headless Debian Chromium).

JupyterLab serves a copy of the notebooks; each notebook is opened, all its
cells are run, and every explorer is checked: rendered as a widget (not as the
text ``Explorer(children=...)``), sliders with a track wider than their handle,
and a slider dragged with the mouse (or a dropdown entry picked) changes what
it shows.  Any browser console error fails the test.  The app mode (Voila) is
checked the same way on one notebook.  Screenshots of failures are written
under ``build/browser/``.

These tests are marked ``browser``; ``make browser`` (part of ``make test``)
runs them and says how to install Chromium when it is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import _browser as B
import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((B.ROOT / "notebooks").glob("*.ipynb"))
CHINESE = sorted((B.ROOT / "notebooks" / "zh").glob("*.ipynb"))
# each notebook with its path under the served folder: the English edition, then 中文版 in zh/
SERVED = [(p, p.name) for p in NOTEBOOKS] + [(p, f"zh/{p.name}") for p in CHINESE]
# widget labels of the Chinese edition: an English word (three or more lowercase letters) with no
# Chinese beside it is a label the language switch missed
UNTRANSLATED = re.compile(r"\b[a-z]{3,}\b")    # lowercase words: names (Acura, ECSI) are exempt
CJK = re.compile(r"[\u3400-\u9fff]")
_LABELS = """
() => Array.from(document.querySelectorAll('[data-cvlib-explorer] .widget-label, '
    + '[data-cvlib-explorer] .widget-button, [data-cvlib-explorer] .widget-dropdown option, '
    + '[data-cvlib-explorer] .widget-html-content b'))
  .map(e => (e.textContent || '').trim()).filter(t => t.length > 0)
"""
APP_NOTEBOOK = "05_lifetime_value.ipynb"

_OPEN_AND_RUN = """
async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  const ok = await app.commands.execute('notebook:run-all-cells');
  const errors = [];
  panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    for (const out of cell.model.outputs.toJSON()) {
      if (out.output_type === 'error') errors.push(`cell ${i + 1}: ${out.ename}: ${out.evalue}`);
    }
  });
  return {ok: ok, errors: errors};
}
"""


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium (a fresh profile) for the module; each test opens its own pages."""
    with B.browser() as context:
        yield context


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium):
    tmp = tmp_path_factory.mktemp("lab")
    copy = tmp / "notebooks"
    (copy / "zh").mkdir(parents=True)
    for path, served in SERVED:  # a copy: running the cells must not touch the committed notebooks
        shutil.copy(path, copy / served)
    with B.jupyterlab(copy, tmp) as (base, token):
        yield base, token, chromium


def test_chromium_is_there():
    B.chromium_path()


@pytest.mark.parametrize("path, served", SERVED, ids=[s.removesuffix(".ipynb") for _, s in SERVED])
def test_notebook_explorers_work_in_jupyterlab(lab, path, served):
    base, token, context = lab
    chinese = served.startswith("zh/")
    page = context.new_page()
    log = B.PageLog()
    log.attach(page)
    shots = B.BUILD / "failures" / served.removesuffix(".ipynb")
    try:
        # a workspace of its own, reset: no tabs restored from the notebook opened before
        workspace = path.stem + ("-zh" if chinese else "")
        page.goto(f"{base}/lab/workspaces/{workspace}/tree/{served}?reset&token={token}",
                  wait_until="domcontentloaded")
        page.wait_for_function("(name) => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.context "
                               "&& window.jupyterapp.shell.currentWidget.context.path === name",
                               arg=served, timeout=90_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        ran = page.evaluate(_OPEN_AND_RUN)
        assert not ran["errors"], f"{path.name}: cells raised in the browser: {ran['errors']}"
        page.wait_for_timeout(1500)  # widget views render after their cell finished
        problems = B.exercise_explorers(page, served, shots)
        if chinese:
            english = [t for t in page.evaluate(_LABELS) if UNTRANSLATED.search(t) and not CJK.search(t)]
            problems += [f"{served}: widget text not in Chinese: {t!r}" for t in dict.fromkeys(english)]
        # 00's glossary explorer has only a text box; a notebook that builds no explorer (06, on
        # big logs, shows code and tables only) has nothing to move
        if path.stem.startswith("00_") or "_explorer(" not in path.read_text(encoding="utf-8"):
            problems = [p for p in problems if not p.endswith("no explorer found on the page")]
        problems += [f"{path.stem}: {e}" for e in log.errors]
        if problems:
            B._shot(page, shots, "page")
        assert not problems, "\n".join(problems)
    finally:
        page.evaluate("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                      " && window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()


def test_app_mode_serves_live_widgets(tmp_path, chromium):
    """`make app` serves a notebook with Voila: code hidden, explorers live."""
    with B.app(Path(APP_NOTEBOOK).stem, tmp_path) as base:
        page = chromium.new_page()
        log = B.PageLog()
        log.attach(page)
        page.goto(base, wait_until="domcontentloaded", timeout=240_000)
        page.wait_for_selector(".widget-slider", timeout=240_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        page.screenshot(path=str(B.BUILD / "app.png"))
        code = page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor")
        shown = [i for i in range(code.count()) if code.nth(i).is_visible()]
        assert not shown, f"Voila shows {len(shown)} code cell(s); an app hides the code"
        problems = B.exercise_explorers(page, "app " + Path(APP_NOTEBOOK).stem, B.BUILD / "failures" / "app")
        problems += [f"app: {e}" for e in log.errors]
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_books_show_formulas_and_widgets_offline(tmp_path, chromium, edition):
    """The built pages, served by a plain local web server, with every other address cut off."""
    from test_book import make_vendor

    from cvlib.book import build_books

    pages = [p.stem for p in NOTEBOOKS if p.stem.startswith(("01_", "05_"))]
    out = tmp_path / "book"
    build_books(B.ROOT / "notebooks", out, vendor=make_vendor(), execute=False, editions=(edition,))
    port = B.free_port()
    cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
           str(out / edition)]
    with B.server(cmd, f"http://127.0.0.1:{port}/index.html", env=dict(os.environ),
                  log=B.BUILD / "book-server.log"):
        for stem in pages:
            page = chromium.new_page()
            log = B.PageLog()
            log.attach(page)
            outside = []

            def cut_off(route, outside=outside):
                if route.request.url.startswith(f"http://127.0.0.1:{port}/"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", cut_off)
            page.goto(f"http://127.0.0.1:{port}/{stem}.html", wait_until="load")
            page.wait_for_selector(".MathJax_CHTML, .MathJax, .MathJax_Display", timeout=60_000)
            page.wait_for_selector(".widget-slider", timeout=60_000)
            page.wait_for_timeout(1000)
            raw = page.evaluate("() => [...document.querySelectorAll('.jp-RenderedMarkdown')]"
                                ".filter(e => /\\$[^$]+\\$/.test(e.innerText)).length")
            problems = [f"loads {u} from outside" for u in outside] + log.errors
            if raw:
                problems.append(f"{raw} Markdown cell(s) still show raw $...$ TeX")
            if problems:
                B._shot(page, B.BUILD / "failures" / f"book-{edition}", stem)
            page.close()
            assert not problems, f"{edition} book, {stem}:\n" + "\n".join(problems)
