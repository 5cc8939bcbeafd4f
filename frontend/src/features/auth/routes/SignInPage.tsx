import { Alert, Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { useDocumentTitle } from "@/lib/ui/PageHeader";
import { FullPageLoader } from "@/lib/ui/FullPageLoader";
import { LanguageSwitch } from "@/lib/ui/LanguageSwitch";
import { safeNext } from "@/lib/auth/paths";
import { SignInForm } from "../components/SignInForm";

/** /logowanie?next=/where/they/were */
export default function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("auth.title"));
  const { status, endReason, me, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next")) ?? "/";

  if (status === "unknown") return <FullPageLoader />;
  if (status === "authenticated" && me) return <Navigate to={next} replace />;

  return (
    <Box component="main" id="main-content" className="sign-in-page">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="md">
          <Stack gap="lg">
            <Stack gap={4}>
              <Text className="brand" component="p" m={0}>
                Splot
              </Text>
              <Title order={1} size="h2">
                {t("auth.title")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("auth.subtitle")}
              </Text>
            </Stack>
            {endReason === "expired" ? (
              <Alert color="orange" variant="light" title={t("auth.expired_title")} role="status">
                {t("auth.expired_text")}
              </Alert>
            ) : null}
            {endReason === "signed_out" ? (
              <Alert color="splot" variant="light" role="status">
                {t("auth.signed_out")}
              </Alert>
            ) : null}
            <SignInForm
              onSubmit={async (email, password) => {
                await signIn(email, password);
                await navigate(next, { replace: true });
              }}
            />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
