import { useEffect, useRef, type ReactNode } from "react";
import { Group, Stack, Text, Title } from "@mantine/core";

let firstPageShown = false;

/** Sets the document title (read out by screen readers on navigation). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Splot` : "Splot";
  }, [title]);
}

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The page's h1. After client-side navigation it takes focus, so keyboard and screen-reader users
 * start on the new page instead of the link they came from; on the first page of a load it does not.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) ref.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap" gap="md">
      <Stack gap={4}>
        <Title order={1} ref={ref} tabIndex={-1} className="page-title">
          {title}
        </Title>
        {description ? (
          // A description that is not plain text (a group of badges, say) is laid out in a <div>:
          // block content cannot sit inside a <p>.
          <Text c="dimmed" size="sm" component={typeof description === "string" ? "p" : "div"}>
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="sm" wrap="nowrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}
