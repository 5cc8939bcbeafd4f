"""docs/operations.md's configuration reference is the generator's output (it cannot drift)."""

from __future__ import annotations

import difflib
import importlib.util

from deploylib import ROOT, SERVICES, settings_class

spec = importlib.util.spec_from_file_location(
    "gen_config_reference", ROOT / "infra/ops/gen_config_reference.py"
)
assert spec and spec.loader
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def test_committed_reference_matches_the_settings_classes() -> None:
    committed = gen.committed_section(gen.DOC.read_text(encoding="utf-8"))
    assert committed is not None, "docs/operations.md lacks the configuration reference markers"
    generated = gen.generate()
    stale = [name for name in SERVICES if gen.service_section(name) not in committed]
    diff = "".join(
        difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "committed", "generated")
    )
    assert committed == generated, (
        f"stale sections: {stale}; run `uv run python infra/ops/gen_config_reference.py --write`\n{diff}"
    )


def test_every_service_is_documented_field_by_field() -> None:
    committed = gen.committed_section(gen.DOC.read_text(encoding="utf-8")) or ""
    for service in SERVICES:
        cls = settings_class(service)
        prefix = cls.model_config["env_prefix"]
        for field in cls.model_fields:
            assert f"`{prefix}{field.upper()}`" in committed, f"{prefix}{field.upper()} is not documented"


def test_secrets_are_masked() -> None:
    for service in SERVICES:
        cls = settings_class(service)
        section = gen.service_section(service)
        assert "dev-insecure-" not in section
        for name, info in cls.model_fields.items():
            if "SecretStr" in str(info.annotation):
                row = next(line for line in section.splitlines() if line.startswith(f"| `{name}` "))
                assert "| secret" in row
