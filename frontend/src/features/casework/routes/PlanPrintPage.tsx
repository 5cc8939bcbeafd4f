import { Anchor, Button, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { caseworkQueries, usePerson, type Plan } from "../api/casework";
import { AreaName, InstitutionName, LegalBasisText, PlanTypeName, ServiceTypeName } from "../components/Labels";
import "../components/print.css";

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd">
        {children}
      </Text>
    </div>
  );
}

function Document({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const person = usePerson(plan.person_id);
  const name = person.data ? `${person.data.first_name ?? ""} ${person.data.last_name ?? ""}`.trim() : "";
  return (
    <Stack gap="lg">
      <section aria-labelledby="print-parties">
        <Title order={2} size="h4" mb="xs" id="print-parties">
          {t("casework.print.parties")}
        </Title>
        <dl>
          <Term label={t("casework.print.person")}>{name || "—"}</Term>
          <Term label={t("casework.print.pesel")}>{person.data?.pesel ?? "—"}</Term>
          <Term label={t("casework.plan.owner")}>
            <InstitutionName id={plan.owner_institution_id} />
          </Term>
          <Term label={t("casework.plan.legal_basis")}>
            <LegalBasisText code={plan.legal_basis_code} />
          </Term>
          <Term label={t("casework.plan.starts_on")}>{formatDate(plan.starts_on)}</Term>
          <Term label={t("casework.plan.next_review_due")}>{formatDate(plan.next_review_due)}</Term>
        </dl>
        {plan.parties.length > 0 ? (
          <>
            <Text size="sm" mt="sm">
              {t("casework.plan.parties")}:
            </Text>
            <List size="sm">
              {plan.parties.map((p) => (
                <List.Item key={p}>
                  <InstitutionName id={p} />
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </section>
      <section aria-labelledby="print-goals">
        <Title order={2} size="h4" mb="xs" id="print-goals">
          {t("casework.print.goals")}
        </Title>
        {plan.goals.map((goal, index) => (
          <div key={goal.id} className="plan-print-goal">
            <Text fw={600} size="sm">
              {index + 1}. {goal.description} (<AreaName code={goal.area_code} />)
            </Text>
            {goal.actions.length > 0 ? (
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("casework.action.description")}</Table.Th>
                    <Table.Th>{t("casework.action.owner")}</Table.Th>
                    <Table.Th>{t("casework.action.service_type")}</Table.Th>
                    <Table.Th>{t("casework.action.due_date")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {goal.actions.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.description}</Table.Td>
                      <Table.Td>
                        <InstitutionName id={a.owner_institution_id} />
                      </Table.Td>
                      <Table.Td>
                        <ServiceTypeName code={a.service_type_code} />
                      </Table.Td>
                      <Table.Td>{formatDate(a.due_date)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </div>
        ))}
      </section>
      <section aria-labelledby="print-agreement">
        <Title order={2} size="h4" mb="xs" id="print-agreement">
          {t("casework.print.agreement")}
        </Title>
        <Text size="sm">{t("casework.print.agreement_text")}</Text>
        <Group grow mt="xl" className="plan-print-signatures">
          <Text size="sm" ta="center">
            {t("casework.print.signature_person")}
          </Text>
          <Text size="sm" ta="center">
            {t("casework.print.signature_worker")}
          </Text>
        </Group>
      </section>
      <Text size="xs" c="dimmed">
        {t("casework.print.footer", { at: formatDateTime(new Date().toISOString()) })}
      </Text>
    </Stack>
  );
}

/** /plany/plan/:planId/druk — the plan (social contract, action plan…) printed for the person to sign. */
export default function PlanPrintPage() {
  const { t } = useTranslation();
  const { planId = "" } = useParams();
  const loaded = useQuery(caseworkQueries.plan(planId));
  const plan = loaded.data;
  const back = plan ? (
    <Anchor component={Link} to={`/plany/osoba/${plan.person_id}`}>
      {t("casework.print.back")}
    </Anchor>
  ) : null;
  if (loaded.isPending) return <div className="skeleton-block" style={{ height: 320 }} role="status" aria-label={t("common.loading")} />;
  if (loaded.isError || !plan)
    return (
      <>
        <PageHeader title={t("casework.print.title_unknown")} />
        <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      </>
    );
  return (
    <div className="plan-print">
      <PageHeader
        title={t("casework.print.title")}
        description={<PlanTypeName code={plan.plan_type_code} />}
        actions={
          <Group className="no-print">
            {back}
            <Button onClick={() => window.print()}>{t("casework.print.print")}</Button>
          </Group>
        }
      />
      <Document plan={plan} />
    </div>
  );
}
