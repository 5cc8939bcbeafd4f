"""Shared by the cross-service suites: this directory is on ``sys.path`` (pytest puts a
conftest's folder there), so ``embedded_server`` imports from any of them."""
