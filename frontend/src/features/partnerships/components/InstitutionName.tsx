import { useTranslation } from "react-i18next";
import { useInstitution } from "../api/partnerships";

/** An institution's name (read once from the directory and cached); its id's start while loading. */
export function InstitutionName({ id }: { id: string }) {
  const { t } = useTranslation();
  const institution = useInstitution(id);
  if (institution.data) return <>{institution.data.name}</>;
  if (institution.isError) return <>{t("partnerships.unknown_institution", { id: id.slice(0, 8) })}</>;
  return <span aria-busy="true">…</span>;
}

/** The name as a string (for select options and labels). */
export function useInstitutionLabel(id: string): string {
  const institution = useInstitution(id);
  return institution.data?.name ?? id.slice(0, 8);
}
