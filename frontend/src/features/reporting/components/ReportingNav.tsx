import { Tabs } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";

const SECTIONS = [
  { path: "/raporty/przeglad", label: "reporting.nav.overview" },
  { path: "/raporty/siec", label: "reporting.nav.network" },
  { path: "/raporty/partnerzy", label: "reporting.nav.partners" },
  { path: "/raporty/zestawienia", label: "reporting.nav.explorer" },
  { path: "/raporty/edycje", label: "reporting.nav.editions" },
];

export function ReportingNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? null;
  return (
    <Tabs value={current} onChange={(value) => value && navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={t("nav.reports")}>
        {SECTIONS.map((section) => (
          <Tabs.Tab key={section.path} value={section.path}>
            {t(section.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
