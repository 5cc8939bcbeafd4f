import { Badge, Button } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useOpenInvitations } from "@/lib/partnerships/invitations";
import { useDueSurveyTasks } from "@/lib/surveys/tasks";
import { shellQueries } from "../queries";

/**
 * The header's link to the notifications inbox with the unread count (polled every minute) plus
 * the open invitations to partnerships and the surveys due soon, which the notifications page lists first.
 */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useQuery(shellQueries.unreadNotifications());
  const { invitations } = useOpenInvitations();
  const { tasks: surveys } = useDueSurveyTasks();
  const unreadCount = unread.data?.unread ?? 0;
  const count = unreadCount + invitations.length + surveys.length;
  const base =
    invitations.length > 0
      ? t("header.notifications_and_invitations", { count: unreadCount, invitations: invitations.length })
      : t("header.notifications", { count: unreadCount + invitations.length });
  const title = surveys.length > 0 ? `${base}; ${t("surveys.notifications.header", { count: surveys.length })}` : base;
  return (
    <Button
      component={Link}
      to="/skierowania/powiadomienia"
      variant="subtle"
      size="xs"
      title={title}
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
