import { useState } from "react";
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useProblemAreas } from "@/lib/ui/ProblemAreasSelect";
import { useCatalogue, type CatalogueSearch } from "../api/practices";
import { PracticeCard } from "../components/PracticeCard";
import { INSTITUTION_TYPES, VOIVODESHIP_CODES } from "../components/filters";

/** /dobre-praktyki/katalog: the published practices, searched by words and filtered. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search: CatalogueSearch = {
    q: params.get("q") ?? "",
    problemArea: params.get("obszar") ?? "",
    institutionType: params.get("typ") ?? "",
    territory: params.get("woj") ?? "",
  };
  const [words, setWords] = useState(search.q);
  const areas = useProblemAreas();
  const catalogue = useCatalogue(search);
  const items = catalogue.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t("practices.catalogue.title")} description={t("practices.catalogue.description")} />
      <form
        role="search"
        aria-label={t("practices.catalogue.search_label")}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: words.trim() });
        }}
      >
        <Group align="flex-end" gap="md" wrap="wrap" mb="md">
          <TextInput
            type="search"
            label={t("practices.catalogue.search")}
            placeholder={t("practices.catalogue.search_placeholder")}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            w={320}
          />
          <Button type="submit">{t("practices.catalogue.search_button")}</Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Select
            label={t("practices.catalogue.problem_area")}
            placeholder={t("practices.catalogue.any")}
            clearable
            data={areas.items.map((a) => ({ value: a.code, label: areas.name(a.code) }))}
            value={search.problemArea || null}
            onChange={(v) => set({ obszar: v ?? "" })}
          />
          <Select
            label={t("practices.catalogue.institution_type")}
            placeholder={t("practices.catalogue.any")}
            clearable
            data={INSTITUTION_TYPES.map((type) => ({ value: type, label: type }))}
            value={search.institutionType || null}
            onChange={(v) => set({ typ: v ?? "" })}
          />
          <Select
            label={t("practices.catalogue.territory")}
            placeholder={t("practices.catalogue.whole_country")}
            clearable
            searchable
            data={VOIVODESHIP_CODES()}
            value={search.territory || null}
            onChange={(v) => set({ woj: v ?? "" })}
          />
        </SimpleGrid>
      </form>
      {catalogue.isError ? <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
      {catalogue.isPending ? <div className="skeleton-block" style={{ height: 120 }} aria-busy="true" /> : null}
      {catalogue.isSuccess && items.length === 0 ? (
        <EmptyState title={t("practices.catalogue.empty")} description={t("practices.catalogue.empty_help")} />
      ) : null}
      <Stack gap="sm" aria-label={t("practices.catalogue.results")} role="list">
        {items.map((p) => (
          <div role="listitem" key={p.id}>
            <PracticeCard practice={p} />
          </div>
        ))}
      </Stack>
      {items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={catalogue.hasNextPage}
          isFetchingNextPage={catalogue.isFetchingNextPage}
          onLoadMore={() => void catalogue.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
