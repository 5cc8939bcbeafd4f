import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Offer } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { TerritoryName } from "./Territory";

interface OffersTableProps {
  offers: readonly Offer[];
  loading: boolean;
  serviceTypeName: (code: string) => string;
  onEdit: (offer: Offer) => void;
  onCapacity: (offer: Offer) => void;
}

export function CapacityBadge({ offer }: { offer: Pick<Offer, "capacity_available" | "capacity_max"> }) {
  const { t } = useTranslation();
  if (offer.capacity_available === null) {
    return (
      <Badge variant="outline" color="gray" size="md" tt="none">
        {t("admin.offers.capacity_unknown")}
      </Badge>
    );
  }
  const text = offer.capacity_max !== null ? `${offer.capacity_available} / ${offer.capacity_max}` : String(offer.capacity_available);
  return (
    <Badge variant="light" color={offer.capacity_available === 0 ? "red" : "green"} size="md" tt="none">
      {offer.capacity_available === 0 ? t("admin.offers.no_places", { text }) : t("admin.offers.free_places", { text })}
    </Badge>
  );
}

export function OffersTable({ offers, loading, serviceTypeName, onEdit, onCapacity }: OffersTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table className="data-table" striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-busy={loading}>
        <Table.Caption className="visually-hidden-caption">{t("admin.offers.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.offers.name")}</Table.Th>
            <Table.Th scope="col">{t("admin.offers.service_type")}</Table.Th>
            <Table.Th scope="col">{t("admin.offers.place")}</Table.Th>
            <Table.Th scope="col">{t("admin.offers.capacity")}</Table.Th>
            <Table.Th scope="col">{t("admin.offers.capacity_updated")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={6} />
          ) : (
            offers.map((offer) => (
              <Table.Tr key={offer.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {offer.name}
                  </Text>
                  {!offer.active ? (
                    <Text size="xs" c="dimmed">
                      {t("admin.status.inactive")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{serviceTypeName(offer.service_type_code)}</Text>
                </Table.Td>
                <Table.Td>
                  {offer.city ? <Text size="sm">{offer.city}</Text> : null}
                  <Text size="xs" c="dimmed">
                    {t("territory.gmina_short")} <TerritoryName code={offer.teryt} compact />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CapacityBadge offer={offer} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>{formatDateTime(offer.capacity_updated_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => onCapacity(offer)} aria-label={t("admin.offers.capacity_named", { name: offer.name })}>
                      {t("admin.offers.update_capacity")}
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(offer)} aria-label={t("admin.offers.edit_named", { name: offer.name })}>
                      {t("common.edit")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
