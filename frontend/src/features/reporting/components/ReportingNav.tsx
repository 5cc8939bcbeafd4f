import { useTranslation } from "react-i18next";
import { SectionTabs } from "@/lib/ui/SectionTabs";

const SECTIONS = [
  { path: "/raporty/przeglad", label: "reporting.nav.overview" },
  { path: "/raporty/siec", label: "reporting.nav.network" },
  { path: "/raporty/partnerzy", label: "reporting.nav.partners" },
  { path: "/raporty/plany", label: "reporting.nav.casework" },
  { path: "/raporty/zestawienia", label: "reporting.nav.explorer" },
  { path: "/raporty/edycje", label: "reporting.nav.editions" },
];

export function ReportingNav() {
  const { t } = useTranslation();
  return <SectionTabs sections={SECTIONS.map((s) => ({ path: s.path, label: t(s.label) }))} label={t("nav.reports")} />;
}
