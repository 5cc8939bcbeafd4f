import { useRef, useState } from "react";
import { Button, Code, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useRotateWebhookSecret, useSubscriptions, type Subscription, type SubscriptionWithSecret } from "../api/webhooks";
import { SecretOnceModal } from "../components/SecretOnceModal";
import { CreateWebhookModal, EditWebhookModal, WebhookActionDialog, type WebhookAction } from "../components/WebhookModals";
import { WebhooksTable } from "../components/WebhooksTable";
import { deliveriesPath } from "./webhookPaths";

/** How a receiver checks a notification (shown with the secret, the one moment it is needed). */
function SigningHelp() {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("admin.webhooks.signing_title")}
      </Text>
      <Text size="sm">{t("admin.webhooks.signing_help")}</Text>
      <Code block>{'Splot-Signature: v1=hex(HMAC-SHA256(secret, Splot-Timestamp + "." + body))'}</Code>
    </Stack>
  );
}

/**
 * /administracja/webhooki: the institution's webhook subscriptions (the referrals service lets
 * institution administrators manage their own institution's only).
 */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const institution = me?.institution;
  const subscriptions = useSubscriptions();
  const rotate = useRotateWebhookSecret();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [action, setAction] = useState<{ kind: WebhookAction; subscription: Subscription } | null>(null);
  const [rotating, setRotating] = useState<Subscription | null>(null);
  const [secret, setSecret] = useState<{ subscription: SubscriptionWithSecret; rotated: boolean } | null>(null);
  const items = subscriptions.data?.pages.flatMap((page) => page.items) ?? [];

  // Where focus goes back after the secret dialog (the button that started it all).
  const returnFocus = useRef<HTMLElement | null>(null);
  const remember = () => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  const startCreate = () => {
    remember();
    setCreating(true);
  };

  const doRotate = async () => {
    if (!rotating) return;
    try {
      const subscription = await rotate.mutateAsync(rotating.id);
      setRotating(null);
      setSecret({ subscription, rotated: true });
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <PageHeader
        title={t("admin.webhooks.title")}
        description={t("admin.webhooks.description", { institution: institution?.name ?? "" })}
        actions={
          <Button onClick={startCreate} disabled={!institution}>
            {t("admin.webhooks.create")}
          </Button>
        }
      />
      <Paper withBorder p={0}>
        <WebhooksTable
          subscriptions={items}
          loading={subscriptions.isPending}
          error={subscriptions.error}
          onRetry={() => void subscriptions.refetch()}
          empty={
            <EmptyState
              title={t("admin.webhooks.empty")}
              description={t("admin.webhooks.empty_help")}
              action={
                <Button variant="light" onClick={startCreate} disabled={!institution}>
                  {t("admin.webhooks.create")}
                </Button>
              }
            />
          }
          deliveriesPath={(subscription) => deliveriesPath(subscription.id)}
          onEdit={(subscription) => setEditing(subscription.id)}
          onPause={(subscription) => setAction({ kind: "pause", subscription })}
          onResume={(subscription) => setAction({ kind: "resume", subscription })}
          onRotate={(subscription) => {
            remember();
            setRotating(subscription);
          }}
          onDelete={(subscription) => setAction({ kind: "delete", subscription })}
        />
      </Paper>
      {!subscriptions.isPending && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={subscriptions.hasNextPage}
          isFetchingNextPage={subscriptions.isFetchingNextPage}
          onLoadMore={() => void subscriptions.fetchNextPage()}
        />
      ) : null}

      <CreateWebhookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(subscription) => {
          setCreating(false);
          setSecret({ subscription, rotated: false });
        }}
        institutionName={institution?.name ?? ""}
      />
      <EditWebhookModal subscriptionId={editing} onClose={() => setEditing(null)} />
      <WebhookActionDialog action={action} onClose={() => setAction(null)} />
      <ConfirmDialog
        opened={rotating !== null}
        title={t("admin.webhooks.rotate_title")}
        message={t("admin.webhooks.rotate_confirm", { url: rotating?.url ?? "" })}
        confirmLabel={t("admin.webhooks.rotate")}
        loading={rotate.isPending}
        error={rotate.isError ? rotate.error : null}
        onConfirm={() => void doRotate()}
        onClose={() => {
          rotate.reset();
          setRotating(null);
        }}
      />
      <SecretOnceModal
        opened={secret !== null}
        title={t("admin.webhooks.secret_title")}
        subject={
          <>
            {t("admin.webhooks.secret_for")} <strong style={{ overflowWrap: "anywhere" }}>{secret?.subscription.url}</strong>
          </>
        }
        fields={secret ? [{ label: t("admin.webhooks.secret_field"), value: secret.subscription.secret, testId: "webhook-secret" }] : []}
        onceText={t("admin.webhooks.secret_once_text")}
        note={secret?.rotated ? t("admin.webhooks.rotated_now") : undefined}
        onClose={() => {
          if (secret && !secret.rotated) notify("green", t("admin.webhooks.created", { url: secret.subscription.url }));
          setSecret(null);
          const target = returnFocus.current;
          window.setTimeout(() => (target?.isConnected ? target.focus() : document.querySelector<HTMLElement>(".page-title")?.focus()), 0);
        }}
      >
        <SigningHelp />
      </SecretOnceModal>
    </>
  );
}
