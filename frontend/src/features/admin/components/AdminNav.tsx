import { Button, Group } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { useTranslation } from "react-i18next";

export interface AdminSection {
  path: string;
  label: string;
}

/** The administration sections, as links (each is its own page and URL). */
export function AdminNav({ sections }: { sections: readonly AdminSection[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t("admin.sections")} gap="xs" mb="lg" className="admin-nav">
      {sections.map((section) => {
        const active = pathname === section.path || pathname.startsWith(`${section.path}/`);
        return (
          <Button
            key={section.path}
            component={Link}
            to={section.path}
            variant={active ? "light" : "subtle"}
            aria-current={active ? "page" : undefined}
            size="sm"
          >
            {t(section.label)}
          </Button>
        );
      })}
    </Group>
  );
}
