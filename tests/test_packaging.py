"""Packaging: environment.yml and pyproject.toml agree; the README starts with the two commands."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _conda():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = [], []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip += dep["pip"]
        else:
            conda.append(dep)
    return conda, pip


def test_environment_yml_agrees_with_pyproject():
    project = _pyproject()["project"]
    wanted = {_name(r): r for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    conda, pip = _conda()
    have = {_name(r): r for r in conda if _name(r) not in ("python", "pip")}
    assert set(have) == set(wanted), (
        f"only in environment.yml: {sorted(set(have) - set(wanted))}; "
        f"only in pyproject.toml: {sorted(set(wanted) - set(have))}"
    )
    for name, req in wanted.items():
        spec = req[len(name):].replace(" ", "")
        assert have[name].replace(" ", "")[len(name):] == spec, f"{name}: {have[name]!r} vs {req!r}"
    assert "-e .[dev]" in pip
    python = next(r for r in conda if _name(r) == "python")
    assert python.replace(" ", "") == "python" + project["requires-python"].replace(" ", "")


def test_required_packages_declared():
    project = _pyproject()["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    assert {"pandas", "numpy", "scipy", "statsmodels", "seaborn", "matplotlib", "ipywidgets",
            "jupyterlab", "ipykernel"} <= runtime
    dev = {_name(r) for r in project["optional-dependencies"]["dev"]}
    assert {"pytest", "nbval", "hypothesis", "ruff"} <= dev
    assert project["requires-python"] == ">=3.11"
    assert project["scripts"]["cvlib"] == "cvlib.__main__:main"


def test_readme_leads_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make lab" in first_block and "make test" in first_block
    assert "conda env create -f environment.yml" in readme
    assert "make book" in readme


def test_makefile_targets_and_ci():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab:", "test:", "book:", "env:", "student:"):
        assert re.search(rf"^{target}", makefile, re.M), f"Makefile lacks {target}"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "CVLIB_DATA_HOME" in ci and "../shared/datasets" in ci


def test_cli_entry_points(tmp_path):
    out = subprocess.run([sys.executable, "-m", "cvlib", "glossary", "客户金字塔"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("customer pyramid / 客户金字塔")
    bad = subprocess.run([sys.executable, "-m", "cvlib", "glossary", "pyramidd"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "close matches" in bad.stderr
    src = ROOT / "notebooks" / "00_start_here.ipynb"
    done = subprocess.run([sys.executable, "-m", "cvlib", "student", str(src), str(tmp_path)],
                          capture_output=True, text=True, check=True)
    assert (tmp_path / "00_start_here.ipynb").exists() and "wrote" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "cvlib", "student", str(tmp_path / "none"), str(tmp_path)],
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "neither a notebook nor a folder" in missing.stderr


def test_import_is_light():
    code = "import sys, cvlib, cvlib.datasets; print('seaborn' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
