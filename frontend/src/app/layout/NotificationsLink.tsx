import { Badge, Button } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { shellQueries } from "../queries";

/** The header's link to the notifications inbox with the unread count (polled every minute). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useQuery(shellQueries.unreadNotifications());
  const count = unread.data?.unread ?? 0;
  return (
    <Button
      component={Link}
      to="/skierowania/powiadomienia"
      variant="subtle"
      size="xs"
      title={t("header.notifications", { count })}
      rightSection={
        count > 0 ? (
          <Badge size="sm" color="red" circle={count < 10}>
            {count > 99 ? "99+" : count}
          </Badge>
        ) : null
      }
    >
      {t("header.notifications_short")}
    </Button>
  );
}
