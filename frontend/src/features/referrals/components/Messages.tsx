import { useEffect, useEffectEvent } from "react";
import { Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { useMarkMessagesRead, useMessages, usePostMessage } from "../api/referrals";
import { InstitutionName } from "./Labels";

/** Messages between the two parties, with read receipts; opening them marks the other side's as read. */
export function Messages({ referralId, open }: { referralId: string; open: boolean }) {
  const { t } = useTranslation();
  const messages = useMessages(referralId);
  const post = usePostMessage(referralId);
  const markRead = useMarkMessagesRead(referralId);
  const form = useForm({
    mode: "controlled",
    initialValues: { text: "" },
    // A message stays until the next attempt to send.
    clearInputErrorOnChange: false,
    validate: { text: (value) => (value.trim() ? null : t("errors.field.missing")) },
  });
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadFromOthers = items.some((m) => !m.mine && m.read_receipts.length === 0);

  // Once per load of unread messages (not again while the previous marking is on its way).
  const markAsRead = useEffectEvent(() => {
    if (!markRead.isPending) markRead.mutate();
  });
  useEffect(() => {
    if (unreadFromOthers) markAsRead();
  }, [unreadFromOthers]);

  const send = form.onSubmit(async ({ text }) => {
    try {
      await post.mutateAsync(text.trim());
      form.reset();
    } catch {
      // shown below
    }
  });

  return (
    <Stack gap="sm">
      {messages.isPending ? (
        <div className="skeleton-block" style={{ height: 96 }} aria-busy="true" />
      ) : messages.isError ? (
        <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("referrals.messages.empty")} />
      ) : (
        <Stack gap="xs" component="ol" className="plain-list" aria-label={t("referrals.messages.title")}>
          {items.map((message) => (
            <Paper component="li" key={message.id} withBorder p="sm" bg={message.mine ? "gray.0" : undefined}>
              <Group justify="space-between" gap="xs">
                <Text size="xs" fw={600}>
                  {message.mine ? t("referrals.messages.mine") : <InstitutionName id={message.author_institution_id} />}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(message.created_at)}
                  {message.edited_at ? ` · ${t("referrals.messages.edited")}` : ""}
                </Text>
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {message.text}
              </Text>
              {message.mine ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {message.read_receipts.length
                    ? t("referrals.messages.read_at", { at: formatDateTime(message.read_receipts[0].read_at) })
                    : t("referrals.messages.not_read")}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      )}
      {messages.hasNextPage ? (
        <LoadMore
          shown={items.length}
          hasNextPage
          isFetchingNextPage={messages.isFetchingNextPage}
          onLoadMore={() => void messages.fetchNextPage()}
        />
      ) : null}
      {open ? (
        <form onSubmit={send} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t("referrals.messages.new")}
              {...form.getInputProps("text")}
              autosize
              minRows={2}
              description={t("referrals.messages.help")}
            />
            <div aria-live="polite">{post.isError ? <ErrorAlert error={post.error} /> : null}</div>
            <Group justify="flex-end">
              <Button type="submit" loading={post.isPending}>
                {t("referrals.messages.send")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {t("referrals.messages.closed")}
        </Text>
      )}
    </Stack>
  );
}
