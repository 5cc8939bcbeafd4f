import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { SectionTabs } from "@/lib/ui/SectionTabs";
import { canReview, canSubmit } from "./access";

/** Catalogue for everyone; "submit" and "my institution's" for its staff; "to review" for analysts. */
export function PracticesNav() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const sections = [
    { path: "/dobre-praktyki/katalog", label: t("practices.nav_catalogue") },
    ...(canSubmit(roles)
      ? [
          { path: "/dobre-praktyki/zglos", label: t("practices.nav_submit") },
          { path: "/dobre-praktyki/moje", label: t("practices.nav_mine") },
        ]
      : []),
    ...(canReview(roles) ? [{ path: "/dobre-praktyki/do-oceny", label: t("practices.nav_review") }] : []),
  ];
  return <SectionTabs sections={sections} label={t("practices.title")} />;
}
