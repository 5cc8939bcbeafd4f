import { Group, Select, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Territory } from "@/lib/api/directory";
import { useTerritories } from "../api/registration";

function options(items: readonly Territory[] | undefined, withKind = false) {
  return (items ?? []).map((item) => ({
    value: item.code,
    label: item.level === "voivodeship" ? item.name.toLocaleLowerCase("pl-PL") : withKind ? `${item.name} (${item.kind})` : item.name,
  }));
}

interface GminaFieldProps {
  /** "", or a TERYT code: 2 digits (voivodeship), 4 (powiat) or 7 (gmina). */
  value: string;
  onChange: (code: string) => void;
  error?: React.ReactNode;
}

/** The gmina of residence from the TERYT register (GET /v1/territories): voivodeship → powiat → gmina. */
export function GminaField({ value, onChange, error }: GminaFieldProps) {
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
          clearable
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
          disabled={!voivodeship || powiats.isPending}
          nothingFoundMessage={t("common.nothing_found")}
        />
        <Select
          label={t("territory.gmina")}
          placeholder={powiat ? t("territory.choose") : t("territory.first_powiat")}
          data={options(gminas.data?.items, true)}
          value={value.length === 7 ? value : null}
          onChange={(code) => onChange(code ?? powiat ?? "")}
          searchable
          disabled={!powiat || gminas.isPending}
          error={error}
          nothingFoundMessage={t("common.nothing_found")}
        />
      </Group>
    </Stack>
  );
}
