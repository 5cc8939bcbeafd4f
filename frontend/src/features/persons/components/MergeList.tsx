import { Anchor, Badge, Group, List, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useMerges } from "../api/personCase";

/** The merges into the person (coordinators of a registering institution): each opens its page, with the undo while it is possible. */
export function MergeList({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const list = useMerges(personId);
  if (list.isPending) return <div className="skeleton-block" style={{ height: 40 }} aria-busy="true" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState title={t("persons.merge.list_empty")} />;
  return (
    <List listStyleType="none" spacing="xs">
      {list.data.items.map((m) => (
        <List.Item key={m.id}>
          <Group gap="sm">
            <Anchor component={Link} to={`/osoby/${personId}/scalenia/${m.id}`} size="sm">
              {t("persons.merge.list_open", { at: formatDateTime(m.merged_at) })}
            </Anchor>
            {m.undone_at ? (
              <Badge variant="light" color="gray">
                {t("persons.merge.state_undone")}
              </Badge>
            ) : m.undoable ? (
              <Text size="xs" c="dimmed">
                {t("persons.merge.state_undoable", { until: formatDateTime(m.undo_until) })}
              </Text>
            ) : (
              <Badge variant="light" color="gray">
                {t("persons.merge.state_final")}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
