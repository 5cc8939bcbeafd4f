import { useSearchParams } from "react-router";
import { useAuth } from "@/lib/auth/AuthProvider";
import { useInstitution } from "../api/institutions";
import { InstitutionPicker } from "./InstitutionPicker";

export const INSTITUTION_PARAM = "instytucja";

/**
 * Whose records an administration page shows: an institution administrator's own institution; a
 * system administrator's choice (?instytucja=<id>, their own by default) with a picker.
 */
export function useInstitutionContext() {
  const { me, roles } = useAuth();
  const isSystemAdmin = roles.includes("system_admin");
  const [params, setParams] = useSearchParams();
  const own = me?.institution?.id ?? me?.user?.institution_id ?? "";
  const requested = isSystemAdmin ? params.get(INSTITUTION_PARAM) : null;
  const institutionId = requested && /^[0-9a-f-]{36}$/i.test(requested) ? requested : own;
  const other = useInstitution(institutionId !== own ? institutionId : null);
  const institution = institutionId === own ? me?.institution : other.data?.data;

  const setInstitutionId = (id: string) => {
    const next = new URLSearchParams(params);
    if (id === own) next.delete(INSTITUTION_PARAM);
    else next.set(INSTITUTION_PARAM, id);
    setParams(next, { replace: true });
  };

  const picker = isSystemAdmin ? <InstitutionPicker value={institutionId} onChange={setInstitutionId} /> : null;
  return { institutionId, institution, isSystemAdmin, picker };
}
