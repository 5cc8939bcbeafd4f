"""The deployment files against the services' code: environment variables, ports, probes, images,
routes, secrets. Static (no Docker, no cluster); the real Compose binary and the Kubernetes schema
validation run in test_validate_deploy_script (infra/ci/validate-deploy.sh)."""

from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
import yaml

from deploylib import (
    CALLS,
    K8S,
    NGINX_CONF,
    PORTS,
    ROOT,
    SERVICE_SCOPES,
    SERVICES,
    cli_path,
    cli_port_default,
    compose_environment,
    compose_required_variables,
    container_environment,
    load_compose,
    load_settings,
    load_yaml_documents,
    prefix,
    required_fields,
    secrets,
    settings_class,
    with_stand_ins,
    workloads,
)

BIN = Path(sys.executable).parent


def _check_environment(service: str, env: dict[str, str], where: str) -> None:
    """The variables the brief and the settings class require are there, each SPLOT_<SERVICE>_
    variable names a real setting, and the peers are reached at their in-cluster names."""
    p = prefix(service)
    missing = sorted(p + field.upper() for field in required_fields(service) if p + field.upper() not in env)
    assert not missing, f"{where}: missing {missing}"
    assert env[p + "ENVIRONMENT"] == "production", where
    # Kubernetes' committed examples leave secrets empty; Compose builds the URL around a password.
    assert env[p + "DATABASE_URL"] == "" or env[p + "DATABASE_URL"].startswith("postgresql+asyncpg://"), where
    assert env[p + "JWKS_URL"] == "http://directory:8001/.well-known/jwks.json", where
    assert env[p + "TOKEN_URL"] == "http://directory:8001/v1/oauth/token", where
    # Required (and so present) unless the service never calls a peer: checked by `missing` above.
    if p + "SERVICE_CLIENT_ID" in env:
        assert env[p + "SERVICE_CLIENT_ID"] == service, where
    for peer in PORTS:
        if p + f"{peer.upper()}_URL" in env:
            assert peer in CALLS[service], f"{where}: {service} does not call {peer} (NetworkPolicy)"
            assert env[p + f"{peer.upper()}_URL"] == f"http://{peer}:{PORTS[peer]}", where


def _check_loads(service: str, env: dict[str, str], where: str) -> None:
    cls = settings_class(service)
    p = prefix(service)
    unknown = sorted(k for k in env if k.startswith(p) and k[len(p) :].lower() not in cls.model_fields)
    assert not unknown, f"{where}: {unknown} are not settings of {cls.__name__} (misspelt?)"
    settings = load_settings(service, with_stand_ins(env, service))
    assert settings.environment.value == "production", where
    assert settings.service_name == service, where


# --- Compose ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_compose()


@pytest.mark.parametrize("service", SERVICES)
def test_compose_environment_has_what_the_service_needs(compose: dict, service: str) -> None:
    for name in (service, f"{service}-migrate"):
        _check_environment(service, compose_environment(compose["services"][name]), f"compose {name}")


@pytest.mark.parametrize("service", SERVICES)
def test_compose_environment_loads_in_production(compose: dict, service: str) -> None:
    for name in (service, f"{service}-migrate"):
        _check_loads(service, compose_environment(compose["services"][name]), f"compose {name}")


@pytest.mark.parametrize("service", SERVICES)
def test_compose_ports_commands_and_health_checks(compose: dict, service: str) -> None:
    port = PORTS[service]
    svc = compose["services"][service]
    assert svc["command"] == [f"splot-{service}", "serve", "--host", "0.0.0.0", "--port", str(port)]
    assert [str(p) for p in svc["expose"]] == [str(port)]
    assert "ports" not in svc, "only the gateway is published"
    health = " ".join(svc["healthcheck"]["test"])
    assert f"http://127.0.0.1:{port}/ready" in health
    migrate = compose["services"][f"{service}-migrate"]
    assert migrate["command"] == [f"splot-{service}", "migrate"]
    assert migrate["image"] == svc["image"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert svc["depends_on"][f"{service}-migrate"]["condition"] == "service_completed_successfully"
    for peer in CALLS[service]:
        assert svc["depends_on"][peer]["condition"] == "service_healthy"
    if service == "directory":
        assert svc["depends_on"]["bootstrap"]["condition"] == "service_completed_successfully"


def test_compose_gateway_postgres_and_volumes(compose: dict) -> None:
    gateway = compose["services"]["gateway"]
    assert gateway["ports"] == ["127.0.0.1:8000:8080"]
    assert "/healthz" in " ".join(gateway["healthcheck"]["test"])
    for service in SERVICES:
        assert gateway["depends_on"][service]["condition"] == "service_healthy"
    postgres = compose["services"]["postgres"]
    assert postgres["image"].startswith("postgres:16")
    assert set(postgres["environment"]["SPLOT_DATABASES"].split()) == set(SERVICES)
    assert any("init-databases.sh:/docker-entrypoint-initdb.d/" in v for v in postgres["volumes"])
    assert (ROOT / "infra/postgres/init-databases.sh").stat().st_mode & 0o111, (
        "init script must be executable"
    )
    assert "postgres_password" in compose["secrets"]
    assert compose["secrets"]["postgres_password"]["file"].startswith("./infra/secrets/")
    assert {"pgdata", "referrals-mail"} <= set(compose["volumes"])
    for name, svc in compose["services"].items():
        for volume in svc.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith("."):
                assert source in compose["volumes"], f"{name}: {source} is not a named volume"


def test_compose_bootstrap_registers_the_peers_with_their_configured_secrets(compose: dict) -> None:
    bootstrap = compose["services"]["bootstrap"]
    assert bootstrap["depends_on"]["directory-migrate"]["condition"] == "service_completed_successfully"
    commands = _bootstrap_commands(bootstrap["command"])
    assert {c[2] for c in commands} == set(SERVICE_SCOPES)
    env = compose_environment(bootstrap)
    for cmd in commands:
        client = cmd[2]
        scopes = tuple(cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--scope")
        assert set(scopes) == set(SERVICE_SCOPES[client]), client
        secret_var = cmd[cmd.index("--secret-env") + 1]
        # The very value the peer service itself is configured with.
        peer_secret = compose_environment(compose["services"][client])[
            prefix(client) + "SERVICE_CLIENT_SECRET"
        ]
        assert env[secret_var] == peer_secret


def test_service_scopes_match_the_directory_demo() -> None:
    from splot.directory.demo import SERVICE_CLIENTS

    assert {k: set(v) for k, v in SERVICE_CLIENTS.items()} == {k: set(v) for k, v in SERVICE_SCOPES.items()}


def test_every_compose_image_is_built_from_a_dockerfile_that_exists(compose: dict) -> None:
    third_party = {"postgres": "postgres:", "prometheus": "prom/prometheus:"}
    for name, svc in compose["services"].items():
        if name in third_party:
            assert svc["image"].startswith(third_party[name]) and "build" not in svc
            continue
        assert "build" in svc, f"{name} has no build section"
        assert svc["build"]["context"] == "."
        dockerfile = ROOT / svc["build"]["dockerfile"]
        assert dockerfile.is_file(), f"{name}: {dockerfile} does not exist"
        image = svc["image"].split(":")[0]
        if name == "gateway":
            assert dockerfile == ROOT / "infra/gateway/Dockerfile" and image == "splot/gateway"
            continue
        # The four services, their migrations and the bootstrap: the one service Dockerfile.
        assert dockerfile == SERVICE_DOCKERFILE, name
        service = "directory" if name == "bootstrap" else name.removesuffix("-migrate")
        assert _build_args(compose, name) == {"SERVICE": service, "PORT": str(PORTS[service])}, name
        assert image == f"splot/{service}", name


def test_compose_secrets_are_required_variables_never_values(compose: dict) -> None:
    required = compose_required_variables()
    for service in SERVICES:
        cls = settings_class(service)
        secret_fields = {f for f in required_fields(service) if "secret" in f or f.endswith("_key")}
        secret_fields |= {n for n, i in cls.model_fields.items() if "SecretStr" in str(i.annotation)}
        env = compose_environment(compose["services"][service])
        for field in secret_fields:
            key = prefix(service) + field.upper()
            if key in env:
                assert "<required:" in env[key], f"{key} must come from a required ${{VAR:?}}"
        assert "<required:" in env[prefix(service) + "DATABASE_URL"], "the database password is a secret"
    assert len(required) >= 10


# --- no secrets committed -----------------------------------------------------------------------

DEPLOY_FILES = [
    ROOT / "docker-compose.yml",
    ROOT / "services" / "Dockerfile",
    *sorted(p for p in (ROOT / "infra").rglob("*") if p.is_file() and p.suffix != ".pyc"),
]


def test_no_development_secrets_in_deployment_files() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in DEPLOY_FILES
        if "dev-insecure-" in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert not offenders


def test_kubernetes_secret_examples_have_no_values() -> None:
    for name, secret in secrets().items():
        filled = {k: v for k, v in secret.data.items() if v}
        assert not filled, f"{name}: example values committed for {sorted(filled)}"
    for service in SERVICES:
        example = K8S / "overlays/production/secrets" / f"{service}.env.example"
        assert f"postgresql+asyncpg://{service}:" in example.read_text(encoding="utf-8"), (
            "URL format explained"
        )


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_secret_folders_are_git_ignored() -> None:
    checkout = _git("rev-parse", "--git-dir")
    assert checkout.returncode == 0, f"the tests run in a git checkout: {checkout.stderr.strip()}"
    for path in (
        "infra/secrets/postgres_password",
        "infra/k8s/overlays/production/secrets/directory.env",
        "infra/k8s/overlays/production/secrets/clients.env",
    ):
        assert _git("check-ignore", "-q", path).returncode == 0, f"{path} would not be ignored by git"
    tracked = _git("ls-files", "infra/secrets", "infra/k8s/overlays/production/secrets").stdout.split()
    for path in tracked:
        assert path.endswith((".example", "README.md", ".gitignore")), f"{path} is committed"


# --- images ---------------------------------------------------------------------------------------


SERVICE_DOCKERFILE = ROOT / "services" / "Dockerfile"


def _instructions(text: str) -> list[str]:
    """The Dockerfile's instructions, one string each: comments dropped, continuations joined."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return [i.strip() for i in re.sub(r"\\\n", " ", "\n".join(lines)).splitlines() if i.strip()]


def _stages(text: str) -> list[list[str]]:
    stages: list[list[str]] = []
    for instruction in _instructions(text):
        if instruction.startswith("FROM "):
            stages.append([])
        if stages:
            stages[-1].append(instruction)
    return stages


def _render(stage: list[str], args: dict[str, str]) -> list[str]:
    """A stage's instructions with its build arguments substituted (Docker does so in COPY, ENV,
    EXPOSE, LABEL…; RUN gets them as environment variables). Only arguments the stage declares
    (``ARG NAME``) are seen in it, as in Docker."""
    declared = {i.split()[1].split("=")[0] for i in stage if i.startswith("ARG ")}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return args[name] if name in declared and name in args else match.group(0)

    return [re.sub(r"\$(?:\{(\w+)\}|(\w+))", substitute, i) for i in stage]


def _image_environment(stage: list[str]) -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction in stage:
        if instruction.startswith("ENV "):
            env.update(item.split("=", 1) for item in shlex.split(instruction.removeprefix("ENV ")))
    return env


def _default_command(stage: list[str]) -> list[str]:
    """The command the container runs by default, as the shell of ``CMD ["sh", "-c", …]`` runs it
    (the image's environment expanded, ``exec`` dropped)."""
    (cmd,) = [json.loads(i.removeprefix("CMD ")) for i in stage if i.startswith("CMD ")]
    if cmd[:2] != ["sh", "-c"]:
        return cmd
    env = _image_environment(stage)
    script = re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], cmd[2])
    words = shlex.split(script)
    assert words[0] == "exec", "the service must replace the shell (PID 1, receives the stop signal)"
    return words[1:]


def _build_args(compose: dict, name: str) -> dict[str, str]:
    return {k: str(v) for k, v in (compose["services"][name]["build"].get("args") or {}).items()}


def test_service_dockerfile() -> None:
    """One Dockerfile for the four services: two stages, uv only in the first, not root, and a
    build that refuses a service or port the deployments do not know."""
    text = SERVICE_DOCKERFILE.read_text(encoding="utf-8")
    stages = _stages(text)
    assert len(stages) == 2, "multi-stage: build, then the runtime"
    build, final = stages
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in _instructions(text)
    assert build[0] == "FROM ${PYTHON_IMAGE} AS build" and final[0] == "FROM ${PYTHON_IMAGE}"
    for stage in (build, final):
        assert {"ARG SERVICE", "ARG PORT"} <= set(stage), "each stage declares SERVICE and PORT"
    build_text, final_text = "\n".join(build), "\n".join(final)
    # The build refuses to run without a known service and its deployed port.
    guard = re.search(r'case "\$\{SERVICE\}:\$\{PORT\}" in\s+([\w:|]+)\)', build_text)
    assert guard, "the build stage checks SERVICE and PORT first"
    assert set(guard.group(1).split("|")) == {f"{s}:{p}" for s, p in PORTS.items()}
    assert "pip install --no-cache-dir uv==0.13.8" in build_text
    assert re.search(
        r'uv sync --frozen --no-dev --no-install-workspace --package "?splot-\$\{SERVICE\}"?', build_text
    )
    assert re.search(r'uv sync --frozen --no-dev --package "?splot-\$\{SERVICE\}"?', build_text)
    assert re.search(r'"?/app/\.venv/bin/splot-\$\{SERVICE\}"? --help', build_text), (
        "the image's command imports"
    )
    assert "UV_PROJECT_ENVIRONMENT=/app/.venv" in build_text
    assert "UV_PYTHON_DOWNLOADS=never" in build_text
    # The final stage: the venv and the sources at the same paths, no uv, no compilers, not root,
    # and nothing fetched: everything the service runs was installed from the lock file above.
    assert "COPY --from=build /app /app" in final
    assert not re.search(r"\b(uv|pip|gcc|cc|build-essential|apt-get|curl|wget)\b", final_text)
    assert not re.search(r"^ADD ", final_text, flags=re.M)
    user = [i.split()[1] for i in final if i.startswith("USER ")]
    assert user and user[-1].split(":")[0] not in ("root", "0")
    assert user[-1] == "10001:10001" and "--uid 10001" in final_text
    assert "EXPOSE ${PORT}" in final


@pytest.mark.parametrize("service", SERVICES)
def test_service_image(compose: dict, service: str) -> None:
    """The one Dockerfile with the build arguments compose passes gives each service's image: its
    package synced from the lock file, its port, its default command, sources that exist."""
    port = PORTS[service]
    args = _build_args(compose, service)
    assert args == {"SERVICE": service, "PORT": str(port)}
    build, final = (_render(stage, args) for stage in _stages(SERVICE_DOCKERFILE.read_text(encoding="utf-8")))
    build_text = "\n".join(build)
    assert re.search(rf'uv sync --frozen --no-dev --package "?splot-{service}"?(\s|$)', build_text)
    assert f"EXPOSE {port}" in final
    assert _default_command(final) == [f"splot-{service}", "serve", "--host", "0.0.0.0", "--port", str(port)]
    env = _image_environment(final)
    assert env["SPLOT_DATA_DIR"] == "/var/lib/splot" and env["PATH"].startswith("/app/.venv/bin:")
    assert not [k for k in env if k.startswith(prefix(service))], "no service setting baked into the image"
    # Everything it copies exists and is part of the build context.
    for instruction in build + final:
        if instruction.startswith("COPY ") and not instruction.startswith("COPY --from"):
            for path in instruction.split()[1:-1]:
                assert (ROOT / path).exists(), f"COPY {path}: missing"
                assert not _docker_ignored(path), f"COPY {path}: excluded by .dockerignore"
    assert (ROOT / "services" / service / "alembic.ini").exists()
    project = tomllib.loads((ROOT / "services" / service / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == f"splot-{service}"
    assert f"splot-{service}" in project["project"]["scripts"]


def _locked_runtime_packages(root: str, extras: tuple[str, ...] = ()) -> set[str]:
    """Every package ``uv sync --frozen --no-dev --package <root>`` installs, read from uv.lock
    (optional dependencies only when an extra asks for them; environment markers ignored, so this
    is a superset)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    packages = {p["name"]: p for p in lock["package"]}
    seen: set[str] = set()
    todo = [(root, extras)]
    while todo:
        name, wanted = todo.pop()
        key = f"{name}[{','.join(sorted(wanted))}]"
        if key in seen:
            continue
        seen.add(key)
        package = packages[name]
        deps = list(package.get("dependencies", []))
        for extra in wanted:
            deps += package.get("optional-dependencies", {}).get(extra, [])
        todo += [(d["name"], tuple(d.get("extra", ()))) for d in deps]
    return {k.split("[")[0] for k in seen}


def test_faker_is_only_an_extra_for_demo_data() -> None:
    """Faker makes the embedded mode's demo persons: the clients image must not carry it."""
    project = tomllib.loads((ROOT / "services/clients/pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [re.split(r"[\s<>=!~\[;]", d, maxsplit=1)[0].lower() for d in project["dependencies"]]
    assert "faker" not in runtime, "faker is a runtime dependency of splot-clients"
    assert any(d.lower().startswith("faker") for d in project["optional-dependencies"]["demo"])
    for service in SERVICES:
        assert "faker" not in _locked_runtime_packages(f"splot-{service}"), (
            f"the {service} image installs faker"
        )
    assert "faker" in _locked_runtime_packages("splot-embedded"), "make run seeds demo data with faker"


def test_gateway_dockerfile() -> None:
    text = (ROOT / "infra/gateway/Dockerfile").read_text(encoding="utf-8")
    assert "ARG NODE_IMAGE=node:20" in text and "ARG NGINX_IMAGE=nginx:" in text
    assert "RUN npm ci" in text and "RUN npm run build" in text
    assert "COPY --from=spa /src/frontend/dist/ /usr/share/nginx/html/" in text
    assert "COPY infra/gateway/nginx.conf /etc/nginx/nginx.conf" in text
    assert re.search(r"^USER 101", text, flags=re.M)
    assert "EXPOSE 8080" in text
    for path in ("frontend/package.json", "frontend/package-lock.json", "infra/gateway/splot"):
        assert (ROOT / path).exists() and not _docker_ignored(path)


def _docker_ignored(path: str) -> bool:
    """A small .dockerignore matcher (the patterns this repository uses: globs, **, ! not used)."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = Path(path.rstrip("/")).parts
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        regex = fnmatch.translate(pattern.replace("**/", "\0")).replace("\0", "(?:.*/)?")
        if any(re.match(regex, candidate) for candidate in prefixes):
            return True
    return False


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    for path in (
        ".env",
        "infra/secrets/postgres_password",
        ".venv",
        "frontend/node_modules",
        "var/x.db",
        "infra/k8s/overlays/production/secrets/clients.env",
        "services/clients/tests",
    ):
        assert _docker_ignored(path), path
    for path in ("uv.lock", "libs/common/src", "services/clients/migrations", "frontend/src"):
        assert not _docker_ignored(path), path


# --- ports agree everywhere -----------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES)
def test_cli_default_port_is_the_deployed_port(service: str) -> None:
    assert cli_port_default(service) == PORTS[service], cli_path(service).relative_to(ROOT)


# --- Kubernetes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES)
def test_kubernetes_workload(service: str) -> None:
    port = PORTS[service]
    deployment = workloads("Deployment")[service]
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
    assert container["image"] == f"splot/{service}"
    assert container["command"] == [f"splot-{service}", "serve", "--host", "0.0.0.0", "--port", str(port)]
    assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
    assert container["startupProbe"]["httpGet"]["path"] == "/health"
    assert {"requests", "limits"} <= set(container["resources"])
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert "/tmp" in mounts
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port)
    service_obj = workloads("Service")[service]
    assert service_obj["spec"]["ports"][0]["port"] == port
    hpa = workloads("HorizontalPodAutoscaler")[service]
    assert hpa["spec"]["scaleTargetRef"]["name"] == service and hpa["spec"]["minReplicas"] >= 2
    assert workloads("PodDisruptionBudget")[service]["spec"]["selector"]["matchLabels"] == {
        "app.kubernetes.io/name": service
    }


@pytest.mark.parametrize("service", SERVICES)
def test_kubernetes_environment_has_what_the_service_needs(service: str) -> None:
    (container,) = workloads("Deployment")[service]["spec"]["template"]["spec"]["containers"]
    _check_environment(service, container_environment(container), f"k8s deployment {service}")
    job = workloads("Job")["splot-migrate"]["spec"]["template"]["spec"]
    migrate = next(c for c in job["initContainers"] if c["name"] == f"migrate-{service}")
    _check_environment(service, container_environment(migrate), f"k8s job migrate-{service}")


@pytest.mark.parametrize("service", SERVICES)
def test_kubernetes_environment_loads_in_production(service: str) -> None:
    (container,) = workloads("Deployment")[service]["spec"]["template"]["spec"]["containers"]
    _check_loads(service, container_environment(container), f"k8s deployment {service}")


def test_kubernetes_migrate_job_runs_every_migration_then_the_bootstrap() -> None:
    job = workloads("Job")["splot-migrate"]
    pod = job["spec"]["template"]["spec"]
    assert pod["restartPolicy"] == "Never"
    assert [c["name"] for c in pod["initContainers"]] == [f"migrate-{s}" for s in SERVICES]
    for container in pod["initContainers"]:
        service = container["name"].removeprefix("migrate-")
        assert container["command"] == [f"splot-{service}", "migrate"]
        assert container["image"] == f"splot/{service}"
    (bootstrap,) = pod["containers"]
    commands = _bootstrap_commands(bootstrap["command"])
    assert {c[2] for c in commands} == set(SERVICE_SCOPES)
    env = container_environment(bootstrap)
    for cmd in commands:
        var = cmd[cmd.index("--secret-env") + 1]
        ref = next(e for e in bootstrap["env"] if e["name"] == var)["valueFrom"]["secretKeyRef"]
        assert ref == {"name": f"splot-{cmd[2]}", "key": prefix(cmd[2]) + "SERVICE_CLIENT_SECRET"}
        assert var in env
    labels = job["spec"]["template"]["metadata"]["labels"]
    assert all(labels[f"splot.io/database-{s}"] == "true" for s in SERVICES)


def _bootstrap_commands(command: list[str]) -> list[list[str]]:
    assert command[:2] == ["sh", "-ec"]
    steps = [shlex.split(step) for step in command[2].split("&&")]
    for step in steps:
        assert step[:2] == ["splot-directory", "service-client"] and "--secret-env" in step
    return steps


def _policy(name: str) -> dict:
    return workloads("NetworkPolicy")[name]


def _allowed_from(policy: dict) -> set[str]:
    names = set()
    for rule in policy["spec"].get("ingress", []):
        for peer in rule["from"]:
            if "podSelector" in peer and "namespaceSelector" not in peer:
                names.add(peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"])
    return names


def _allowed_to(policy: dict) -> dict[str, int]:
    out = {}
    for rule in policy["spec"].get("egress", []):
        for peer in rule.get("to", []):
            if "podSelector" in peer:
                out[peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]] = rule["ports"][0]["port"]
    return out


def test_kubernetes_network_policies() -> None:
    default = _policy("default-deny")["spec"]
    assert default["podSelector"] == {} and set(default["policyTypes"]) == {"Ingress", "Egress"}
    assert _allowed_to(_policy("gateway")) == PORTS
    callers = {s: {c for c, targets in CALLS.items() if s in targets} for s in SERVICES}
    for service in SERVICES:
        policy = _policy(service)
        assert _allowed_from(policy) == {"gateway"} | callers[service], service
        assert _allowed_to(policy) == {peer: PORTS[peer] for peer in CALLS[service]}, service
        assert all(p["port"] == PORTS[service] for r in policy["spec"]["ingress"] for p in r["ports"])
        database = _policy(f"database-{service}")["spec"]
        label = database["podSelector"]["matchLabels"]
        assert label == {f"splot.io/database-{service}": "true"}
        assert database["egress"][0]["ports"] == [{"port": 5432, "protocol": "TCP"}]
        template_labels = workloads("Deployment")[service]["spec"]["template"]["metadata"]["labels"]
        assert template_labels[f"splot.io/database-{service}"] == "true"
        # A service reaches only its own database.
        others = {k for k in template_labels if k.startswith("splot.io/database-")}
        assert others == {f"splot.io/database-{service}"}
    dns = _policy("allow-dns")["spec"]
    assert dns["podSelector"] == {} and {p["port"] for p in dns["egress"][0]["ports"]} == {53}


def test_kubernetes_overlay_patches_target_existing_objects() -> None:
    overlay = K8S / "overlays" / "production"
    names = {
        (o["kind"], o["metadata"]["name"])
        for f in (K8S / "base").glob("*.yaml")
        if f.name != "kustomization.yaml"
        for o in load_yaml_documents(f)
    }
    kustomization = yaml.safe_load((overlay / "kustomization.yaml").read_text(encoding="utf-8"))
    for patch in kustomization["patches"]:
        for obj in load_yaml_documents(overlay / patch["path"]):
            assert (obj["kind"], obj["metadata"]["name"]) in names, (
                f"{patch['path']}: {obj['metadata']['name']}"
            )
    images = {i["name"] for i in kustomization["images"]}
    assert images == {f"splot/{s}" for s in SERVICES} | {"splot/gateway"}
    for entry in kustomization["secretGenerator"]:
        for env in entry["envs"]:
            assert (overlay / (env + ".example")).is_file(), f"{env}.example is missing"


# --- the gateway routes -------------------------------------------------------------------------


def test_nginx_routes_every_service() -> None:
    conf = NGINX_CONF.read_text(encoding="utf-8")
    for service, port in PORTS.items():
        assert re.search(rf"upstream {service} \{{\s*server {service}:{port};", conf), service
        assert re.search(rf"location /api/{service}/ \{{[^}}]*proxy_pass http://{service}/;", conf), (
            f"/api/{service}/ must be proxied to {service} with its prefix stripped"
        )
    assert "try_files $uri /index.html;" in conf
    assert re.search(r"location /assets/ \{[^}]*immutable", conf)


def test_nginx_import_limit_covers_the_clients_import_limit() -> None:
    conf = NGINX_CONF.read_text(encoding="utf-8")
    block = re.search(r"location /api/clients/v1/imports \{([^}]*)\}", conf)
    assert block, "the clients bulk import needs its own body size limit"
    size = re.search(r"client_max_body_size (\d+)m;", block.group(1))
    assert size
    import_max_bytes = settings_class("clients").model_fields["import_max_bytes"].default
    assert int(size.group(1)) * 1024 * 1024 >= import_max_bytes
    ingress = workloads("Ingress")["gateway"]["metadata"]["annotations"]
    assert ingress["nginx.ingress.kubernetes.io/proxy-body-size"] == f"{size.group(1)}m"


def test_paths_the_deployment_names_exist_in_the_contracts() -> None:
    """The gateway's special locations and the services' JWKS/token URLs name real endpoints."""
    for service, path, method in (
        ("clients", "/v1/imports", "post"),
        ("directory", "/v1/oauth/token", "post"),
        ("directory", "/.well-known/jwks.json", "get"),
    ):
        contract = ROOT / "openapi" / f"{service}.json"
        assert contract.is_file(), f"openapi/{service}.json is missing (make openapi)"
        paths = json.loads(contract.read_text(encoding="utf-8"))["paths"]
        assert method in paths.get(path, {}), f"{method.upper()} {path} is not in openapi/{service}.json"


def test_nginx_security_headers() -> None:
    headers = (ROOT / "infra/gateway/splot/security-headers.conf").read_text(encoding="utf-8")
    for name in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Request-ID",
    ):
        assert f"add_header {name} " in headers, name
    conf = NGINX_CONF.read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in conf
    # Every location that adds headers of its own repeats the security headers.
    for block in re.findall(r"location [^{]+\{([^}]*)\}", conf):
        if "add_header" in block:
            assert "include splot/security-headers.conf;" in block, block


# --- Prometheus ---------------------------------------------------------------------------------


def test_prometheus_scrapes_every_service() -> None:
    config = yaml.safe_load((ROOT / "infra/prometheus/prometheus.yml").read_text(encoding="utf-8"))
    targets = {t for job in config["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]}
    assert targets == {f"{s}:{p}" for s, p in PORTS.items()}
    alerts = yaml.safe_load((ROOT / "infra/prometheus/alerts.yml").read_text(encoding="utf-8"))
    assert alerts["groups"][0]["rules"]
    k8s = yaml.safe_load((ROOT / "infra/prometheus/prometheus-kubernetes.yml").read_text(encoding="utf-8"))
    assert k8s["scrape_configs"][0]["kubernetes_sd_configs"][0]["role"] == "pod"


# --- the bootstrap really works (directory CLI --secret-env) -------------------------------------


def test_service_client_secret_env_must_be_set(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from splot.directory.cli import main

    monkeypatch.delenv("SPLOT_TEST_UNSET_SECRET", raising=False)
    code = main(["service-client", "x", "--scope", "events:read", "--secret-env", "SPLOT_TEST_UNSET_SECRET"])
    assert code == 2
    assert "SPLOT_TEST_UNSET_SECRET" in capsys.readouterr().err


async def test_bootstrap_command_registers_clients_that_can_get_tokens(tmp_path: Path, compose: dict) -> None:
    from splot.directory.config import DirectorySettings
    from splot.directory.main import create_app

    database = f"sqlite+aiosqlite:///{tmp_path / 'directory.db'}"
    secrets_by_var = {
        "CLIENTS_SERVICE_CLIENT_SECRET": "s3cret-for-clients-" + "x" * 20,
        "REFERRALS_SERVICE_CLIENT_SECRET": "s3cret-for-referrals-" + "y" * 20,
        "REPORTING_SERVICE_CLIENT_SECRET": "s3cret-for-reporting-" + "z" * 20,
    }
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "SPLOT_DIRECTORY_DATABASE_URL": database,
        "SPLOT_DATA_DIR": str(tmp_path),
        **secrets_by_var,
    }
    await asyncio.to_thread(
        subprocess.run, [str(BIN / "splot-directory"), "migrate"], env=env, check=True, timeout=120
    )
    command = compose["services"]["bootstrap"]["command"]
    first_step = command[2].split("&&")[0]
    # The whole bootstrap, then its first step again: re-running it on every `up` must work.
    for script, expected in ((command[2], ["clients", "referrals", "reporting"]), (first_step, ["clients"])):
        result = await asyncio.to_thread(
            subprocess.run,
            [*command[:2], script],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert not any(s in result.stdout + result.stderr for s in secrets_by_var.values()), "secret printed"
        assert result.stdout.split() == expected

    app = create_app(DirectorySettings(database_url=database))
    app.state.run_background = False
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://directory"
    ) as client:
        for var, secret in secrets_by_var.items():
            client_id = var.removesuffix("_SERVICE_CLIENT_SECRET").lower()
            response = await client.post(
                "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
            )
            assert response.status_code == 200, response.text
            assert set(response.json()["scope"].split()) == set(SERVICE_SCOPES[client_id])
            wrong = await client.post(
                "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, "wrong")
            )
            assert wrong.status_code == 401
    await app.state.engine.dispose()
