"""The results report: built from the data (build), a plain model (model), rendered as HTML and PDF."""
