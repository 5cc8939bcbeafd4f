import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Referral } from "../api/referrals";
import { useSenderContact, useStaffName } from "../api/work";

/** The sending caseworker and how to reach them (the directory's record, for the referral's parties). */
export function SenderCaseworker({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const contact = useSenderContact(referral.id, referral.view !== "chain" && referral.sender_user_id !== null);
  if (referral.sender_user_id === null || contact.isError) return <>{t("referrals.work.contact_unavailable")}</>;
  if (contact.isPending) return <span>{t("common.loading")}</span>;
  return (
    <>
      {contact.data.full_name}
      {" · "}
      <Anchor href={`mailto:${contact.data.email}`} size="sm" underline="always">
        {contact.data.email}
      </Anchor>
    </>
  );
}

/** Who of the receiving institution handles the referral (its own staff only can name them). */
export function Assignee({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const receiver = referral.my_sides.includes("receiver");
  const name = useStaffName(referral.assignee_user_id, receiver);
  if (!referral.assignee_user_id)
    return (
      <Text span size="sm" c="dimmed">
        {t("referrals.work.unassigned")}
      </Text>
    );
  if (!receiver) return <>{t("referrals.work.assigned_elsewhere")}</>;
  return <>{name ?? "…"}</>;
}
