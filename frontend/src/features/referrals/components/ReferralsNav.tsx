import { Badge, Tabs } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
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
  { path: "/skierowania/nowe", label: "referrals.nav.new", box: null },
];

/** Inbox / outbox (with counts) / notifications / new referral. */
export function ReferralsNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? null;
  return (
    <Tabs value={current} onChange={(value) => value && navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={t("nav.referrals")}>
        {SECTIONS.map((section) => (
          <Tabs.Tab key={section.path} value={section.path} rightSection={section.box ? <CountBadge box={section.box} /> : undefined}>
            {t(section.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
