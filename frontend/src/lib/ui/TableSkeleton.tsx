import { Skeleton, Table } from "@mantine/core";

/** Placeholder rows with the height of real ones, so the table does not jump when data arrives. */
export function TableSkeletonRows({ columns, rows = 5 }: { columns: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <Table.Tr key={r} aria-hidden="true" className="row-skeleton">
          {Array.from({ length: columns }, (_, c) => (
            <Table.Td key={c}>
              <Skeleton height={14} width={c === 0 ? "70%" : "50%"} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}
