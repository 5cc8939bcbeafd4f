import { useProgrammeName } from "@/lib/api/programmes";

/** A programme's name from the catalogue (its code while the catalogue loads or if unknown). */
export function ProgrammeName({ code }: { code: string | null | undefined }) {
  const name = useProgrammeName(code);
  return <>{name ?? "—"}</>;
}
