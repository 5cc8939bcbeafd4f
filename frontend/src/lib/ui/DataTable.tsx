import { Fragment, type CSSProperties, type ReactNode } from "react";
import { Group, Table, type MantineSpacing } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";
import { TableSkeletonRows } from "./TableSkeleton";

export interface Column<T> {
  /** Identifies the column (its React key). */
  key: string;
  /** The header's text, translated. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Style of the column's cells (e.g. a maximum width). */
  style?: CSSProperties;
}

/** What a list page knows about its rows: passed through by the tables built on DataTable. */
export interface ListState {
  loading: boolean;
  /** The list could not be read: shown (with "Spróbuj ponownie") instead of the table. */
  error?: unknown;
  onRetry?: () => void;
  /** Shown instead of the table when there are no rows (after loading). */
  empty?: ReactNode;
}

interface DataTableProps<T> extends ListState {
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /**
   * The row's buttons, in a last column whose header ("Działania") only screen readers see;
   * null leaves the cell empty.
   */
  actions?: (row: T) => ReactNode;
  actionsGap?: MantineSpacing | number;
  /** A full-width row under the row (e.g. its details when opened), or null. */
  details?: (row: T) => ReactNode;
  /** Striped rows that light up under the pointer (default). */
  striped?: boolean;
  skeletonRows?: number;
}

/**
 * The administration lists' table: a caption, column headers with scope, skeleton rows of a real
 * row's height while loading, an empty state and an error instead of an empty table, and an
 * optional actions column. It scrolls sideways on narrow screens.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  loading,
  error,
  onRetry,
  empty,
  actions,
  actionsGap = 4,
  details,
  striped = true,
  skeletonRows,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div style={{ padding: 16 }}>
        <ErrorAlert error={error} onRetry={onRetry} />
      </div>
    );
  }
  if (!loading && rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const width = columns.length + (actions ? 1 : 0);
  return (
    <div className="table-scroll">
      <Table
        className="data-table"
        striped={striped}
        highlightOnHover={striped}
        verticalSpacing="sm"
        horizontalSpacing="xs"
        aria-busy={loading}
      >
        <Table.Caption className="visually-hidden-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col">
                {column.header}
              </Table.Th>
            ))}
            {actions ? (
              <Table.Th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={width} rows={skeletonRows} />
          ) : (
            rows.map((row) => {
              const more = details?.(row) ?? null;
              const buttons = actions?.(row) ?? null;
              return (
                <Fragment key={rowKey(row)}>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Td key={column.key} style={column.style}>
                        {column.cell(row)}
                      </Table.Td>
                    ))}
                    {actions ? (
                      <Table.Td>
                        {buttons === null ? null : (
                          <Group gap={actionsGap} justify="flex-end" wrap="nowrap">
                            {buttons}
                          </Group>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                  {more === null ? null : (
                    <Table.Tr>
                      <Table.Td colSpan={width}>{more}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
