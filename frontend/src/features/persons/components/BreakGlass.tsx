import { Alert, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useInstitutionName } from "../api/persons";
import { useBreakGlassList, type BreakGlass } from "../api/personCase";

function InstitutionName({ id }: { id: string }) {
  const q = useInstitutionName(id);
  return <>{q.data?.name ?? (q.isPending ? "…" : id)}</>;
}

/** Time left until `iso` as "5 h 12 min" (0 when past). */
export function timeLeft(iso: string, t: (key: string, options: Record<string, unknown>) => string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((new Date(iso).getTime() - now) / 60_000));
  return t("persons.break_glass.left", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** The caller's own active break-glass on this person: its end and that it is logged. */
export function ActiveBreakGlassNotice({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const list = useBreakGlassList(personId);
  const mine = list.data?.items.find((g: BreakGlass) => g.active && g.institution_id === me?.institution?.id);
  if (!mine) return null;
  return (
    <Alert color="orange" variant="light" title={t("persons.break_glass.title")} mb="md">
      <Text size="sm">
        {t("persons.break_glass.active_until", { until: formatDateTime(mine.expires_at), left: timeLeft(mine.expires_at, t) })}
      </Text>
    </Alert>
  );
}

/** Every break-glass access to the person the caller's institution may see (it registered them, or opened it). */
export function BreakGlassList({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const list = useBreakGlassList(personId);
  if (list.isPending) return <div className="skeleton-block" style={{ height: 60 }} aria-busy="true" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState title={t("persons.break_glass.empty")} />;
  return (
    // No scroll container: the table has nothing to focus, and a scrollable region must be reachable by keyboard.
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("persons.break_glass.institution")}</Table.Th>
          <Table.Th>{t("persons.break_glass.reason")}</Table.Th>
          <Table.Th>{t("persons.break_glass.opened_at")}</Table.Th>
          <Table.Th>{t("persons.break_glass.until")}</Table.Th>
          <Table.Th>{t("persons.break_glass.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.data.items.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <InstitutionName id={g.institution_id} />
            </Table.Td>
            <Table.Td style={{ overflowWrap: "anywhere" }}>{g.reason}</Table.Td>
            <Table.Td>{formatDateTime(g.opened_at)}</Table.Td>
            <Table.Td>{formatDateTime(g.expires_at)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={g.active ? 600 : undefined} c={g.active ? "orange.9" : "dimmed"}>
                {g.active ? t("persons.break_glass.active") : t("persons.break_glass.expired")}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
