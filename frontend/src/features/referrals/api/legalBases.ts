import { queryOptions, useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import type { components } from "@/lib/api/generated/directory";

export type LegalBasis = components["schemas"]["LegalBasisRead"];
export type InstitutionType = components["schemas"]["InstitutionType"];

export const legalBasisKeys = {
  all: () => ["directory", "legal-bases"] as const,
  list: (institutionType: string, serviceType: string) => ["directory", "legal-bases", institutionType, serviceType] as const,
};

export const legalBasisQueries = {
  /** The provisions in force a sender of this type may cite for this service type. */
  list: (institutionType: string, serviceType: string) =>
    queryOptions({
      queryKey: legalBasisKeys.list(institutionType, serviceType),
      enabled: institutionType !== "" && serviceType !== "",
      queryFn: () =>
        unwrap(
          directory.GET("/v1/legal-bases", {
            params: {
              query: { institution_type: institutionType as InstitutionType, service_type: serviceType, active: true },
            },
          }),
        ),
      staleTime: 60 * 60 * 1000,
    }),
};

export function useLegalBases(institutionType: string | null | undefined, serviceType: string | null | undefined) {
  return useQuery(legalBasisQueries.list(institutionType ?? "", serviceType ?? ""));
}
