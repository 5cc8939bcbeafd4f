import { Paper, Text } from "@mantine/core";
import { Navigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { PageHeader } from "@/lib/ui/PageHeader";
import { navItemsFor } from "../navigation";

/** "/": the first module the user's roles open; a welcome when there is none yet. */
export function HomePage() {
  const { t } = useTranslation();
  const { roles, me } = useAuth();
  const first = navItemsFor(roles)[0];
  if (first) return <Navigate to={first.path} replace />;
  return (
    <>
      <PageHeader title={t("home.title", { name: me?.user?.full_name ?? "" })} />
      <Paper withBorder p="lg" maw={640}>
        <Text>{t("home.no_modules")}</Text>
      </Paper>
    </>
  );
}
