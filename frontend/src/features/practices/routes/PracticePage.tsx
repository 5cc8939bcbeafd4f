import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate, formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useProblemAreas } from "@/lib/ui/ProblemAreasSelect";
import { usePractice, type Practice } from "../api/practices";
import { Attachments } from "../components/Attachments";
import { StatusBadge } from "../components/PracticeCard";
import { ReviewActions } from "../components/ReviewActions";

function History({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  if (practice.history.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Table fz="sm">
        <Table.Caption>{t("practices.history.title")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("practices.history.when")}</Table.Th>
            <Table.Th scope="col">{t("practices.history.action")}</Table.Th>
            <Table.Th scope="col">{t("practices.history.who")}</Table.Th>
            <Table.Th scope="col">{t("practices.history.comment")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {practice.history.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>{formatDateTime(h.at)}</Table.Td>
              <Table.Td>{t(`practices.history_action.${h.action}`, { defaultValue: h.action })}</Table.Td>
              <Table.Td>{t(`practices.role.${h.actor_role}`, { defaultValue: h.actor_role })}</Table.Td>
              <Table.Td style={{ whiteSpace: "pre-wrap" }}>{h.comment ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** /dobre-praktyki/:id — every field of a practice, its files, its history and the actions the caller may take. */
export default function PracticePage() {
  const { t } = useTranslation();
  const { practiceId = "" } = useParams();
  const query = usePractice(practiceId);
  const areas = useProblemAreas();
  const practice = query.data?.data;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!practice) return <div className="skeleton-block" style={{ height: 200 }} aria-busy="true" />;
  const lastComment = [...practice.history].reverse().find((h) => h.comment);
  return (
    <Stack gap="md">
      <PageHeader
        title={practice.title}
        description={`${practice.institution_name ?? practice.institution_type} · ${t("practices.since", { date: formatDate(practice.since) })}`}
        actions={
          <Group>
            <StatusBadge status={practice.status} />
            {practice.allowed_actions.includes("edit") ? (
              <Button component={Link} to={`/dobre-praktyki/${practice.id}/edycja`} variant="light">
                {t("practices.edit")}
              </Button>
            ) : null}
          </Group>
        }
      />
      {practice.status === "returned" && lastComment ? (
        <Paper withBorder p="md" bg="orange.0">
          <Text fw={600}>{t("practices.returned_with")}</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{lastComment.comment}</Text>
        </Paper>
      ) : null}
      <ReviewActions practice={practice} etag={query.data?.etag ?? null} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("practices.form.summary")}
          </Title>
          <Text style={{ whiteSpace: "pre-wrap" }}>{practice.summary}</Text>
          <Group gap={6} aria-label={t("practices.form.problem_areas")}>
            {practice.problem_areas.map((code) => (
              <Badge key={code} variant="outline" title={areas.description(code)}>
                {areas.name(code)}
              </Badge>
            ))}
          </Group>
          {practice.topic_tags.length + practice.target_groups.length > 0 ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text size="sm">
                {t("practices.form.topic_tags")}: {practice.topic_tags.join(", ") || "—"}
              </Text>
              <Text size="sm">
                {t("practices.form.target_groups")}: {practice.target_groups.join(", ") || "—"}
              </Text>
            </SimpleGrid>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("practices.form.results")}
        </Title>
        <Text style={{ whiteSpace: "pre-wrap" }}>{practice.results || "—"}</Text>
        {practice.numeric_results.length > 0 ? (
          <Table fz="sm" mt="sm">
            <Table.Caption>{t("practices.form.numeric_results")}</Table.Caption>
            <Table.Tbody>
              {practice.numeric_results.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Th scope="row" fw={400}>
                    {r.label}
                  </Table.Th>
                  <Table.Td>
                    {r.value.toLocaleString()} {r.unit}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("practices.contact")}
          </Title>
          <Text>{practice.contact.name}</Text>
          <Anchor href={`mailto:${practice.contact.email}`}>{practice.contact.email}</Anchor>
          {practice.contact.phone ? <Text>{practice.contact.phone}</Text> : null}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("practices.attachments.title")}
          </Title>
          <Attachments practice={practice} />
        </Paper>
      </SimpleGrid>
      <History practice={practice} />
    </Stack>
  );
}
