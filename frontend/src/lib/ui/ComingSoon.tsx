import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "./PageHeader";

/** The page of a module whose API is still being built. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="lg" maw={720}>
        <Text fw={600} mb="xs">
          {t("common.preparing")}
        </Text>
        <Text size="sm">{description}</Text>
      </Paper>
    </>
  );
}
