import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import {
  useInstitution,
  useLegalBases,
  usePlanTypes,
  useProblemAreas,
  useServiceTypes,
  type ActionStatus,
  type Assessment,
} from "../api/casework";

/** Action statuses: grey planned, blue under way, green done, red not done, grey cancelled. */
export const ACTION_COLORS: Record<ActionStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  done: "green",
  not_done: "red",
  cancelled: "gray",
};

const ASSESSMENT_COLORS: Record<Assessment, string> = {
  achieved: "green",
  partly_achieved: "orange",
  not_achieved: "red",
  abandoned: "gray",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ACTION_COLORS[status]} radius="sm">
      {t(`casework.action_status.${status}`)}
    </Badge>
  );
}

export function AssessmentBadge({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ASSESSMENT_COLORS[assessment]} radius="sm">
      {t(`casework.assessment.${assessment}`)}
    </Badge>
  );
}

/** A referral status as the referrals module names it ("przyjęte", "zakończone", …). */
export function ReferralStatusText({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return <>{t("casework.action.referral_unknown")}</>;
  return <>{t(`casework.referral_status.${status}`, { defaultValue: status })}</>;
}

export function InstitutionName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const institution = useInstitution(id);
  if (!id) return <>—</>;
  if (institution.isPending) return <span>{t("common.loading")}</span>;
  return <>{institution.data?.name ?? t("casework.unknown_institution")}</>;
}

export function useLabel(): (row: { label_pl: string; label_en: string } | undefined, fallback: string) => string {
  return (row, fallback) => (row ? (currentLanguage() === "en" ? row.label_en : row.label_pl) : fallback);
}

export function AreaName({ code }: { code: string }) {
  const areas = useProblemAreas();
  const label = useLabel();
  return (
    <>
      {label(
        areas.data?.items.find((a) => a.code === code),
        code,
      )}
    </>
  );
}

export function PlanTypeName({ code }: { code: string }) {
  const types = usePlanTypes();
  const label = useLabel();
  return (
    <>
      {label(
        types.data?.items.find((p) => p.code === code),
        code,
      )}
    </>
  );
}

export function ServiceTypeName({ code }: { code: string | null | undefined }) {
  const types = useServiceTypes();
  if (!code) return <>—</>;
  const type = types.data?.items.find((s) => s.code === code);
  return <>{type ? (currentLanguage() === "en" ? type.name_en : type.name_pl) : code}</>;
}

/** The provision a plan type rests on, from the directory's legal-basis catalogue. */
export function LegalBasisText({ code }: { code: string }) {
  const bases = useLegalBases();
  const basis = bases.data?.items.find((b) => b.code === code);
  return (
    <Text size="sm" component="span">
      {basis ? basis.citation : code}
    </Text>
  );
}
