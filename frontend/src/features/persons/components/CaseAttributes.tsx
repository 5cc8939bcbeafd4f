import { useState } from "react";
import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { currentLanguage } from "@/lib/i18n";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useAttributeDefinitions, useInstitutionName } from "../api/persons";
import { attributeEtag, useAttributes, useDeleteAttribute, type Attribute, type AttributeDefinition } from "../api/personCase";
import { AttributeDialog } from "./AttributeDialog";
import { AttributeHistoryDialog } from "./AttributeHistory";
import { attributeText, definitionLabel } from "./attributeValue";

function GroupHeading({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const q = useInstitutionName(institutionId);
  const { me } = useAuth();
  const name = q.data?.name ?? (q.isPending ? "…" : institutionId);
  return (
    <Title order={3} size="h6" mb={4}>
      {me?.institution?.id === institutionId ? `${name} — ${t("persons.case.own")}` : name}
    </Title>
  );
}

/** A sensitive value is hidden until revealed (the reveal is per row, toggled). */
function AttributeValueCell({ attribute, def, label }: { attribute: Attribute; def?: AttributeDefinition; label: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!attribute.sensitive) return <>{attributeText(attribute.value, t, def)}</>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c={shown ? undefined : "dimmed"} fs={shown ? undefined : "italic"}>
        {shown ? attributeText(attribute.value, t, def) : t("persons.case.hidden")}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-pressed={shown}
        aria-label={shown ? t("persons.case.hide_named", { name: label }) : t("persons.case.reveal_named", { name: label })}
        onClick={() => setShown((x) => !x)}
      >
        {shown ? t("persons.case.hide") : t("persons.case.reveal")}
      </Button>
    </Group>
  );
}

interface RowsProps {
  items: Attribute[];
  defs: AttributeDefinition[];
  own: boolean;
  onEdit: (a: Attribute) => void;
  onRemove: (a: Attribute) => void;
  onHistory: (a: Attribute) => void;
}

function AttributeRows({ items, defs, own, onEdit, onRemove, onHistory }: RowsProps) {
  const { t } = useTranslation();
  const en = currentLanguage() === "en";
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("persons.case.attribute")}</Table.Th>
            <Table.Th>{t("persons.case.value")}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => {
            const def = defs.find((d) => d.code === a.code);
            const label = definitionLabel(def, a.code, en);
            return (
              <Table.Tr key={`${a.institution_id}.${a.code}`}>
                <Table.Td>
                  <Text size="sm">{label}</Text>
                  {a.sensitive ? (
                    <Badge size="xs" color="grape" variant="light">
                      {t("persons.attributes.sensitive")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <AttributeValueCell attribute={a} def={def} label={label} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap" justify="flex-end">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t("persons.case.history_named", { name: label })}
                      onClick={() => onHistory(a)}
                    >
                      {t("persons.case.history")}
                    </Button>
                    {own ? (
                      <>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t("persons.case.edit_named", { name: label })}
                          onClick={() => onEdit(a)}
                        >
                          {t("persons.case.edit")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t("persons.case.remove_named", { name: label })}
                          onClick={() => onRemove(a)}
                        >
                          {t("persons.case.remove")}
                        </Button>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The person's case attributes: every institution's you may see, your own editable. */
export function CaseAttributes({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const en = currentLanguage() === "en";
  const { me } = useAuth();
  const list = useAttributes(personId);
  const defs = useAttributeDefinitions();
  const remove = useDeleteAttribute(personId);
  const [dialog, setDialog] = useState<{ editing: Attribute | null } | null>(null);
  const [removing, setRemoving] = useState<Attribute | null>(null);
  const [history, setHistory] = useState<Attribute | null>(null);
  const ownId = me?.institution?.id;
  const items = list.data?.items ?? [];
  const definitions = defs.data?.items ?? [];
  const own = items.filter((a) => a.institution_id === ownId);
  const addable = definitions.filter(
    (d) =>
      d.active &&
      (d.institution_types.length === 0 || d.institution_types.includes(me?.institution?.type ?? "")) &&
      !own.some((a) => a.code === d.code),
  );
  const labelOf = (a: Attribute | null) =>
    a
      ? definitionLabel(
          definitions.find((d) => d.code === a.code),
          a.code,
          en,
        )
      : "";
  const groups = [...new Set(items.map((a) => a.institution_id))].sort((a, b) => (a === ownId ? -1 : b === ownId ? 1 : a.localeCompare(b)));
  const doRemove = async () => {
    if (!removing) return;
    try {
      await remove.mutateAsync({ code: removing.code, etag: attributeEtag(removing) });
      notify("green", t("persons.case.removed"));
      setRemoving(null);
    } catch {
      // shown in the dialog
    }
  };
  if (list.isPending || defs.isPending) return <div className="skeleton-block" style={{ height: 80 }} aria-busy="true" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (defs.isError) return <ErrorAlert error={defs.error} onRetry={() => void defs.refetch()} />;
  return (
    <Stack gap="md">
      {canWrite ? (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {addable.length === 0 ? t("persons.case.none_left") : own.length === 0 ? t("persons.case.own_empty") : null}
          </Text>
          <Button variant="light" onClick={() => setDialog({ editing: null })} disabled={addable.length === 0}>
            {t("persons.case.add")}
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          {t("persons.case.read_only")}
        </Text>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("persons.attributes.empty")}
        </Text>
      ) : (
        groups.map((institutionId) => (
          <div key={institutionId}>
            <GroupHeading institutionId={institutionId} />
            <AttributeRows
              items={items.filter((a) => a.institution_id === institutionId)}
              defs={definitions}
              own={canWrite && institutionId === ownId}
              onEdit={(a) => setDialog({ editing: a })}
              onRemove={setRemoving}
              onHistory={setHistory}
            />
          </div>
        ))
      )}
      {dialog ? (
        <AttributeDialog
          key={dialog.editing?.code ?? "new"}
          personId={personId}
          definitions={dialog.editing ? definitions : addable}
          editing={dialog.editing}
          opened
          onClose={() => setDialog(null)}
        />
      ) : null}
      <AttributeHistoryDialog
        attribute={history}
        definition={definitions.find((d) => d.code === history?.code)}
        label={labelOf(history)}
        onClose={() => setHistory(null)}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t("persons.case.remove_title")}
        message={t("persons.case.remove_confirm", { name: labelOf(removing) })}
        confirmLabel={t("persons.case.remove")}
        danger
        loading={remove.isPending}
        error={remove.isError ? remove.error : null}
        onConfirm={() => void doRemove()}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Stack>
  );
}
