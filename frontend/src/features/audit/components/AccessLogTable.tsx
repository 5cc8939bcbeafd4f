import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { useInstitution, type AccessLogEntry } from "../api/accessLog";

function InstitutionName({ id }: { id: string | null }) {
  const institution = useInstitution(id);
  if (!id) return <>—</>;
  return <>{institution.data?.name ?? id}</>;
}

/** The log's entries: when, who (and from which institution), what, about whom, on what basis. */
export function AccessLogTable({ entries, ...state }: { entries: readonly AccessLogEntry[] } & ListState) {
  const { t } = useTranslation();
  const columns: Column<AccessLogEntry>[] = [
    { key: "when", header: t("audit.table.when"), cell: (e) => formatDateTime(e.occurred_at) },
    {
      key: "who",
      header: t("audit.table.who"),
      cell: (e) => (
        <>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {e.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`audit.kind.${e.subject_kind}`, { defaultValue: e.subject_kind })}
          </Text>
        </>
      ),
    },
    { key: "institution", header: t("audit.table.institution"), cell: (e) => <InstitutionName id={e.institution_id ?? null} /> },
    {
      key: "action",
      header: t("audit.table.action"),
      cell: (e) => (
        <>
          <Text size="sm">{e.action}</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {e.resource}
          </Text>
        </>
      ),
    },
    {
      key: "person",
      header: t("audit.table.person"),
      cell: (e) => <span style={{ overflowWrap: "anywhere", fontFamily: "monospace", fontSize: 12 }}>{e.person_id ?? "—"}</span>,
    },
    {
      key: "basis",
      header: t("audit.table.basis"),
      cell: (e) => (
        <>
          <Text size="sm">{t(`audit.basis.${e.legal_basis}`, { defaultValue: e.legal_basis })}</Text>
          {e.reason ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {t("audit.table.reason", { reason: e.reason })}
            </Text>
          ) : null}
        </>
      ),
    },
  ];
  return <DataTable caption={t("audit.table.caption")} columns={columns} rows={entries} rowKey={(e) => e.id} {...state} />;
}
