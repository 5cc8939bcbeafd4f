import { useQuery } from "@tanstack/react-query";
import { directory, type TerritoryLevel } from "@/lib/api/directory";
import { unwrap } from "@/lib/api/client";
import { adminKeys } from "./keys";

/** The TERYT register is bundled with the directory and changes rarely: cache it for the session. */
export function useTerritories(level: TerritoryLevel, parent: string | null, enabled = true) {
  return useQuery({
    queryKey: adminKeys.territories(level, parent),
    queryFn: () =>
      unwrap(directory.GET("/v1/territories", { params: { query: { level, parent: parent ?? undefined } } })),
    enabled: enabled && (level === "voivodeship" || parent !== null),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useTerritory(code: string | null | undefined) {
  return useQuery({
    queryKey: adminKeys.territory(code ?? ""),
    queryFn: () => unwrap(directory.GET("/v1/territories/{code}", { params: { path: { code: code! } } })),
    enabled: !!code,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: adminKeys.serviceTypes,
    queryFn: () => unwrap(directory.GET("/v1/service-types")),
    staleTime: 10 * 60_000,
  });
}
