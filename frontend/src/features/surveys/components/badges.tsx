import { Badge, Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/lib/format";
import type { QuestionnaireStatus, ResponseStatus, RoundStatus } from "../api/surveys";

const ROUND_COLOURS: Record<RoundStatus, string> = { open: "green", closed: "gray" };
const RESPONSE_COLOURS: Record<ResponseStatus, string> = { not_started: "orange", draft: "yellow", submitted: "green" };

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROUND_COLOURS[status]} variant="light" tt="none">
      {t(`surveys.round_status.${status}`)}
    </Badge>
  );
}

export function QuestionnaireStatusBadge({ status }: { status: QuestionnaireStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "draft" ? "blue" : "gray"} variant="light" tt="none">
      {t(`surveys.questionnaire_status.${status}`)}
    </Badge>
  );
}

export function ResponseStatusBadge({ status }: { status: ResponseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={RESPONSE_COLOURS[status]} variant="light" tt="none">
      {t(`surveys.response_status.${status}`)}
    </Badge>
  );
}

/** The response rate as a bar with its percentage and counts in text. */
export function ResponseRateBar({ rate, submitted, invited }: { rate: number; submitted: number; invited: number }) {
  const { t, i18n } = useTranslation();
  const percent = formatPercent(rate, { language: i18n.language });
  const label = t("surveys.rate.label", { percent, submitted, invited });
  return (
    <Group gap="xs" wrap="nowrap" miw={160}>
      <Progress value={Math.round(rate * 100)} w={90} aria-label={label} />
      <Text size="sm">{t("surveys.rate.short", { percent, submitted, invited })}</Text>
    </Group>
  );
}
