import { Suspense } from "react";
import { AppShell, Badge, Burger, Button, Group, NavLink, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { FEATURES, navItemsFor } from "../navigation";
import { LanguageSwitch } from "@/lib/ui/LanguageSwitch";
import { UserSummary } from "./UserSummary";
import { NotificationsLink } from "./NotificationsLink";
import { InvitationsBadge } from "./InvitationsBadge";
import { DueSurveysBadge } from "@/lib/surveys/DueSurveys";
import { FRONT_LINE_ROLES, hasAnyRole } from "@/lib/auth/roles";

export function AppLayout() {
  const { t } = useTranslation();
  const { roles, signOut } = useAuth();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navItemsFor(roles);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 208, breakpoint: "md", collapsed: { mobile: !opened } }} padding="lg">
      <a className="skip-link" href="#main-content">
        {t("header.skip_to_content")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t("header.close_menu") : t("header.open_menu")}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Link to="/" className="brand" aria-label={t("header.home")}>
              Splot
            </Link>
          </Group>
          <Group gap="md" wrap="nowrap" miw={0}>
            <UserSummary />
            {FEATURES.referrals === "ready" && hasAnyRole(roles, FRONT_LINE_ROLES) ? <NotificationsLink /> : null}
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t("header.sign_out")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t("nav.label")} component="nav">
        <VisuallyHidden>
          <h2>{t("nav.label")}</h2>
        </VisuallyHidden>
        {items.map((item) => {
          const active = location.pathname === item.path || location.pathname.startsWith(`${item.path}/`);
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.label)}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={close}
              rightSection={
                FEATURES[item.feature] === "preparing" ? (
                  <Badge size="xs" variant="light" color="gray">
                    {t("common.preparing_short")}
                  </Badge>
                ) : item.feature === "partnerships" ? (
                  <InvitationsBadge />
                ) : item.feature === "surveys" ? (
                  <DueSurveysBadge />
                ) : null
              }
            />
          );
        })}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t("nav.empty")}
          </Text>
        ) : null}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
