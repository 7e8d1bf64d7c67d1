"""`make lab` starts a JupyterLab server that answers on localhost (headless, then stopped)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_serves_the_notebooks(tmp_path):
    assert shutil.which("make"), "make is needed for the workbook's two commands"
    port = _free_port()
    token = "cvlib-test-token"
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
            f"--ServerApp.port_retries=0")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        status = contents = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as r:
                    status = json.load(r)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=5) as r:
                    contents = json.load(r)
                break
            except OSError:
                time.sleep(0.5)
        assert status is not None, f"JupyterLab did not answer: {proc.stdout.read1().decode()[-2000:] if proc.poll() is not None else 'still starting'}"
        names = {item["name"] for item in contents["content"]}
        assert "00_start_here.ipynb" in names, f"server root is not notebooks/: {sorted(names)}"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as r:
            assert r.status == 200 and b"JupyterLab" in r.read()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_make_app_says_how_to_call_it():
    """`make app` needs NB=<notebook>; a wrong name is refused with the list of notebooks."""
    import sys

    bindir = str(Path(sys.executable).parent)
    for extra, expected in (([], "usage: make app NB=05_lifetime_value"),
                            (["NB=06_nothing"], "no notebook notebooks/06_nothing.ipynb")):
        done = subprocess.run(["make", "--no-print-directory", "app", f"BIN={bindir}", "STAMP=", *extra],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode != 0 and expected in done.stdout + done.stderr, done.stdout + done.stderr
    usage = subprocess.run(["make", "--no-print-directory", "app", f"BIN={bindir}", "STAMP="], cwd=ROOT,
                           capture_output=True, text=True, timeout=60).stdout
    assert "00_start_here" in usage and "05_lifetime_value" in usage


def test_make_browser_without_chromium_says_how_to_get_it():
    import sys

    bindir = str(Path(sys.executable).parent)
    done = subprocess.run(["make", "--no-print-directory", "browser", f"BIN={bindir}", "STAMP=",
                           "CHROMIUM=/nonexistent/chromium"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert "apt-get install -y chromium" in done.stdout and "playwright install" in done.stdout
