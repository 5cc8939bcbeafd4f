"""Fixtures of the embedded mode's tests."""

import pytest


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SPLOT_DATA_DIR", str(tmp_path / "var"))
    static = tmp_path / "dist"
    (static / "assets").mkdir(parents=True)
    (static / "index.html").write_text("<!doctype html><html lang=pl><title>Splot</title><div id=root></div>")
    (static / "assets" / "app.js").write_text("console.log('splot')")
    monkeypatch.setenv("SPLOT_STATIC_DIR", str(static))
    return tmp_path / "var"
