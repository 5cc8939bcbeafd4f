import { useQuery } from "@tanstack/react-query";
import { loadPolandMap } from "../map/geography";

/** TERYT code → powiat name, from the (lazily loaded) map geometry; empty until loaded. */
export function usePowiatNames(enabled = true): Record<string, string> {
  const map = useQuery({
    queryKey: ["reporting", "geography"],
    queryFn: loadPolandMap,
    staleTime: Infinity,
    enabled,
  });
  const names: Record<string, string> = {};
  for (const powiat of map.data?.powiats ?? []) names[powiat.code] = powiat.name;
  return names;
}
