import { useState } from "react";
import { Alert, Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { FRONT_LINE_ROLES, hasAnyRole } from "@/lib/auth/roles";
import { formatDate, formatDateTime } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useAccessReport, useInstitutionName, usePerson, usePersonReferrals, useServiceTypes } from "../api/persons";
import { ActiveBreakGlassNotice, BreakGlassList } from "../components/BreakGlass";
import { CaseAttributes } from "../components/CaseAttributes";
import { Consents } from "../components/Consents";
import { MergeList } from "../components/MergeList";

function InstitutionName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const q = useInstitutionName(id);
  if (!id) return <>{t("persons.access.system")}</>;
  return <>{q.data?.name ?? (q.isPending ? "…" : id)}</>;
}

function Field({ label, value }: { label: React.ReactNode; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {value ?? "—"}
      </Text>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ReferralHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const list = usePersonReferrals(personId);
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  if (list.isPending) return <div className="skeleton-block" style={{ height: 80 }} aria-busy="true" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState title={t("persons.referrals.empty")} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("persons.referrals.number")}</Table.Th>
            <Table.Th>{t("persons.referrals.service")}</Table.Th>
            <Table.Th>{t("persons.referrals.route")}</Table.Th>
            <Table.Th>{t("persons.referrals.status")}</Table.Th>
            <Table.Th>{t("persons.referrals.sent")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.items.map((r) => {
            const st = types.data?.items.find((s) => s.code === r.service_type_code);
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {r.openable ? (
                    <Anchor component={Link} to={`/skierowania/${r.id}`} size="sm" style={{ whiteSpace: "nowrap" }}>
                      {r.number}
                    </Anchor>
                  ) : (
                    <Text size="sm">{r.number}</Text>
                  )}
                </Table.Td>
                <Table.Td>{st ? (en ? st.name_en : st.name_pl) : (r.service_type_code ?? "—")}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <InstitutionName id={r.sender_institution_id} /> → <InstitutionName id={r.target_institution_id} />
                  </Text>
                </Table.Td>
                <Table.Td>{t(`referrals.status.${r.status}`, { defaultValue: r.status })}</Table.Td>
                <Table.Td>{formatDate(r.sent_at)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AccessReport({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const report = useAccessReport(personId, open);
  if (!open)
    return (
      <Button variant="light" onClick={() => setOpen(true)}>
        {t("persons.access.show")}
      </Button>
    );
  return (
    <div aria-live="polite">
      {report.isPending ? (
        <div className="skeleton-block" style={{ height: 80 }} aria-busy="true" />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.institutions.length === 0 ? (
        <EmptyState title={t("persons.access.empty")} />
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t("persons.access.generated", { at: formatDateTime(report.data.generated_at) })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("persons.access.institution")}</Table.Th>
                  <Table.Th>{t("persons.access.count")}</Table.Th>
                  <Table.Th>{t("persons.access.first_last")}</Table.Th>
                  <Table.Th>{t("persons.access.bases")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.institutions.map((row) => (
                  <Table.Tr key={row.institution_id ?? "system"}>
                    <Table.Td>
                      <InstitutionName id={row.institution_id} />
                    </Table.Td>
                    <Table.Td>{row.accesses}</Table.Td>
                    <Table.Td>
                      {formatDateTime(row.first_at)} – {formatDateTime(row.last_at)}
                    </Table.Td>
                    <Table.Td>{row.legal_bases.map((b) => t(`persons.report.bases.${b}`, { defaultValue: b })).join(", ")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </div>
  );
}

/** The person is not visible (404): a coordinator may open emergency access. */
function NotVisible({ personId, error, onRetry }: { personId: string; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const hidden = isApiError(error) && error.status === 404;
  return (
    <>
      <PageHeader title={t("persons.page.title_unknown")} />
      <Stack gap="md">
        <ErrorAlert error={error} onRetry={onRetry} />
        {hidden && roles.includes("coordinator") ? (
          <Alert color="orange" variant="light" title={t("persons.break_glass.title")}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t("persons.break_glass.not_visible")}</Text>
              <Button component={Link} to={`/osoby/${personId}/dostep-awaryjny`} color="orange" variant="light">
                {t("persons.break_glass.open")}
              </Button>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}

function PageActions({ personId, registered }: { personId: string; registered: boolean }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <Button component={Link} to={`/osoby/${personId}/edycja`} variant="default">
        {t("persons.actions.edit")}
      </Button>
      {registered && roles.includes("coordinator") ? (
        <Button component={Link} to={`/osoby/${personId}/scalanie`} variant="default">
          {t("persons.actions.merge")}
        </Button>
      ) : null}
      <Button component={Link} to={`/skierowania/nowe?person=${personId}`}>
        {t("persons.page.refer")}
      </Button>
    </Group>
  );
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const { roles } = useAuth();
  const person = usePerson(personId);
  if (person.isPending)
    return (
      <Stack role="status" aria-label={t("common.loading")}>
        <div className="skeleton-block" style={{ height: 36, width: 320 }} />
        <div className="skeleton-block" style={{ height: 320 }} />
      </Stack>
    );
  if (person.isError) return <NotVisible personId={personId} error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const name = `${p.first_name ?? ""} ${p.last_name ?? ""}`.trim() || t("persons.page.title_unknown");
  const breakGlass = p.access_basis === "break_glass";
  const registered = p.access_basis === "registration";
  return (
    <>
      <PageHeader
        title={name}
        description={t(`persons.access_basis.${p.access_basis}`, { defaultValue: p.access_basis })}
        actions={breakGlass ? null : <PageActions personId={p.id} registered={registered} />}
      />
      {breakGlass ? <ActiveBreakGlassNotice personId={p.id} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            <Section id="identity" title={t("persons.page.identity")}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
                <Field label={t("persons.field.pesel")} value={p.pesel} />
                {p.document_number ? <Field label={t("persons.field.document_number")} value={p.document_number} /> : null}
                <Field label={t("persons.field.birth_date")} value={p.birth_date ? formatDate(p.birth_date) : p.birth_year} />
                <Field label={t("persons.field.sex")} value={t(`persons.sex.${p.sex}`)} />
                <Field label={t("persons.field.citizenship")} value={p.citizenship} />
                <Field label={t("persons.field.address")} value={[p.street, p.postal_code, p.city].filter(Boolean).join(", ") || null} />
                <Field label={t("persons.field.phone")} value={p.phone} />
                <Field label={t("persons.field.email")} value={p.email} />
                <Field label={t("persons.field.registered_by")} value={<InstitutionName id={p.registered_by_institution_id} />} />
                <Field label={t("persons.field.status")} value={t(`persons.record_state.${p.status}`, { defaultValue: p.status })} />
              </SimpleGrid>
            </Section>
            <Section id="attributes" title={t("persons.page.attributes")}>
              <CaseAttributes personId={p.id} canWrite={!breakGlass && hasAnyRole(roles, FRONT_LINE_ROLES)} />
            </Section>
            {registered ? (
              <Section id="break-glass" title={t("persons.break_glass.section")}>
                <BreakGlassList personId={p.id} />
              </Section>
            ) : null}
            {registered && roles.includes("coordinator") ? (
              <Section id="merges" title={t("persons.merge.list_title")}>
                <MergeList personId={p.id} />
              </Section>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            {/* Diagnoses and plans live in the casework module (/plany). */}
            <Section id="casework" title={t("casework.person_link.title")}>
              <Anchor component={Link} to={`/plany/osoba/${p.id}`} size="sm">
                {t("casework.person_link.open")}
              </Anchor>
            </Section>
            <Section id="consents" title={t("persons.page.consents")}>
              <Consents personId={p.id} readOnly={breakGlass} />
            </Section>
            <Section id="referrals" title={t("persons.page.referrals")}>
              <ReferralHistory personId={p.id} />
            </Section>
            <Section id="access" title={t("persons.page.access")}>
              <Stack gap="sm" align="flex-start">
                <AccessReport personId={p.id} />
                <Anchor component={Link} to={`/osoby/${p.id}/raport-dostepu`} size="sm">
                  {t("persons.actions.report")}
                </Anchor>
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
