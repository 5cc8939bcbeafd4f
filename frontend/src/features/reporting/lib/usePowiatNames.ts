import { useGeography } from "../api/reporting";

/** TERYT code → powiat name, from the (lazily loaded) map geometry; empty until loaded. */
export function usePowiatNames(enabled = true): Record<string, string> {
  const map = useGeography(enabled);
  const names: Record<string, string> = {};
  for (const powiat of map.data?.powiats ?? []) names[powiat.code] = powiat.name;
  return names;
}
