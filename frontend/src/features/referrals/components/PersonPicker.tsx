import { useState } from "react";
import { Button, Group, Paper, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { unwrap } from "@/lib/api/client";
import { clients } from "@/lib/api/clients";
import { formatDate } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { usePersonSearch } from "../api/referrals";

export interface PickedPerson {
  id: string;
  label: string;
}

/** Find the person: a name within the persons you see, or an exact PESEL (global lookup). */
export function PersonPicker({
  value,
  onChange,
  error,
}: {
  value: PickedPerson | null;
  onChange: (p: PickedPerson) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const isPesel = /^\d{11}$/.test(debounced.trim());
  const search = usePersonSearch(isPesel ? "" : debounced);
  const [lookup, setLookup] = useState<{ id: string; initials: string; birth_year: number }[] | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [looking, setLooking] = useState(false);

  const runLookup = async () => {
    setLooking(true);
    setLookupError(null);
    try {
      const result = await unwrap(clients.POST("/v1/persons/lookup", { body: { pesel: debounced.trim() } }));
      setLookup(result.items);
    } catch (e) {
      setLookupError(e);
    } finally {
      setLooking(false);
    }
  };

  const options: { id: string; label: string; detail: string }[] = isPesel
    ? (lookup ?? []).map((hint) => ({ id: hint.id, label: hint.initials, detail: t("referrals.wizard.born", { year: hint.birth_year }) }))
    : (search.data?.items ?? []).map((p) => ({
        id: p.id,
        label: `${p.first_name ?? ""} ${p.last_name ?? ""}`.trim() || t("referrals.person_hidden"),
        detail: p.birth_date ? formatDate(p.birth_date) : "",
      }));

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("referrals.wizard.person_search")}
          description={t("referrals.wizard.person_search_help")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setLookup(null);
          }}
          w={360}
          data-autofocus
          autoComplete="off"
        />
        {isPesel ? (
          <Button variant="light" onClick={() => void runLookup()} loading={looking}>
            {t("referrals.wizard.lookup_pesel")}
          </Button>
        ) : null}
      </Group>
      <div aria-live="polite">
        {lookupError ? <ErrorAlert error={lookupError} /> : null}
        {search.isError ? <ErrorAlert error={search.error} /> : null}
        {search.isFetching ? <Text size="sm">{t("common.loading")}</Text> : null}
        {(isPesel ? lookup !== null : search.isSuccess) && options.length === 0 ? <Text size="sm">{t("common.nothing_found")}</Text> : null}
      </div>
      {options.length > 0 ? (
        <Radio.Group
          label={t("referrals.wizard.person_results")}
          value={value?.id ?? ""}
          onChange={(id) => {
            const found = options.find((o) => o.id === id);
            if (found) onChange({ id: found.id, label: found.label });
          }}
        >
          <Stack gap={6} mt={6}>
            {options.map((o) => (
              <Paper key={o.id} withBorder p="xs">
                <Radio value={o.id} label={o.label} description={o.detail} />
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
      {value ? (
        <Text size="sm" fw={600}>
          {t("referrals.wizard.person_chosen", { name: value.label })}
        </Text>
      ) : null}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
