import { useState } from "react";
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useVersionedEdit, useVersionedRecord } from "@/lib/ui/useVersionedEdit";
import { VersionedEditForm } from "@/lib/ui/VersionedEditForm";
import {
  useCreateSubscription,
  useDeleteSubscription,
  useUpdateSubscription,
  webhookQueries,
  type Subscription,
  type SubscriptionCreate,
  type SubscriptionUpdate,
  type SubscriptionWithSecret,
} from "../api/webhooks";
import { EMPTY_WEBHOOK, eventTypesOf, WebhookFields, webhookValidation, webhookValues, type WebhookFormValues } from "./WebhookForm";

interface CreateWebhookModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (subscription: SubscriptionWithSecret) => void;
  institutionName: string;
}

export function CreateWebhookModal({ opened, onClose, onCreated, institutionName }: CreateWebhookModalProps) {
  const { t } = useTranslation();
  const create = useCreateSubscription();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<WebhookFormValues>({ mode: "controlled", initialValues: EMPTY_WEBHOOK, validate: webhookValidation(t) });

  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const description = values.description.trim();
    const body: SubscriptionCreate = {
      url: values.url.trim(),
      event_types: eventTypesOf(values),
      ...(description ? { description } : {}),
    };
    try {
      const subscription = await create.mutateAsync(body);
      form.reset();
      create.reset();
      onCreated(subscription);
    } catch (error) {
      // Field errors (webhook_url_not_allowed: not https, or not a public address) go next to the fields.
      if (!applyErrorToForm(error, form, t).shownOnFields) setFormError(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("admin.webhooks.create_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("admin.webhooks.create_help", { institution: institutionName })}
          </Text>
          <WebhookFields form={form} />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("admin.webhooks.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What changed (PATCH): null clears the description; [] means every event type. */
function changes(values: WebhookFormValues, record: Subscription): SubscriptionUpdate {
  const body: SubscriptionUpdate = {};
  const url = values.url.trim();
  if (url !== record.url) body.url = url;
  const description = values.description.trim() || null;
  if (description !== (record.description ?? null)) body.description = description;
  const events = eventTypesOf(values);
  const before = [...record.event_types].sort();
  if (events.length !== before.length || events.some((type, i) => type !== before[i])) body.event_types = events;
  if (values.active !== record.active) body.active = values.active;
  return body;
}

/** URL, description, events and sending on/off; sent with If-Match from the ETag read when the dialog opened. */
export function EditWebhookModal({ subscriptionId, onClose }: { subscriptionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSubscription();
  const edit = useVersionedEdit({
    query: webhookQueries.detail(subscriptionId ?? ""),
    enabled: subscriptionId !== null,
    form: { initialValues: EMPTY_WEBHOOK, validate: webhookValidation(t) },
    toValues: webhookValues,
    toBody: (_changes, values, record) => changes(values, record),
    save: (body, etag, record) => update.mutateAsync({ id: record.id, etag, body }),
    onSaved: (saved) => {
      notify("green", t("admin.webhooks.updated", { url: saved.url }));
      close();
    },
    onUnchanged: () => close(),
  });

  function close() {
    edit.clear();
    onClose();
  }

  return (
    <Modal
      opened={subscriptionId !== null}
      onClose={close}
      title={t("admin.webhooks.edit_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <VersionedEditForm edit={edit} onCancel={close} skeleton={[56, 56, 160]}>
        <WebhookFields form={edit.form} withActive />
      </VersionedEditForm>
    </Modal>
  );
}

export type WebhookAction = "delete" | "pause" | "resume";

/**
 * Delete, pause or resume after a confirmation. The dialog reads the subscription (and its ETag)
 * when it opens and sends If-Match with it; a 412 offers to reload.
 */
export function WebhookActionDialog({
  action,
  onClose,
}: {
  action: { kind: WebhookAction; subscription: Subscription } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loaded = useVersionedRecord(webhookQueries.detail(action?.subscription.id ?? ""), action !== null);
  const update = useUpdateSubscription();
  const remove = useDeleteSubscription();
  const [error, setError] = useState<unknown>(null);
  const kind = action?.kind ?? "delete";
  const url = loaded.record?.url ?? action?.subscription.url ?? "";
  const pending = update.isPending || remove.isPending;

  const close = () => {
    setError(null);
    loaded.clearStale();
    update.reset();
    remove.reset();
    onClose();
  };

  const reload = async () => {
    await loaded.reload();
    setError(null);
  };

  const confirm = async () => {
    setError(null);
    try {
      const sent = await loaded.send(async (etag, subscription) => {
        if (kind === "delete") await remove.mutateAsync({ id: subscription.id, etag });
        else await update.mutateAsync({ id: subscription.id, etag, body: { active: kind === "resume" } });
      });
      if (sent.stale) return;
      if (kind === "delete") notify("green", t("admin.webhooks.deleted", { url }));
      else notify("green", t(kind === "pause" ? "admin.webhooks.paused" : "admin.webhooks.resumed", { url }));
      close();
    } catch (caught) {
      setError(caught);
    }
  };

  const titles: Record<WebhookAction, string> = {
    delete: t("admin.webhooks.delete_title"),
    pause: t("admin.webhooks.pause_title"),
    resume: t("admin.webhooks.resume_title"),
  };
  const messages: Record<WebhookAction, string> = {
    delete: t("admin.webhooks.delete_confirm", { url }),
    pause: t("admin.webhooks.pause_confirm", { url }),
    resume: t("admin.webhooks.resume_confirm", { url }),
  };
  const labels: Record<WebhookAction, string> = {
    delete: t("admin.webhooks.delete"),
    pause: t("admin.webhooks.pause"),
    resume: t("admin.webhooks.resume"),
  };

  return (
    <Modal opened={action !== null} onClose={close} title={titles[kind]} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {messages[kind]}
        </Text>
        {loaded.status === "error" ? <ErrorAlert error={loaded.loadError} onRetry={loaded.retryLoad} /> : null}
        {loaded.stale ? <StaleRecordAlert onReload={() => void reload()} reloading={loaded.reloading} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button
            color={kind === "delete" ? "red" : undefined}
            onClick={() => void confirm()}
            loading={pending || loaded.status === "pending"}
            disabled={loaded.stale || loaded.record === undefined}
          >
            {labels[kind]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
