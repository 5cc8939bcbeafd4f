import { queryOptions, useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { directory, type TerritoryLevel } from "@/lib/api/directory";
import { adminKeys } from "./keys";

/** The TERYT register is bundled with the directory and changes rarely: cached for the session. */
export const catalogueQueries = {
  territories: (level: TerritoryLevel, parent: string | null) =>
    queryOptions({
      queryKey: adminKeys.territories.list(level, parent),
      queryFn: () => unwrap(directory.GET("/v1/territories", { params: { query: { level, parent: parent ?? undefined } } })),
      enabled: level === "voivodeship" || parent !== null,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  territory: (code: string) =>
    queryOptions({
      queryKey: adminKeys.territories.one(code),
      queryFn: () => unwrap(directory.GET("/v1/territories/{code}", { params: { path: { code } } })),
      enabled: code !== "",
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  serviceTypes: () =>
    queryOptions({
      queryKey: adminKeys.serviceTypes(),
      queryFn: () => unwrap(directory.GET("/v1/service-types")),
      staleTime: 10 * 60_000,
    }),
};

export function useTerritories(level: TerritoryLevel, parent: string | null) {
  return useQuery(catalogueQueries.territories(level, parent));
}

export function useTerritory(code: string | null | undefined) {
  return useQuery(catalogueQueries.territory(code ?? ""));
}

export function useServiceTypes() {
  return useQuery(catalogueQueries.serviceTypes());
}
