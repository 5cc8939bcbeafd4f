import { Group, Select, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Territory } from "@/lib/api/directory";
import { useTerritories, useTerritory } from "../api/catalogue";

/** TERYT names: voivodeships are registered in capitals ("MAŁOPOLSKIE"). */
export function territoryLabel(territory: Pick<Territory, "name" | "level">): string {
  return territory.level === "voivodeship" ? territory.name.toLocaleLowerCase("pl-PL") : territory.name;
}

function options(items: readonly Territory[] | undefined) {
  return (items ?? []).map((item) => ({ value: item.code, label: territoryLabel(item) }));
}

interface GminaPickerProps {
  value: string;
  onChange: (code: string) => void;
  error?: React.ReactNode;
  required?: boolean;
  /** Shown under the gmina select. */
  description?: string;
}

/** Voivodeship → powiat → gmina from GET /v1/territories; the value is the gmina's 7-digit TERYT code. */
export function GminaPicker({ value, onChange, error, required, description }: GminaPickerProps) {
  const { t } = useTranslation();
  const voivodeship = value.length >= 2 ? value.slice(0, 2) : null;
  const powiat = value.length >= 4 ? value.slice(0, 4) : null;
  const voivodeships = useTerritories("voivodeship", null);
  const powiats = useTerritories("powiat", voivodeship);
  const gminas = useTerritories("gmina", powiat);
  return (
    <Stack gap={4}>
      <Group grow align="flex-start" gap="sm">
        <Select
          label={t("territory.voivodeship")}
          placeholder={t("territory.choose")}
          data={options(voivodeships.data?.items)}
          value={voivodeship}
          onChange={(code) => onChange(code ?? "")}
          searchable
          required={required}
          disabled={voivodeships.isPending}
          nothingFoundMessage={t("common.nothing_found")}
        />
        <Select
          label={t("territory.powiat")}
          placeholder={voivodeship ? t("territory.choose") : t("territory.first_voivodeship")}
          data={options(powiats.data?.items)}
          value={powiat}
          onChange={(code) => onChange(code ?? voivodeship ?? "")}
          searchable
          required={required}
          disabled={!voivodeship || powiats.isPending}
          nothingFoundMessage={t("common.nothing_found")}
        />
        <Select
          label={t("territory.gmina")}
          placeholder={powiat ? t("territory.choose") : t("territory.first_powiat")}
          data={(gminas.data?.items ?? []).map((item) => ({ value: item.code, label: `${item.name} (${item.kind})` }))}
          value={value.length === 7 ? value : null}
          onChange={(code) => onChange(code ?? powiat ?? "")}
          searchable
          required={required}
          disabled={!powiat || gminas.isPending}
          error={error}
          nothingFoundMessage={t("common.nothing_found")}
        />
      </Group>
      {description ? (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Analyst scope: "" the whole country, 2 digits a voivodeship, 4 digits a powiat. */
export function AnalystScopePicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (scope: string) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const NATIONAL = "__national__";
  const voivodeship = value.length >= 2 ? value.slice(0, 2) : null;
  const voivodeships = useTerritories("voivodeship", null);
  const powiats = useTerritories("powiat", voivodeship);
  const WHOLE = "__whole__";
  return (
    <Group grow align="flex-start" gap="sm">
      <Select
        label={t("admin.users.analyst_scope")}
        description={t("admin.users.analyst_scope_help")}
        data={[{ value: NATIONAL, label: t("territory.national") }, ...options(voivodeships.data?.items)]}
        value={voivodeship ?? NATIONAL}
        onChange={(code) => onChange(!code || code === NATIONAL ? "" : code)}
        searchable
        allowDeselect={false}
        error={error}
      />
      <Select
        label={t("territory.powiat")}
        description={t("admin.users.analyst_powiat_help")}
        data={[{ value: WHOLE, label: t("territory.whole_voivodeship") }, ...options(powiats.data?.items)]}
        value={value.length === 4 ? value : WHOLE}
        onChange={(code) => onChange(!code || code === WHOLE ? (voivodeship ?? "") : code)}
        disabled={!voivodeship}
        searchable
        allowDeselect={false}
      />
    </Group>
  );
}

/** "Wieliczka (1219053)" for a TERYT code, looked up once and cached. */
export function TerritoryName({ code, compact = false }: { code: string; compact?: boolean }) {
  const territory = useTerritory(code);
  if (compact) return <>{territory.data ? `${territoryLabel(territory.data)} (${code})` : code}</>;
  if (territory.isPending) return <Skeleton height={12} width={100} />;
  return (
    <Text size="sm" span>
      {territory.data ? territoryLabel(territory.data) : code}{" "}
      <Text span size="xs" c="dimmed">
        ({code})
      </Text>
    </Text>
  );
}
