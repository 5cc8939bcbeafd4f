import { Button } from "@mantine/core";

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button className="no-print" variant="light" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
