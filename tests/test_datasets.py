"""The data layer: synthetic data equals its generator; published data is fetched, verified, typed."""

from __future__ import annotations

import functools
import hashlib
import http.server
import shutil
import socket
import threading
from pathlib import Path

import pandas as pd
import pytest

from cvlib import datasets
from cvlib.datasets import REMOTES, ChecksumError, DataNotFoundError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def reference_home() -> Path:
    """The folder of published reference data (CVLIB_DATA_HOME), or a failure saying what to set."""
    import os

    home = os.environ.get("CVLIB_DATA_HOME")
    if not home or not Path(home).is_dir():
        pytest.fail(
            "these tests need the published reference data: set CVLIB_DATA_HOME to the folder "
            f"holding cdnow/, ecsi/, ... (in this project: {SHARED}); got {home!r}"
        )
    return Path(home)


# ------------------------------------------------------------------ synthetic data


@pytest.mark.parametrize("name", datasets.available())
def test_committed_csv_equals_generator(name):
    path = datasets.DATA_DIR / f"{name}.csv"
    assert path.exists(), f"{path} is missing: run python -m cvlib.datasets regenerate"
    generated = datasets.to_csv_text(datasets._entry(name).generate())
    assert path.read_text(encoding="utf-8") == generated, (
        f"data/{name}.csv differs from what the generator produces; run "
        f"python -m cvlib.datasets regenerate {name}"
    )


def test_data_readme_is_the_generated_dictionary():
    readme = (datasets.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert readme == datasets.data_dictionary(), "run python -m cvlib.datasets regenerate"


@pytest.mark.parametrize("name", datasets.available())
def test_every_column_is_documented(name):
    entry = datasets._entry(name)
    frame = entry.generate()
    undocumented = [c for c in frame.columns if not entry.columns.get(c, "").strip()]
    assert not undocumented, f"{name}: document columns {undocumented} in its SyntheticData(columns=...)"
    assert entry.description


@pytest.mark.parametrize("name", datasets.available())
def test_load_round_trips_types(name):
    entry = datasets._entry(name)
    loaded = datasets.load(name)
    generated = entry.generate()
    pd.testing.assert_frame_equal(loaded, generated, check_dtype=False, check_categorical=True,
                                  check_exact=False, rtol=0, atol=1e-9)
    for c in entry.dates:
        assert pd.api.types.is_datetime64_any_dtype(loaded[c])
    for c in entry.categories:
        assert isinstance(loaded[c].dtype, pd.CategoricalDtype)


def test_load_functions_exist_for_every_set():
    for name in datasets.available():
        loader = getattr(datasets, f"load_{name}")
        assert name in loader.__doc__
    assert "load_small_shop" in dir(datasets)


def test_generator_is_deterministic():
    a = datasets._entry("small_shop").generate()
    b = datasets._entry("small_shop").generate()
    pd.testing.assert_frame_equal(a, b)


def test_unknown_data_set_names_close_matches():
    with pytest.raises(KeyError, match="did you mean.*small_shop"):
        datasets.load("small_shopp")
    with pytest.raises(AttributeError):
        datasets.load_no_such_thing  # noqa: B018


def test_regenerate_writes_csv_and_readme(tmp_path):
    written = datasets.regenerate(["small_shop"], folder=tmp_path)
    assert {p.name for p in written} == {"small_shop.csv", "README.md"}
    assert (tmp_path / "small_shop.csv").read_text() == (datasets.DATA_DIR / "small_shop.csv").read_text()


def test_load_without_data_folder_generates(monkeypatch, tmp_path):
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    pd.testing.assert_frame_equal(datasets.load("small_shop"), datasets._entry("small_shop").generate())


# ------------------------------------------------------------------ published data


@pytest.fixture
def no_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("CVLIB_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CVLIB_DATA_MIRROR", raising=False)
    return tmp_path / "cache"


def test_fetch_cdnow_sample(no_cache):
    reference_home()
    log = datasets.fetch_cdnow()
    # Fader, Hardie & Lee (2005): 6,919 transactions of 2,357 customers
    assert log.shape == (6919, 5)
    assert log["customer_id"].nunique() == 2357
    assert list(log.columns) == ["customer_id", "master_id", "date", "cds", "amount"]
    assert pd.api.types.is_datetime64_any_dtype(log["date"])
    assert log["date"].min() == pd.Timestamp("1997-01-01")
    assert log["date"].max() <= pd.Timestamp("1998-06-30")
    assert log.loc[log["date"] < "1997-04-01", "customer_id"].nunique() == 2357  # Q1 1997 cohort


def test_fetch_cdnow_master(no_cache):
    reference_home()
    log = datasets.fetch_cdnow("master")
    assert log.shape == (69659, 4)
    assert log["customer_id"].nunique() == 23570


def test_fetch_cdnow_bad_kind():
    with pytest.raises(ValueError, match="'sample' or 'master'"):
        datasets.fetch_cdnow("full")


def test_fetch_cdnow_summary_matches_published_moments(no_cache):
    reference_home()
    s = datasets.fetch_cdnow_summary()
    assert len(s) == 2357 and (s["T"] > 0).all()
    repeaters = s.loc[s["frequency"] > 0, "monetary_value"]
    # shared/datasets/README.md: 946 customers, mean 35.08, sd 30.28, min 2.99, median 27.50, max 299.63
    assert len(repeaters) == 946
    assert repeaters.mean() == pytest.approx(35.08, abs=0.005)
    assert repeaters.std() == pytest.approx(30.28, abs=0.005)
    assert repeaters.min() == pytest.approx(2.99) and repeaters.max() == pytest.approx(299.63)
    assert repeaters.median() == pytest.approx(27.50, abs=0.005)


def test_fetch_mobi(no_cache):
    reference_home()
    mobi = datasets.fetch_mobi()
    assert mobi.shape == (250, 24)
    assert mobi.to_numpy().min() >= 1 and mobi.to_numpy().max() <= 10
    assert {"CUEX1", "CUSCO", "CUSL3", "IMAG5", "PERQ7", "PERV2"} <= set(mobi.columns)


def test_fetch_other_sets(no_cache):
    reference_home()
    assert datasets.fetch_donations()["weights"].sum() == 11104
    sbg = datasets.fetch_sbg_retention()
    assert sbg["alive"].iloc[:8].tolist() == [1000, 631, 468, 382, 326, 289, 262, 241]
    bank = datasets.fetch_bank_satisfaction()
    assert bank.shape == (250, 28) and isinstance(bank["gender"].dtype, pd.CategoricalDtype)


def test_wrong_data_home_is_named(monkeypatch, no_cache, tmp_path):
    monkeypatch.setenv("CVLIB_DATA_HOME", str(tmp_path / "nowhere"))
    with pytest.raises(DataNotFoundError, match="CVLIB_DATA_HOME is set to .*nowhere.*not a folder"):
        datasets.fetch_mobi()


def test_corrupted_file_in_data_home_is_refused(monkeypatch, no_cache, tmp_path):
    home = reference_home()
    bad = tmp_path / "home"
    (bad / "ecsi").mkdir(parents=True)
    text = (home / "ecsi" / "mobi.csv").read_text()
    (bad / "ecsi" / "mobi.csv").write_text(text.replace("7,7,6", "7,7,7", 1))
    monkeypatch.setenv("CVLIB_DATA_HOME", str(bad))
    with pytest.raises(ChecksumError, match="mobi.csv has sha256 .* expected 8411783c"):
        datasets.fetch_mobi()


def test_unknown_published_file():
    with pytest.raises(KeyError, match="did you mean"):
        datasets.fetch_file("ecsi/mobi.cvs")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def mirror(tmp_path):
    """A local HTTP server on 127.0.0.1 serving a folder laid out like the data home."""
    root = tmp_path / "mirror"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_download_verifies_and_caches(monkeypatch, no_cache, mirror):
    home = reference_home()
    root, url = mirror
    (root / "ecsi").mkdir()
    shutil.copy(home / "ecsi" / "mobi.csv", root / "ecsi" / "mobi.csv")
    monkeypatch.delenv("CVLIB_DATA_HOME")
    monkeypatch.setenv("CVLIB_DATA_MIRROR", url)
    mobi = datasets.fetch_mobi()
    assert mobi.shape == (250, 24)
    cached = no_cache / "ecsi" / "mobi.csv"
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == REMOTES["ecsi/mobi.csv"].sha256
    # second call is served from the cache, even with the mirror gone
    (root / "ecsi" / "mobi.csv").unlink()
    assert datasets.fetch_mobi().shape == (250, 24)


def test_truncated_download_is_refused_and_not_cached(monkeypatch, no_cache, mirror):
    home = reference_home()
    root, url = mirror
    (root / "ecsi").mkdir()
    data = (home / "ecsi" / "mobi.csv").read_bytes()
    (root / "ecsi" / "mobi.csv").write_bytes(data[: len(data) // 2])
    monkeypatch.delenv("CVLIB_DATA_HOME")
    monkeypatch.setenv("CVLIB_DATA_MIRROR", url)
    with pytest.raises(ChecksumError, match="truncated or changed at the source"):
        datasets.fetch_mobi()
    assert not (no_cache / "ecsi" / "mobi.csv").exists()
    assert not list((no_cache / "ecsi").glob(".part-*")) if (no_cache / "ecsi").exists() else True


def test_damaged_cache_entry_is_replaced(monkeypatch, no_cache, mirror):
    home = reference_home()
    root, url = mirror
    (root / "sbg").mkdir()
    shutil.copy(home / "sbg" / "retention_regular.csv", root / "sbg" / "retention_regular.csv")
    (no_cache / "sbg").mkdir(parents=True)
    (no_cache / "sbg" / "retention_regular.csv").write_text("year,alive\n0,1\n")
    monkeypatch.delenv("CVLIB_DATA_HOME")
    monkeypatch.setenv("CVLIB_DATA_MIRROR", url)
    assert datasets.fetch_sbg_retention()["alive"].iloc[0] == 1000


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_without_local_copy_says_what_to_set(monkeypatch, no_cache):
    monkeypatch.delenv("CVLIB_DATA_HOME", raising=False)
    monkeypatch.setenv("CVLIB_DATA_MIRROR", f"http://127.0.0.1:{_closed_port()}")
    with pytest.raises(DataNotFoundError, match="Set CVLIB_DATA_HOME to a folder that holds cdnow/CDNOW_sample.txt"):
        datasets.fetch_cdnow()


def test_file_without_public_source_says_what_to_set(monkeypatch, no_cache):
    monkeypatch.delenv("CVLIB_DATA_HOME", raising=False)
    with pytest.raises(DataNotFoundError, match="no public download address.*CVLIB_DATA_HOME"):
        datasets.fetch_sbg_retention()


def test_cli_list(capsys):
    assert datasets._main(["list"]) == 0
    out = capsys.readouterr().out
    assert "load_small_shop()" in out and "ecsi/mobi.csv" in out
    assert datasets._main([]) == 2
