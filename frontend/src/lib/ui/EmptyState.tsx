import type { ReactNode } from "react";
import { Stack, Text } from "@mantine/core";

export function EmptyState({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" className="empty-state">
      <Text fw={600}>{title}</Text>
      {description ? (
        <Text c="dimmed" size="sm" ta="center" maw={520}>
          {description}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}
