import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionTabs } from "@/lib/ui/SectionTabs";
import { useCounts } from "../api/referrals";

function CountBadge({ box }: { box: "inbox" | "outbox" }) {
  const { t } = useTranslation();
  const counts = useCounts(box);
  if (!counts.data) return null;
  return (
    <>
      <Badge size="sm" variant="light" ml={6} aria-label={t("referrals.counts.total", { count: counts.data.total })}>
        {counts.data.total}
      </Badge>
      {counts.data.overdue > 0 ? (
        <Badge size="sm" color="red" ml={4} aria-label={t("referrals.counts.overdue", { count: counts.data.overdue })}>
          {counts.data.overdue}
        </Badge>
      ) : null}
    </>
  );
}

const SECTIONS = [
  { path: "/skierowania/przychodzace", label: "referrals.nav.inbox", box: "inbox" as const },
  { path: "/skierowania/wychodzace", label: "referrals.nav.outbox", box: "outbox" as const },
  { path: "/skierowania/powiadomienia", label: "referrals.nav.notifications", box: null },
  { path: "/skierowania/sprawdzenia", label: "referrals.nav.followups", box: null },
  { path: "/skierowania/nowe", label: "referrals.nav.new", box: null },
];

/** Inbox / outbox (with counts) / notifications / new referral. */
export function ReferralsNav() {
  const { t } = useTranslation();
  const sections = SECTIONS.map((s) => ({
    path: s.path,
    label: t(s.label),
    rightSection: s.box ? <CountBadge box={s.box} /> : undefined,
  }));
  return <SectionTabs sections={sections} label={t("nav.referrals")} />;
}
