import { Anchor, Paper, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/lib/ui/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("not_found.title")} />
      <Paper withBorder p="lg" maw={640}>
        <Text mb="sm">{t("not_found.text")}</Text>
        <Anchor component={Link} to="/">
          {t("not_found.home")}
        </Anchor>
      </Paper>
    </>
  );
}
