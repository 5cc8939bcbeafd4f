"""splot-connector: a small program an institution adapts to connect its case system to Splot,
built on :mod:`splot_sdk` alone (see README.md)."""
