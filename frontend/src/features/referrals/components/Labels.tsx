import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { formatDate } from "@/lib/format";
import { useInstitution, usePerson, useServiceTypes, type Referral, type ReferralStatus } from "../api/referrals";

const STATUS_COLORS: Record<ReferralStatus, string> = {
  draft: "gray",
  requested: "blue",
  // Only colours whose light-badge text passes WCAG AA (the theme darkens green and orange).
  accepted: "splot",
  in_progress: "green",
  on_hold: "orange",
  completed: "green",
  rejected: "red",
  failed: "red",
  cancelled: "gray",
  entered_in_error: "gray",
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? "gray"} radius="sm">
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

/** "po terminie" — the response deadline (working days) has passed. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" radius="sm">
      {t("referrals.overdue")}
    </Badge>
  );
}

/** The response deadline as a date (computed by the API in working days), with the overdue badge. */
export function DueDate({ referral }: { referral: Pick<Referral, "due_at" | "overdue" | "status"> }) {
  const { t } = useTranslation();
  if (referral.status !== "requested" || !referral.due_at)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  // due_at is the end of the last working day (local midnight): show that day.
  const lastDay = new Date(new Date(referral.due_at).getTime() - 1).toISOString();
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={t("referrals.due_help")}>
        <Text size="sm" component="span">
          {formatDate(lastDay)}
        </Text>
      </Tooltip>
      {referral.overdue ? <OverdueBadge /> : null}
    </Group>
  );
}

export function InstitutionName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const institution = useInstitution(id);
  if (!id) return <>—</>;
  if (institution.isPending) return <span className="text-muted">{t("common.loading")}</span>;
  return <>{institution.data?.name ?? t("referrals.unknown_institution")}</>;
}

interface Named {
  first_name?: string | null;
  last_name?: string | null;
}

/** A person's name as the registry shows it to the caller (or "hidden"). */
export function PersonNameText({ person, pending }: { person: Named | null | undefined; pending: boolean }) {
  const { t } = useTranslation();
  if (pending) return <span>{t("common.loading")}</span>;
  if (!person || (!person.first_name && !person.last_name)) return <span>{t("referrals.person_hidden")}</span>;
  return (
    <>
      {person.first_name} {person.last_name}
    </>
  );
}

export function PersonName({ id }: { id: string }) {
  const person = usePerson(id);
  return <PersonNameText person={person.data} pending={person.isPending} />;
}

export function useServiceTypeName() {
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  return (code: string | null | undefined) => {
    if (!code) return "—";
    const found = types.data?.items.find((item) => item.code === code);
    return found ? (en ? found.name_en : found.name_pl) : code;
  };
}

export function ServiceTypeName({ code }: { code: string | null | undefined }) {
  const name = useServiceTypeName();
  return <>{name(code)}</>;
}

export function codeLabel(item: { label_pl: string; label_en: string }) {
  return currentLanguage() === "en" ? item.label_en : item.label_pl;
}
