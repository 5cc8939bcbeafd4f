import { useEffect, useState } from "react";

type Status = "loading" | "ok" | "down";

const LABELS: Record<Status, string> = {
  loading: "Sprawdzanie…",
  ok: "API: działa",
  down: "API: niedostępne",
};

export const HEALTH_URL = "/api/directory/health";

async function checkHealth(signal: AbortSignal): Promise<boolean> {
  const response = await fetch(HEALTH_URL, {
    signal,
    headers: { Accept: "application/json" },
  });
  if (response.status !== 200) {
    return false;
  }
  const body: unknown = await response.json();
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { status?: unknown }).status === "ok"
  );
}

export default function ApiStatus() {
  const [status, setStatus] = useState<Status>("loading");

  useEffect(() => {
    const controller = new AbortController();
    checkHealth(controller.signal)
      .then((ok) => {
        if (!controller.signal.aborted) setStatus(ok ? "ok" : "down");
      })
      .catch(() => {
        if (!controller.signal.aborted) setStatus("down");
      });
    return () => controller.abort();
  }, []);

  return (
    <p className={`api-status api-status--${status}`} role="status">
      {LABELS[status]}
    </p>
  );
}
