import { useTranslation } from "react-i18next";
import { SectionTabs } from "@/lib/ui/SectionTabs";

const SECTIONS = [
  { path: "/raporty/przeglad", label: "reporting.nav.overview" },
  { path: "/raporty/siec", label: "reporting.nav.network" },
  { path: "/raporty/partnerzy", label: "reporting.nav.partners" },
  { path: "/raporty/plany", label: "reporting.nav.casework" },
  { path: "/raporty/problemy", label: "reporting.nav.problems" },
  { path: "/raporty/zestawienia", label: "reporting.nav.explorer" },
  { path: "/raporty/edycje", label: "reporting.nav.editions" },
  { path: "/raporty/raport", label: "reporting.nav.report" },
];

export function ReportingNav() {
  const { t } = useTranslation();
  return <SectionTabs sections={SECTIONS.map((s) => ({ path: s.path, label: t(s.label) }))} label={t("nav.reports")} />;
}
