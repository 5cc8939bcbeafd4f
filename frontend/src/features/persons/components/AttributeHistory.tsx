import { useState } from "react";
import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useAttributeHistory, type Attribute, type AttributeDefinition } from "../api/personCase";
import { attributeText } from "./attributeValue";

interface Props {
  attribute: Attribute | null;
  definition?: AttributeDefinition;
  label: string;
  onClose: () => void;
}

/** Every value one institution recorded for one attribute, newest first (what the registry keeps
 * and the caller may see); sensitive values stay hidden until revealed. */
export function AttributeHistoryDialog({ attribute, definition, label, onClose }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const history = useAttributeHistory(attribute?.person_id ?? "", attribute?.code ?? null);
  const entries = (history.data?.items ?? []).filter((e) => e.institution_id === attribute?.institution_id);
  const sensitive = attribute?.sensitive ?? false;
  const close = () => {
    setShown(false);
    onClose();
  };
  return (
    <Modal
      opened={attribute !== null}
      onClose={close}
      size="lg"
      title={t("persons.case.history_title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          {sensitive ? (
            <Button size="compact-xs" variant="subtle" aria-pressed={shown} onClick={() => setShown((x) => !x)}>
              {shown ? t("persons.case.hide") : t("persons.case.reveal")}
            </Button>
          ) : null}
        </Group>
        {history.isPending ? (
          <div className="skeleton-block" style={{ height: 60 }} aria-busy="true" />
        ) : history.isError ? (
          <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("persons.case.history_when")}</Table.Th>
                <Table.Th>{t("persons.case.history_change")}</Table.Th>
                <Table.Th>{t("persons.case.value")}</Table.Th>
                <Table.Th>{t("persons.case.history_who")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={`${e.changed_at}.${e.change}.${String(e.value)}`}>
                  <Table.Td>{formatDateTime(e.changed_at)}</Table.Td>
                  <Table.Td>{t(`persons.case.change.${e.change}`)}</Table.Td>
                  <Table.Td>
                    {e.change === "removed" ? "—" : sensitive && !shown ? t("persons.case.hidden") : attributeText(e.value, t, definition)}
                  </Table.Td>
                  <Table.Td>{e.changed_by ?? t("persons.case.history_other_staff")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" c="dimmed">
          {t("persons.case.history_note")}
        </Text>
      </Stack>
    </Modal>
  );
}
