import { Badge, Button, Code, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiClient } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { StatusBadge } from "./Badges";

interface ApiClientsTableProps {
  clients: readonly ApiClient[];
  loading: boolean;
  onRotate: (client: ApiClient) => void;
  onRevoke: (client: ApiClient) => void;
  institutionName?: (id: string | null) => string;
}

export function ApiClientsTable({ clients, loading, onRotate, onRevoke, institutionName }: ApiClientsTableProps) {
  const { t } = useTranslation();
  const columns = institutionName ? 7 : 6;
  return (
    <div className="table-scroll">
      <Table className="data-table" striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-busy={loading}>
        <Table.Caption className="visually-hidden-caption">{t("admin.clients.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.clients.name")}</Table.Th>
            {institutionName ? <Table.Th scope="col">{t("admin.clients.institution")}</Table.Th> : null}
            <Table.Th scope="col">{t("admin.clients.scopes")}</Table.Th>
            <Table.Th scope="col">{t("admin.clients.status")}</Table.Th>
            <Table.Th scope="col">{t("admin.clients.last_used")}</Table.Th>
            <Table.Th scope="col">{t("admin.clients.secret_rotated")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={columns} />
          ) : (
            clients.map((client) => {
              const revoked = client.revoked_at !== null || !client.active;
              return (
                <Table.Tr key={client.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {client.name}
                    </Text>
                    <Code>{client.client_id}</Code>
                  </Table.Td>
                  {institutionName ? (
                    <Table.Td>
                      <Text size="sm">{institutionName(client.institution_id)}</Text>
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Group gap={4}>
                      {client.scopes.map((scope) => (
                        <Badge key={scope} variant="outline" color="gray" size="sm" tt="none" title={t(`scopes.${scope}`, { defaultValue: scope })}>
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={revoked ? "revoked" : "active"} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>{formatDateTime(client.last_used_at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>{formatDateTime(client.secret_rotated_at ?? client.created_at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {revoked ? null : (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => onRotate(client)} aria-label={t("admin.clients.rotate_named", { name: client.name })}>
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
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
