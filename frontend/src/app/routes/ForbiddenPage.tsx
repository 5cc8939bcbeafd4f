import { Anchor, Paper, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/lib/ui/PageHeader";

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("forbidden.title")} />
      <Paper withBorder p="lg" maw={640}>
        <Text mb="sm">{t("forbidden.text")}</Text>
        <Anchor component={Link} to="/">
          {t("not_found.home")}
        </Anchor>
      </Paper>
    </>
  );
}
