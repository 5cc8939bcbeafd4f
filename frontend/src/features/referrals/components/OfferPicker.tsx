import type { ReactNode } from "react";
import { Badge, Group, Paper, Radio, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useOffers, useServiceTypes } from "../api/referrals";
import { InstitutionName } from "./Labels";

export type Area = "powiat" | "voivodeship" | "country";

/** The offer chosen, and the institution that runs it (the referral's target). */
export interface OfferChoice {
  offerId: string;
  institutionId: string;
  /** Free places and the maximum as the directory reported them (null: not reported). */
  capacityAvailable: number | null;
  capacityMax: number | null;
}

/** The TERYT prefix searched for an area around the user's institution. */
export function areaPrefix(area: Area, teryt: string | null | undefined): string | null {
  if (!teryt || area === "country") return null;
  return area === "powiat" ? teryt.slice(0, 4) : teryt.slice(0, 2);
}

export function ServiceTypeSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  return (
    <Select
      label={t("referrals.field.service_type")}
      required
      searchable
      data={(types.data?.items ?? [])
        .filter((item) => item.active)
        .map((item) => ({ value: item.code, label: en ? item.name_en : item.name_pl }))}
      value={value}
      onChange={onChange}
      error={error ?? (types.isError ? t("errors.unexpected") : undefined)}
      placeholder={types.isPending ? t("common.loading") : t("referrals.actions.choose")}
      nothingFoundMessage={t("common.nothing_found")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface OfferListProps {
  serviceType: string | null;
  teryt: string | null | undefined;
  area: Area;
  onAreaChange: (area: Area) => void;
  value: string | null;
  onChange: (choice: OfferChoice) => void;
  excludeInstitutionId?: string | null;
  error?: ReactNode;
}

/** The active offers of a service type in an area, each with its institution and free places. */
export function OfferList({ serviceType, teryt, area, onAreaChange, value, onChange, excludeInstitutionId, error }: OfferListProps) {
  const { t } = useTranslation();
  const offers = useOffers(serviceType, areaPrefix(area, teryt));
  const items = (offers.data?.items ?? []).filter((offer) => offer.institution_id !== excludeInstitutionId);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t("referrals.wizard.area")}
        value={area}
        onChange={(v) => onAreaChange(v)}
        data={[
          { value: "powiat", label: t("referrals.wizard.area_powiat") },
          { value: "voivodeship", label: t("referrals.wizard.area_voivodeship") },
          { value: "country", label: t("referrals.wizard.area_country") },
        ]}
      />
      <div aria-live="polite" aria-busy={offers.isFetching}>
        {!serviceType ? (
          <Text size="sm" c="dimmed">
            {t("referrals.wizard.choose_service_first")}
          </Text>
        ) : offers.isPending ? (
          <Text size="sm">{t("common.loading")}</Text>
        ) : offers.isError ? (
          <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm">{t("referrals.wizard.no_offers")}</Text>
        ) : (
          <Radio.Group
            label={t("referrals.wizard.offer")}
            value={value ?? ""}
            onChange={(id) => {
              const offer = items.find((o) => o.id === id);
              if (offer)
                onChange({
                  offerId: offer.id,
                  institutionId: offer.institution_id,
                  capacityAvailable: offer.capacity_available,
                  capacityMax: offer.capacity_max,
                });
            }}
            required
            error={error}
          >
            <Stack gap="xs" mt="xs">
              {items.map((offer) => (
                <Paper key={offer.id} withBorder p="sm">
                  <Radio
                    value={offer.id}
                    label={
                      <Stack gap={2}>
                        <Text fw={600} size="sm">
                          <InstitutionName id={offer.institution_id} />
                        </Text>
                        <Text size="sm">
                          {offer.name}
                          {offer.city ? ` · ${offer.city}` : ""}
                        </Text>
                        {offer.eligibility_note ? (
                          <Text size="xs" c="dimmed">
                            {offer.eligibility_note}
                          </Text>
                        ) : null}
                      </Stack>
                    }
                    description={
                      <Group gap={6} component="span" mt={4}>
                        {offer.capacity_available === null ? (
                          <Badge variant="light" color="gray" component="span">
                            {t("referrals.wizard.capacity_unknown")}
                          </Badge>
                        ) : (
                          <Badge variant="light" color={offer.capacity_available > 0 ? "green" : "red"} component="span">
                            {t("referrals.wizard.capacity", { free: offer.capacity_available, max: offer.capacity_max ?? "—" })}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
        )}
      </div>
    </Stack>
  );
}
