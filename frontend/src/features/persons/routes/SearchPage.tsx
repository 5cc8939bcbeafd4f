import { useState } from "react";
import { Anchor, Button, Group, Paper, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { usePeselLookup, usePersonSearch } from "../api/persons";
import { parsePesel } from "../api/pesel";
import { PersonsNav } from "../components/PersonsNav";
import { RegisterHereModal } from "../components/RegisterHereModal";

type Hint = { id: string; initials: string; birth_year: number; visible: boolean };

/**
 * Exact PESEL → global lookup (initials and birth year only): a record the institution sees opens,
 * any other can be registered in the institution (the PESEL proves it, with a declared reason).
 * A name → persons your institution sees.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const lookup = usePeselLookup();
  const [registering, setRegistering] = useState<Hint | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { q: "" },
    // A new query forgets the previous PESEL lookup.
    onValuesChange: () => lookup.reset(),
  });
  const { q } = form.values;
  const [debounced] = useDebouncedValue(q, 300);
  const digits = /^\d+$/.test(q.trim());
  const list = usePersonSearch(digits ? "" : debounced);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const pesel = parsePesel(q);

  const submit = form.onSubmit(({ q: query }) => {
    if (digits && pesel.valid) lookup.mutate(query.trim());
  });

  return (
    <>
      <PersonsNav />
      <PageHeader
        title={t("persons.search.title")}
        description={t("persons.search.description")}
        actions={
          <Button component={Link} to="/osoby/nowa">
            {t("persons.register.title")}
          </Button>
        }
      />
      <form onSubmit={submit} role="search">
        <Group align="flex-end" mb="md">
          <TextInput
            label={t("persons.search.label")}
            description={t("persons.search.help")}
            {...form.getInputProps("q")}
            w={420}
            autoComplete="off"
            error={digits && q.trim().length === 11 && !pesel.valid ? t(`persons.pesel.${pesel.error}`) : undefined}
          />
          {digits ? (
            <Button type="submit" disabled={!pesel.valid} loading={lookup.isPending}>
              {t("persons.search.lookup")}
            </Button>
          ) : null}
        </Group>
      </form>
      <div aria-live="polite">
        {digits ? (
          lookup.isError ? (
            <ErrorAlert error={lookup.error} />
          ) : lookup.data ? (
            <Paper withBorder p="md">
              {lookup.data.items.length === 0 ? (
                <EmptyState
                  title={t("persons.search.pesel_none")}
                  action={
                    <Button variant="light" component={Link} to={`/osoby/nowa?pesel=${encodeURIComponent(q.trim())}`}>
                      {t("persons.register.title")}
                    </Button>
                  }
                />
              ) : (
                lookup.data.items.map((hint) => {
                  const who = t("persons.search.hint", { initials: hint.initials, year: hint.birth_year });
                  return (
                    <Group key={hint.id} justify="space-between">
                      <Text size="sm">{who}</Text>
                      {hint.visible ? (
                        <Anchor component={Link} to={`/osoby/${hint.id}`} size="sm">
                          {t("persons.search.open")}
                        </Anchor>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setRegistering(hint)}
                          aria-label={t("persons.register_here.named", { who })}
                        >
                          {t("persons.register_here.action")}
                        </Button>
                      )}
                    </Group>
                  );
                })
              )}
              {lookup.data.items.length > 0 ? (
                <Text size="xs" c="dimmed" mt="xs">
                  {t("persons.search.hint_help")}
                </Text>
              ) : null}
            </Paper>
          ) : null
        ) : debounced.trim().length < 2 ? (
          <Text size="sm" c="dimmed">
            {t("persons.search.type_more")}
          </Text>
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.isPending && items.length === 0 ? (
          <Paper withBorder>
            <EmptyState title={t("common.nothing_found")} description={t("persons.search.none_help")} />
          </Paper>
        ) : (
          <Paper withBorder p={0}>
            <Table striped verticalSpacing="sm" className="data-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("persons.field.name")}</Table.Th>
                  <Table.Th>{t("persons.field.birth_date")}</Table.Th>
                  <Table.Th>{t("persons.field.sex")}</Table.Th>
                  <Table.Th>{t("persons.field.access_basis")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending ? (
                  <TableSkeletonRows columns={4} rows={3} />
                ) : (
                  items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/osoby/${p.id}`} size="sm" fw={600}>
                          {p.last_name} {p.first_name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(p.birth_date)}</Table.Td>
                      <Table.Td>{t(`persons.sex.${p.sex}`)}</Table.Td>
                      <Table.Td>{t(`persons.access_basis.${p.access_basis}`, { defaultValue: p.access_basis })}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </div>
      <RegisterHereModal hint={registering} pesel={q.trim()} onClose={() => setRegistering(null)} />
      {!digits && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
