"""Helpers for the deployment tests: the repository's deployment files, read the way Compose,
kustomize and the services read them."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import SecretStr

from splot.common.settings import DEV_SECRET_PREFIX, ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
K8S = ROOT / "infra" / "k8s"
NGINX_CONF = ROOT / "infra" / "gateway" / "nginx.conf"

#: The four services and their ports (docs/architecture.md).
PORTS = {"directory": 8001, "clients": 8002, "referrals": 8003, "reporting": 8004}
SERVICES = tuple(PORTS)

#: What every service's settings have, and each one's peers (the deployment brief).
COMMON_FIELDS = (
    "database_url",
    "environment",
    "jwks_url",
    "token_url",
    "service_client_id",
    "service_client_secret",
    "log_level",
)
EXTRA_FIELDS = {
    "directory": ("key_encryption_keys", "refresh_cookie_secure"),
    "clients": (),
    "referrals": ("clients_url", "directory_url", "webhook_secret_keys"),
    "reporting": ("directory_url", "clients_url", "referrals_url", "pseudonym_key"),
}
#: Which peers each service calls (its *_url settings) and the scopes its identity needs.
CALLS = {
    "directory": (),
    "clients": ("directory",),
    "referrals": ("directory", "clients"),
    "reporting": ("directory", "clients", "referrals"),
}
SERVICE_SCOPES = {
    "clients": ("events:read", "directory:read"),
    "referrals": ("events:read", "clients:internal", "directory:read", "directory:occupancy"),
    "reporting": ("events:read",),
}


def prefix(service: str) -> str:
    return f"SPLOT_{service.upper()}_"


# --- the services' code -------------------------------------------------------------------------


def settings_class(service: str) -> type[ServiceSettings]:
    """``splot.<service>.config``'s settings class (every service has one: importing fails if not)."""
    module_name = f"splot.{service}.config"
    module = importlib.import_module(module_name)
    found = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, ServiceSettings)
        and obj is not ServiceSettings
        and obj.__module__ == module_name
    ]
    assert len(found) == 1, f"{module_name} should define exactly one settings class: {found}"
    return found[0]


def cli_path(service: str) -> Path:
    return ROOT / "services" / service / "src" / "splot" / service / "cli.py"


def cli_port_default(service: str) -> int | None:
    """The default of ``splot-<service> serve --port`` (read from the source, not imported); None
    when ``serve`` has no ``--port`` with a literal default."""
    path = cli_path(service)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add_argument"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "--port"
        ):
            for keyword in node.keywords:
                if keyword.arg == "default" and isinstance(keyword.value, ast.Constant):
                    return int(keyword.value.value)
    return None


def required_fields(service: str) -> set[str]:
    """Settings a deployment must set: the brief's list, the peers' URLs the settings class has and
    every secret whose default production refuses (development or empty)."""
    fields = set(COMMON_FIELDS) | set(EXTRA_FIELDS[service])
    cls = settings_class(service)
    # A peer's base URL, when the service has a setting for it (the embedded default points at the
    # single-process gateway, never right in a deployment).
    fields |= {f"{peer}_url" for peer in PORTS if f"{peer}_url" in cls.model_fields}
    unused = getattr(cls, "unused_secrets", frozenset())
    fields -= unused
    fields -= {"service_client_id"} if "service_client_secret" in unused else set()
    for name, info in cls.model_fields.items():
        default = info.default
        if isinstance(default, SecretStr) and name not in unused:
            value = default.get_secret_value()
            if not value or value.startswith(DEV_SECRET_PREFIX):
                fields.add(name)
    return fields


# --- Compose --------------------------------------------------------------------------------------

_VAR = re.compile(r"\$(?:\$|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?])?(?P<arg>[^}]*)\})")


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ``${VAR}``, ``${VAR:-default}``, ``${VAR:?message}`` and ``$$``; a variable
    that is required and absent becomes ``<required:VAR>`` (a stand-in, never a real value)."""

    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group("name"), match.group("op") or "", match.group("arg")
        value = env.get(name)
        if op.startswith(":") and value == "":
            value = None
        if value is not None:
            return value
        if op.endswith("-"):
            return arg
        if op.endswith("?"):
            return f"<required:{name}>"
        return ""

    return _VAR.sub(substitute, text)


def load_compose(env: dict[str, str] | None = None) -> dict[str, Any]:
    text = interpolate(COMPOSE_FILE.read_text(encoding="utf-8"), env or {})
    return yaml.safe_load(text)


def compose_required_variables() -> set[str]:
    return {
        m.group("name")
        for m in _VAR.finditer(COMPOSE_FILE.read_text(encoding="utf-8"))
        if m.group("name") and (m.group("op") or "").endswith("?")
    }


def compose_environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


# --- Kubernetes -----------------------------------------------------------------------------------


def load_yaml_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def parse_env_file(path: Path) -> dict[str, str]:
    result: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        result[key.strip()] = value
    return result


def kustomization(directory: Path) -> dict[str, Any]:
    return yaml.safe_load((directory / "kustomization.yaml").read_text(encoding="utf-8"))


def base_objects() -> list[dict[str, Any]]:
    base = K8S / "base"
    objects: list[dict[str, Any]] = []
    for resource in kustomization(base)["resources"]:
        objects.extend(load_yaml_documents(base / resource))
    return objects


@dataclass
class Generated:
    """What a configMapGenerator / secretGenerator entry produces (merged over the layers)."""

    name: str
    data: dict[str, str]


def _generated(kind: str) -> dict[str, Generated]:
    out: dict[str, Generated] = {}
    for layer in (K8S / "base", K8S / "overlays" / "production"):
        for entry in kustomization(layer).get(kind, []):
            data: dict[str, str] = {}
            for env_file in entry.get("envs", []):
                path = layer / env_file
                if kind == "secretGenerator":  # the committed example, never a real local file
                    path = path.with_name(path.name + ".example")
                data.update(parse_env_file(path))
            for literal in entry.get("literals", []):
                key, _, value = literal.partition("=")
                data[key] = value
            if entry.get("behavior") == "merge" and entry["name"] in out:
                out[entry["name"]].data.update(data)
            else:
                out[entry["name"]] = Generated(entry["name"], data)
    return out


def config_maps() -> dict[str, Generated]:
    return _generated("configMapGenerator")


def secrets() -> dict[str, Generated]:
    """The production Secrets' keys (from the committed *.env.example files: values are empty)."""
    return _generated("secretGenerator")


def container_environment(container: dict[str, Any]) -> dict[str, str]:
    """The environment a container gets from envFrom (ConfigMaps, Secrets) and env."""
    maps, secs = config_maps(), secrets()
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env.update(maps[source["configMapRef"]["name"]].data)
        if "secretRef" in source:
            env.update(secs[source["secretRef"]["name"]].data)
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = str(item["value"])
        elif "secretKeyRef" in item.get("valueFrom", {}):
            ref = item["valueFrom"]["secretKeyRef"]
            env[item["name"]] = secs[ref["name"]].data[ref["key"]]
    return env


def workloads(kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in base_objects() if o["kind"] == kind}


def with_stand_ins(env: dict[str, str], service: str) -> dict[str, str]:
    """Fill empty secret values (the examples') with stand-ins so the settings can be loaded."""
    filled = dict(env)
    for key, value in env.items():
        if value == "" or value.startswith("<required:"):
            if key.endswith("_DATABASE_URL"):
                filled[key] = f"postgresql+asyncpg://{service}:stand-in@db.invalid:5432/{service}"
            else:
                filled[key] = "stand-in-for-tests-" + key.lower()
        elif "<required:" in value:
            filled[key] = re.sub(r"<required:[A-Za-z0-9_]+>", "stand-in", value)
    return filled


def load_settings(service: str, env: dict[str, str]) -> ServiceSettings:
    """Instantiate the service's settings from exactly ``env`` (nothing else of this process's
    SPLOT_<SERVICE>_ variables leaks in)."""
    cls = settings_class(service)
    saved = {k: v for k, v in os.environ.items() if k.startswith(prefix(service))}
    try:
        for key in saved:
            del os.environ[key]
        os.environ.update({k: v for k, v in env.items() if k.startswith(prefix(service))})
        return cls()
    finally:
        for key in [k for k in os.environ if k.startswith(prefix(service))]:
            del os.environ[key]
        os.environ.update(saved)
