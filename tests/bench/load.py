"""Drive load with wrk (32 connections, 2 threads by default) and account the server's CPU.

Each run writes a Lua script: the request (method, path, headers, body — or one of a list of
prepared requests, each used once, for writes that change state) and a ``done`` hook printing the
exact counts and percentiles, which are parsed here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.bench.servers import Server

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))


class WrkMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str = ""


@dataclass(frozen=True)
class Load:
    requests: int  # completed
    ok: int  # 2xx
    seconds: float
    p50_ms: float
    p95_ms: float
    cpu_ms: float | None  # server CPU per successful request
    failure: int | None = None  # the HTTP status of a failed request, if any failed

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> int:
        return self.requests - self.ok


def wrk_path() -> str:
    path = shutil.which("wrk")
    if not path:
        raise WrkMissing(
            "wrk not found: install it (as root: apt-get install wrk); `make bench` does when root"
        )
    return path


def _lua_string(value: str) -> str:
    return "[==[" + value + "]==]"


def _lua_request(request: Request) -> str:
    headers = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in request.headers.items())
    body = _lua_string(request.body) if request.body else "nil"
    return f"{{{_lua_string(request.method)}, {_lua_string(request.path)}, {{{headers}}}, {body}}}"


_DONE = """
ok = 0
failure = 0
response = function(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else failure = status end
end
done = function(summary, latency, requests)
  local total_ok, failure = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    if t:get("failure") > 0 then failure = t:get("failure") end
  end
  io.write(string.format("BENCH requests=%d ok=%d duration_us=%d p50_us=%d p95_us=%d failure=%d\\n",
    summary.requests, total_ok, summary.duration, latency:percentile(50), latency:percentile(95), failure))
end
threads = {}
local counter = 0
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
"""


def script(requests: list[Request], *, once: bool) -> str:
    """One request repeated, or a list: cycled (``once=False``) or each used once in turn by the
    threads (``once=True``; past the end they repeat, and the server's refusals count as failures)."""
    items = ",\n".join(_lua_request(r) for r in requests)
    stride = THREADS if once else 1
    return (
        _DONE
        + f"local items = {{\n{items}\n}}\n"
        + f"""
local n = 0
request = function()
  local index
  if {"true" if once else "false"} then
    index = ((n * {stride} + id) % #items) + 1
  else
    index = math.random(#items)
  end
  n = n + 1
  local it = items[index]
  return wrk.format(it[1], it[2], it[3], it[4])
end
"""
    )


def _parse(out: subprocess.CompletedProcess[str]) -> tuple[int, int, int, int, int, int]:
    match = re.search(
        r"BENCH requests=(\d+) ok=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) failure=(\d+)", out.stdout
    )
    if not match or ".lua:" in out.stderr or out.returncode:
        raise RuntimeError("unexpected wrk output:\n" + out.stdout + out.stderr)
    total, ok, duration, p50, p95, failure = (int(g) for g in match.groups())
    return total, ok, duration, p50, p95, failure


def run(base_url: str, requests: list[Request], server: Server | None, *, once: bool = False,
        seconds: int | None = None, connections: int | None = None) -> Load:  # fmt: skip
    """One wrk run against ``base_url``; the server's CPU time over the run per 2xx response."""
    return run_split([(base_url, requests)], [server] if server else [], once=once, seconds=seconds,
                     connections=connections)  # fmt: skip


def run_split(targets: list[tuple[str, list[Request]]], servers: list[Server], *, once: bool = False,
              seconds: int | None = None, connections: int | None = None) -> Load:  # fmt: skip
    """wrk against several replicas at once (the connections shared out between them, one wrk
    process each, started together); counts summed, p50/p95 the worst replica's, CPU the servers'
    together per 2xx response."""
    wrk = wrk_path()
    seconds = seconds or SECONDS
    share = max(THREADS, (connections or CONNECTIONS) // len(targets))
    scripts = []
    for _, requests in targets:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(script(requests, once=once))
            scripts.append(f.name)
    try:
        cpu_before = sum(s.cpu_seconds() for s in servers) if servers else None
        processes = [
            subprocess.Popen(
                [
                    wrk,
                    "-t",
                    str(THREADS),
                    "-c",
                    str(share),
                    "-d",
                    f"{seconds}s",
                    "--timeout",
                    "30s",
                    "-s",
                    lua,
                    base_url,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            for (base_url, _), lua in zip(targets, scripts, strict=True)
        ]
        outputs = []
        for process in processes:
            stdout, stderr = process.communicate()
            outputs.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
        cpu_after = sum(s.cpu_seconds() for s in servers) if servers else None
    finally:
        for lua in scripts:
            Path(lua).unlink(missing_ok=True)
    parsed = [_parse(out) for out in outputs]
    total = sum(p[0] for p in parsed)
    ok = sum(p[1] for p in parsed)
    duration = max(p[2] for p in parsed)
    p50, p95 = max(p[3] for p in parsed), max(p[4] for p in parsed)
    failure = next((p[5] for p in parsed if p[5]), 0)
    cpu_ms = None
    if cpu_before is not None and cpu_after is not None and ok:
        cpu_ms = (cpu_after - cpu_before) * 1000 / ok
    return Load(total, ok, duration / 1e6, p50 / 1000, p95 / 1000, cpu_ms, failure or None)


def sequential(client: httpx.Client, make: list[Request], *, warmup: int = 10, count: int = 50) -> float:
    """p50 in ms of ``count`` requests sent one after another (after ``warmup``), cycling ``make``."""
    timings: list[float] = []
    for i in range(warmup + count):
        r = make[i % len(make)]
        started = time.perf_counter()
        response = client.request(r.method, r.path, headers=r.headers, content=r.body or None)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code >= 400:
            raise RuntimeError(f"{r.method} {r.path}: {response.status_code} {response.text[:200]}")
        if i >= warmup:
            timings.append(elapsed)
    return statistics.median(timings)


def json_request(method: str, path: str, token: str, body: object | None = None, **headers: str) -> Request:
    all_headers = {"Authorization": f"Bearer {token}", **headers}
    if body is not None:
        all_headers["Content-Type"] = "application/json"
    return Request(method, path, all_headers, json.dumps(body) if body is not None else "")
