import { Badge, Button, Code, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiClient } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { StatusBadge } from "./Badges";

interface ApiClientsTableProps extends ListState {
  clients: readonly ApiClient[];
  onRotate: (client: ApiClient) => void;
  onRevoke: (client: ApiClient) => void;
  /** System administrators see every institution's clients: the institution column. */
  institutionName?: (id: string | null) => string;
}

function isRevoked(client: ApiClient): boolean {
  return client.revoked_at !== null || !client.active;
}

export function ApiClientsTable({ clients, onRotate, onRevoke, institutionName, ...list }: ApiClientsTableProps) {
  const { t } = useTranslation();
  const columns: Column<ApiClient>[] = [
    {
      key: "name",
      header: t("admin.clients.name"),
      cell: (client) => (
        <>
          <Text size="sm" fw={600}>
            {client.name}
          </Text>
          <Code>{client.client_id}</Code>
        </>
      ),
    },
    ...(institutionName
      ? [
          {
            key: "institution",
            header: t("admin.clients.institution"),
            cell: (client: ApiClient) => <Text size="sm">{institutionName(client.institution_id)}</Text>,
          },
        ]
      : []),
    {
      key: "scopes",
      header: t("admin.clients.scopes"),
      cell: (client) => (
        <Group gap={4}>
          {client.scopes.map((scope) => (
            <Badge key={scope} variant="outline" color="gray" size="sm" tt="none" title={t(`scopes.${scope}`, { defaultValue: scope })}>
              {scope}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: "status",
      header: t("admin.clients.status"),
      cell: (client) => <StatusBadge status={isRevoked(client) ? "revoked" : "active"} />,
    },
    {
      key: "last_used",
      header: t("admin.clients.last_used"),
      cell: (client) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(client.last_used_at)}
        </Text>
      ),
    },
    {
      key: "secret_rotated",
      header: t("admin.clients.secret_rotated"),
      cell: (client) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(client.secret_rotated_at ?? client.created_at)}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      caption={t("admin.clients.caption")}
      columns={columns}
      rows={clients}
      rowKey={(client) => client.id}
      {...list}
      actions={(client) =>
        isRevoked(client) ? null : (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onRotate(client)}
              aria-label={t("admin.clients.rotate_named", { name: client.name })}
            >
              {t("admin.clients.rotate")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => onRevoke(client)}
              aria-label={t("admin.clients.revoke_named", { name: client.name })}
            >
              {t("admin.clients.revoke")}
            </Button>
          </>
        )
      }
    />
  );
}
