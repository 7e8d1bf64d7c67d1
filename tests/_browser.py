"""Drive the workbook in a real browser: Debian's Chromium through Playwright for Python.

Shared by ``tests/test_browser.py``: start a JupyterLab (or Voila) server on a
free local port, open a page in headless Chromium and check every explorer
(an ipywidgets view holding sliders or dropdowns): that it rendered as a
widget, that its sliders have a usable track, and that moving a control
changes what the explorer shows.

Never ``playwright install``: that downloads a browser of its own.  The
browser is the system's Chromium (``apt-get install chromium``), found at
``$CVLIB_CHROMIUM`` or ``/usr/bin/chromium``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "browser"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOW_TO_GET_CHROMIUM = ("the browser tests need Debian's Chromium: run `apt-get update && apt-get install -y "
                       "chromium fonts-wqy-microhei` as root (CI's .ci/run does this), or point "
                       "CVLIB_CHROMIUM at a Chromium binary; never `playwright install`")


def chromium_path() -> str:
    """The Chromium binary to drive; an AssertionError says how to get one when there is none."""
    path = os.environ.get("CVLIB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(path).is_file(), f"no Chromium at {path}: {HOW_TO_GET_CHROMIUM}"
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kernel_env(**extra) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               **extra)
    env.pop("MPLBACKEND", None)  # the tests set Agg; a kernel in the browser must show figures inline
    return env


@contextlib.contextmanager
def server(cmd: list[str], url_ok: str, *, env: dict, log: Path, timeout: float = 120):
    """Run a server command in its own process group until the block ends, then stop it by its id."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while True:
                assert proc.poll() is None, f"{cmd[0]} exited early:\n{log.read_text()[-3000:]}"
                if _answers(url_ok):
                    break
                assert time.monotonic() < deadline, f"{cmd[0]} did not answer in {timeout:g} s:\n{log.read_text()[-3000:]}"
                time.sleep(0.5)
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def _answers(url: str) -> bool:
    """Whether ``url`` answers 200 (``tcp://host:port``: whether the port accepts a connection)."""
    try:
        if url.startswith("tcp://"):
            host, port = url[len("tcp://"):].split(":")
            with socket.create_connection((host, int(port)), timeout=5):
                return True
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def lab_settings(folder: Path) -> Path:
    """User settings for a test JupyterLab: every cell in the page, no autosave, no news fetch."""
    def put(plugin: str, values: dict) -> None:
        pkg, name = plugin.split(":")
        path = folder / pkg / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))

    # windowing would leave cells outside the viewport out of the page
    put("@jupyterlab/notebook-extension:tracker", {"windowingMode": "none"})
    put("@jupyterlab/docmanager-extension:plugin", {"autosave": False})
    put("@jupyterlab/apputils-extension:notification", {"checkForUpdates": False, "fetchNews": "false"})
    return folder


@contextlib.contextmanager
def jupyterlab(notebook_dir: Path, tmp: Path):
    port, token = free_port(), "cvlib-browser-test"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--notebook-dir={notebook_dir}", "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = _kernel_env(JUPYTERLAB_SETTINGS_DIR=str(lab_settings(tmp / "lab-settings")),
                      JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
                      JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
    base = f"http://127.0.0.1:{port}"
    with server(cmd, f"{base}/api/status?token={token}", env=env, log=BUILD / "jupyterlab.log"):
        yield base, token


@contextlib.contextmanager
def app(notebook: str, tmp: Path):
    """``make app NB=notebook`` on a free port, with this interpreter's environment."""
    port = free_port()
    bindir = str(Path(sys.executable).parent)
    cmd = ["make", "--no-print-directory", "app", f"NB={notebook}", f"BIN={bindir}", "STAMP=",
           f"APP_ARGS=--port={port} --no-browser --ServerApp.port_retries=0"]
    env = _kernel_env(JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
    base = f"http://127.0.0.1:{port}"
    # a GET of any page would start a kernel: wait for the port only
    with server(cmd, f"tcp://127.0.0.1:{port}", env=env, log=BUILD / "app.log"):
        yield base


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    with sync_playwright() as p, _tempdir() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=exe, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@contextlib.contextmanager
def _tempdir():
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cvlib-chromium-") as d:
        yield d


@dataclass
class PageLog:
    """Console errors and uncaught exceptions of one page."""

    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url} ({r.failure})"))


# JavaScript run in the page: the explorers, i.e. top-level widget views in output areas that hold
# a slider or a dropdown, with their sliders' track and handle widths.
_FIND_EXPLORERS = """
(root) => {
  const views = [...root.querySelectorAll('.jp-OutputArea-output, .output_subarea, .jp-RenderedHTMLCommon')]
      .flatMap(area => [...area.children].filter(c => c.classList.contains('jupyter-widgets')
                                                       || c.classList.contains('lm-Widget')));
  const tops = [...new Set(views)].filter(v => v.querySelector('.widget-slider, .widget-dropdown')
      && !v.parentElement.closest('.widget-slider, .widget-dropdown, .jupyter-widgets.widget-container'));
  return tops.map((v, i) => {
    v.setAttribute('data-cvlib-explorer', String(i));
    const sliders = [...v.querySelectorAll('.widget-slider')].map(s => {
      const track = s.querySelector('.noUi-target, .slider-container, input[type=range]');
      const handle = s.querySelector('.noUi-handle');
      const label = s.querySelector('.widget-label');
      return {label: label ? label.textContent.trim() : '',
              track: track ? track.getBoundingClientRect().width : 0,
              handle: handle ? handle.getBoundingClientRect().width : 0};
    });
    return {index: i, sliders: sliders,
            dropdowns: v.querySelectorAll('.widget-dropdown select').length,
            title: (v.querySelector('b') || {textContent: ''}).textContent.trim()};
  });
}
"""

_TEXT_REPRS = ("Explorer(children=", "VBox(children=", "HBox(children=", "Output(outputs=")


def explorer_output(page, index: int) -> str:
    """What an explorer's Output shows: its text plus the sources of its images."""
    return page.evaluate(
        """(i) => {
          const v = document.querySelector(`[data-cvlib-explorer="${i}"]`);
          const outs = [...v.querySelectorAll('.widget-output')];
          return outs.map(o => o.innerText + [...o.querySelectorAll('img')].map(im => im.src.slice(-200)).join('|')).join('\\n');
        }""", index)


def text_reprs(page) -> list[str]:
    """Output text that shows a widget's repr where the widget itself should be."""
    texts = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output, .output_subarea')]
        .map(e => e.innerText)""")
    return [t[:120] for t in texts if any(r in t for r in _TEXT_REPRS)]


def exercise_explorers(page, where: str, shots: Path, *, settle: float = 15.0) -> list[str]:
    """Check every explorer on the page; return the problems found (empty when all is well)."""
    problems = [f"{where}: a widget was shown as text, not as a widget: {t!r}" for t in text_reprs(page)]
    explorers = page.evaluate(_FIND_EXPLORERS, page.locator("body").element_handle())
    for ex in explorers:
        name = f"{where} explorer {ex['index'] + 1} ({ex['title'] or 'untitled'})"
        root = page.locator(f'[data-cvlib-explorer="{ex["index"]}"]')
        root.scroll_into_view_if_needed()
        narrow = [s for s in ex["sliders"] if s["track"] < max(s["handle"], 1)]
        for s in narrow:
            problems.append(f"{name}: slider {s['label']!r} has a track {s['track']:.0f} px wide, "
                            f"narrower than its handle ({s['handle']:.0f} px): it cannot be dragged")
        if narrow:
            _shot(root, shots, name)
        # the first usable slider; if it changes nothing (e.g. a slider that applies only in one
        # mode, or an iteration limit never reached), the next slider, then a dropdown
        usable = [i for i, s in enumerate(ex["sliders"]) if s["track"] >= max(s["handle"], 1)]
        actions = [lambda k=k, r=root: _drag_slider(page, r, k) for k in usable[:2]]
        actions += [lambda k=k, r=root: _pick_dropdown(r, k) for k in range(min(ex["dropdowns"], 2))]
        if not actions:
            problems.append(f"{name}: no slider with a usable track and no dropdown to move")
            continue
        tried = []
        for act in actions:
            before = explorer_output(page, ex["index"])
            how = act()
            deadline = time.monotonic() + settle
            after = before
            while time.monotonic() < deadline and after == before:
                page.wait_for_timeout(300)
                after = explorer_output(page, ex["index"])
            tried.append(how)
            if after != before:
                break
        changed = after != before
        if not changed:
            problems.append(f"{name}: the output did not change after {'; '.join(tried)}")
            _shot(root, shots, name)
        _record(f"{name}: {len(ex['sliders'])} slider(s), {ex['dropdowns']} dropdown(s); "
                f"{'; '.join(tried)}: " + ("output changed" if changed else "NO CHANGE"))
    if not explorers:
        problems.append(f"{where}: no explorer found on the page")
    return problems


def _drag_slider(page, root, k: int) -> str:
    slider = root.locator(".widget-slider").nth(k)
    label = slider.locator(".widget-label").first.inner_text().strip()
    box = slider.locator(".noUi-target").bounding_box()
    handle = slider.locator(".noUi-handle").first.bounding_box()
    y = handle["y"] + handle["height"] / 2
    x0 = handle["x"] + handle["width"] / 2
    # drag towards the farther end, about a third of the track
    left = box["x"] + 2
    right = box["x"] + box["width"] - 2
    x1 = x0 + (right - x0) * 0.6 if right - x0 > x0 - left else x0 - (x0 - left) * 0.6
    page.mouse.move(x0, y)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, y, steps=5)
    page.mouse.move(x1, y, steps=5)
    page.mouse.up()
    return f"dragging the slider {label!r} with the mouse"


def _pick_dropdown(root, k: int = 0) -> str:
    select = root.locator(".widget-dropdown select").nth(k)
    options = select.locator("option").all_inner_texts()
    current = select.input_value()
    values = select.evaluate("s => [...s.options].map(o => o.value)")
    choice = next(v for v in values if v != current) if len(values) > 1 else current
    select.select_option(choice)
    return f"picking another entry of the dropdown ({options[:3]}...)"


def _record(line: str) -> None:
    """Append what was checked to build/browser/checked.txt (a record of the run)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with open(BUILD / "checked.txt", "a", encoding="utf-8") as f:
        f.write(line + "\n")


def _shot(locator, folder: Path, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() else "_" for c in name)[:120]
    with contextlib.suppress(Exception):
        locator.screenshot(path=str(folder / f"{safe}.png"))
