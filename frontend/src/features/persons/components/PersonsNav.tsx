import { Badge, Tabs } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useAccessRequestCounts } from "../api/accessRequests";

const SEARCH = "/osoby";
const REQUESTS = "/osoby/prosby-o-dostep";

/** Search / access requests (with the number waiting for the institution's decision). */
export function PersonsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const counts = useAccessRequestCounts();
  const waiting = counts.data?.incoming_pending ?? 0;
  return (
    <Tabs value={pathname.startsWith(REQUESTS) ? REQUESTS : SEARCH} onChange={(value) => value && void navigate(value)} mb="lg">
      <Tabs.List aria-label={t("nav.persons")}>
        <Tabs.Tab value={SEARCH}>{t("persons.nav.search")}</Tabs.Tab>
        <Tabs.Tab
          value={REQUESTS}
          rightSection={
            waiting > 0 ? (
              <Badge size="sm" color="orange" aria-label={t("persons.access_requests.waiting", { count: waiting })}>
                {waiting}
              </Badge>
            ) : null
          }
        >
          {t("persons.nav.access_requests")}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
