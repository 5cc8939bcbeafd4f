import { Badge, Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Offer } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { TerritoryName } from "./Territory";

interface OffersTableProps extends ListState {
  offers: readonly Offer[];
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

export function OffersTable({ offers, serviceTypeName, onEdit, onCapacity, ...list }: OffersTableProps) {
  const { t } = useTranslation();
  const columns: Column<Offer>[] = [
    {
      key: "name",
      header: t("admin.offers.name"),
      cell: (offer) => (
        <>
          <Text size="sm" fw={600}>
            {offer.name}
          </Text>
          {!offer.active ? (
            <Text size="xs" c="dimmed">
              {t("admin.status.inactive")}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: "service_type",
      header: t("admin.offers.service_type"),
      cell: (offer) => <Text size="sm">{serviceTypeName(offer.service_type_code)}</Text>,
    },
    {
      key: "place",
      header: t("admin.offers.place"),
      cell: (offer) => (
        <>
          {offer.city ? <Text size="sm">{offer.city}</Text> : null}
          <Text size="xs" c="dimmed">
            {t("territory.gmina_short")} <TerritoryName code={offer.teryt} compact />
          </Text>
        </>
      ),
    },
    { key: "capacity", header: t("admin.offers.capacity"), cell: (offer) => <CapacityBadge offer={offer} /> },
    {
      key: "occupied",
      header: t("admin.offers.occupied"),
      cell: (offer) => <Text size="sm">{offer.occupied}</Text>,
    },
    {
      key: "capacity_updated",
      header: t("admin.offers.capacity_updated"),
      cell: (offer) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(offer.capacity_updated_at)}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      caption={t("admin.offers.caption")}
      columns={columns}
      rows={offers}
      rowKey={(offer) => offer.id}
      {...list}
      actions={(offer) => (
        <>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onCapacity(offer)}
            aria-label={t("admin.offers.capacity_named", { name: offer.name })}
          >
            {t("admin.offers.update_capacity")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onEdit(offer)}
            aria-label={t("admin.offers.edit_named", { name: offer.name })}
          >
            {t("common.edit")}
          </Button>
        </>
      )}
    />
  );
}
