import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useInstitutionName, usePerson } from "../api/persons";
import { useFullAccessReport, type AccessReport } from "../api/personCase";
import { PrintButton } from "../components/PrintButton";
import "../components/print.css";

function InstitutionName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const q = useInstitutionName(id);
  if (!id) return <>{t("persons.access.system")}</>;
  return <>{q.data?.name ?? (q.isPending ? "…" : id)}</>;
}

function Summary({ report }: { report: AccessReport }) {
  const { t } = useTranslation();
  const basis = (b: string) => t(`persons.report.bases.${b}`, { defaultValue: b });
  return (
    <Table verticalSpacing="xs" aria-labelledby="report-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("persons.access.institution")}</Table.Th>
          <Table.Th>{t("persons.access.count")}</Table.Th>
          <Table.Th>{t("persons.access.first_last")}</Table.Th>
          <Table.Th>{t("persons.access.bases")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.institutions.map((row) => (
          <Table.Tr key={row.institution_id ?? "system"}>
            <Table.Td>
              <InstitutionName id={row.institution_id} />
            </Table.Td>
            <Table.Td>{row.accesses}</Table.Td>
            <Table.Td>
              {formatDateTime(row.first_at)} – {formatDateTime(row.last_at)}
            </Table.Td>
            <Table.Td>{row.legal_bases.map(basis).join(", ")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Entries({ report }: { report: AccessReport }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} aria-labelledby="report-entries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("persons.report.when")}</Table.Th>
          <Table.Th>{t("persons.access.institution")}</Table.Th>
          <Table.Th>{t("persons.report.action")}</Table.Th>
          <Table.Th>{t("persons.report.basis")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.items.map((e, i) => (
          <Table.Tr key={`${e.occurred_at}.${i}`}>
            <Table.Td>{formatDateTime(e.occurred_at)}</Table.Td>
            <Table.Td>
              <InstitutionName id={e.institution_id} />
            </Table.Td>
            <Table.Td>{t(`persons.report.actions.${e.action}`, { defaultValue: e.action })}</Table.Td>
            <Table.Td>{t(`persons.report.bases.${e.legal_basis}`, { defaultValue: e.legal_basis })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The person's access report (art. 15 RODO) as a page and a printable document. */
export default function AccessReportPage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const person = usePerson(personId);
  const report = useFullAccessReport(personId);
  const name = person.data ? `${person.data.first_name ?? ""} ${person.data.last_name ?? ""}`.trim() : null;
  return (
    <div className="print-document">
      <PageHeader
        title={t("persons.report.title")}
        description={name ? t("persons.report.person", { name }) : undefined}
        actions={
          <>
            <Anchor component={Link} to={`/osoby/${personId}`} className="no-print">
              {t("persons.actions.back")}
            </Anchor>
            {report.isSuccess && report.data.institutions.length > 0 ? <PrintButton label={t("persons.report.print")} /> : null}
          </>
        }
      />
      <Text size="sm" mb="md">
        {t("persons.report.subtitle")}
      </Text>
      <div aria-live="polite">
        {report.isPending ? (
          <div className="skeleton-block" style={{ height: 160 }} role="status" aria-label={t("common.loading")} />
        ) : report.isError ? (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ) : report.data.institutions.length === 0 ? (
          <EmptyState title={t("persons.access.empty")} />
        ) : (
          <Stack gap="lg">
            <Text size="xs" c="dimmed">
              {t("persons.access.generated", { at: formatDateTime(report.data.generated_at) })}
            </Text>
            <section>
              <Title order={2} size="h4" mb="sm" id="report-summary">
                {t("persons.report.summary")}
              </Title>
              <Summary report={report.data} />
            </section>
            <section>
              <Title order={2} size="h4" mb="sm" id="report-entries">
                {t("persons.report.entries")}
              </Title>
              <Entries report={report.data} />
              {report.data.next_cursor ? (
                <Text size="xs" c="dimmed" mt="xs">
                  {t("persons.report.truncated", { count: report.data.items.length })}
                </Text>
              ) : null}
            </section>
          </Stack>
        )}
      </div>
    </div>
  );
}
