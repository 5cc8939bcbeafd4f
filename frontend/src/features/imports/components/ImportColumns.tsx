import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { downloadTemplate, useImportTemplate } from "../api/imports";

/** The columns an import takes (from the API), which are required, and the template to download. */
export function ImportColumns() {
  const { t } = useTranslation();
  const template = useImportTemplate();
  if (template.isError) return <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  const columns = template.data?.columns ?? [];
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm">{t("imports.columns.help")}</Text>
        <Button variant="default" size="xs" disabled={!template.data} onClick={() => template.data && downloadTemplate(template.data)}>
          {t("imports.columns.template")}
        </Button>
      </Group>
      <div className="table-scroll">
        <Table verticalSpacing={4} fz="sm" aria-busy={template.isPending}>
          <Table.Caption className="visually-hidden-caption">{t("imports.columns.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("imports.columns.name")}</Table.Th>
              <Table.Th scope="col">{t("imports.columns.meaning")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => (
              <Table.Tr key={column.name}>
                <Table.Td>
                  <code>{column.name}</code>{" "}
                  {column.required ? (
                    <Badge size="xs" variant="light" color="red">
                      {t("imports.columns.required")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`imports.columns.field.${column.name}`, { defaultValue: column.description ?? "" })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
