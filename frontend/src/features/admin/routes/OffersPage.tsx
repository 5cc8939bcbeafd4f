import { useState } from "react";
import { Button, Group, Paper, SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Offer } from "@/lib/api/directory";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useServiceTypes } from "../api/catalogue";
import { useOffers } from "../api/offers";
import { CapacityModal, CreateOfferModal, EditOfferModal } from "../components/OfferModals";
import { OffersTable } from "../components/OffersTable";
import { useInstitutionContext } from "../components/useInstitutionContext";

export default function OffersPage() {
  const { t, i18n } = useTranslation();
  const { institutionId, institution, picker } = useInstitutionContext();
  const [active, setActive] = useState(true);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [capacityOf, setCapacityOf] = useState<Offer | null>(null);
  const offers = useOffers({ institutionId: institutionId || undefined, active });
  const serviceTypes = useServiceTypes();
  const items = offers.data?.pages.flatMap((page) => page.items) ?? [];

  const serviceTypeName = (code: string) => {
    const type = serviceTypes.data?.items.find((item) => item.code === code);
    if (!type) return code;
    return i18n.language === "en" ? type.name_en : type.name_pl;
  };

  return (
    <>
      <PageHeader
        title={t("admin.offers.title")}
        description={t("admin.offers.description", { institution: institution?.name ?? "" })}
        actions={
          <Button onClick={() => setCreating(true)} disabled={!institution}>
            {t("admin.offers.create")}
          </Button>
        }
      />
      {picker}
      <Group mb="md">
        <SegmentedControl
          aria-label={t("admin.filter_status")}
          value={active ? "active" : "inactive"}
          onChange={(value) => setActive(value === "active")}
          data={[
            { value: "active", label: t("admin.filter.active_offers") },
            { value: "inactive", label: t("admin.filter.inactive_offers") },
          ]}
        />
      </Group>
      <Paper withBorder p={0}>
        <OffersTable
          offers={items}
          loading={offers.isPending}
          error={offers.error}
          onRetry={() => void offers.refetch()}
          empty={
            <EmptyState
              title={active ? t("admin.offers.empty") : t("admin.offers.empty_inactive")}
              description={active ? t("admin.offers.empty_help") : undefined}
              action={
                active ? (
                  <Button variant="light" onClick={() => setCreating(true)}>
                    {t("admin.offers.create")}
                  </Button>
                ) : undefined
              }
            />
          }
          serviceTypeName={serviceTypeName}
          onEdit={(offer) => setEditing(offer.id)}
          onCapacity={setCapacityOf}
        />
      </Paper>
      {!offers.isPending && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={offers.hasNextPage}
          isFetchingNextPage={offers.isFetchingNextPage}
          onLoadMore={() => void offers.fetchNextPage()}
        />
      ) : null}
      <CreateOfferModal
        opened={creating}
        onClose={() => setCreating(false)}
        institutionId={institutionId}
        institutionType={institution?.type}
        serviceTypes={serviceTypes.data?.items}
      />
      <EditOfferModal offerId={editing} onClose={() => setEditing(null)} serviceTypeName={serviceTypeName} />
      <CapacityModal offer={capacityOf} onClose={() => setCapacityOf(null)} />
    </>
  );
}
