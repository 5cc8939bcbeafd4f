import { useEffect, useState } from "react";
import { Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { applyErrorToForm } from "@/lib/ui/forms";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import {
  useCreateSubscription,
  useDeleteSubscription,
  useSubscription,
  useUpdateSubscription,
  type Subscription,
  type SubscriptionCreate,
  type SubscriptionUpdate,
  type SubscriptionWithSecret,
} from "../api/webhooks";
import { EMPTY_WEBHOOK, eventTypesOf, WebhookFields, webhookValidation, webhookValues, type WebhookFormValues } from "./WebhookForm";

/**
 * An API error on the webhook form: field errors next to their fields; webhook_url_not_allowed
 * (not https, or not a public internet address) on the URL. Returns whether it was a 412, or the
 * error for the alert when no field took it.
 */
function showError(error: unknown, form: UseFormReturnType<WebhookFormValues>, t: TFunction): { stale: boolean; alert: unknown } {
  const described = applyErrorToForm(error, form, t);
  if (described.code === "webhook_url_not_allowed") {
    form.setFieldError("url", described.message);
    return { stale: false, alert: null };
  }
  if (described.stale) return { stale: true, alert: null };
  return { stale: false, alert: described.shownOnFields ? null : error };
}

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
      setFormError(showError(error, form, t).alert);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t("admin.webhooks.create_title")} size="xl" closeButtonProps={{ "aria-label": t("common.close") }}>
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
function changes(record: Subscription, values: WebhookFormValues): SubscriptionUpdate {
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
  const loaded = useSubscription(subscriptionId);
  const update = useUpdateSubscription();
  const [formError, setFormError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const form = useForm<WebhookFormValues>({ mode: "controlled", initialValues: EMPTY_WEBHOOK, validate: webhookValidation(t) });

  const data = loaded.data?.data;
  useEffect(() => {
    if (data) {
      form.setInitialValues(webhookValues(data));
      form.setValues(webhookValues(data));
      form.resetDirty(webhookValues(data));
    }
    // Reset the form only when another version of the record arrives (opened, or reloaded after 412).
  }, [data?.id, data?.version]);

  const close = () => {
    setFormError(null);
    setStale(false);
    update.reset();
    form.clearErrors();
    onClose();
  };

  const reload = async () => {
    await loaded.refetch();
    setStale(false);
    setFormError(null);
  };

  const submit = form.onSubmit(async (values) => {
    if (!data || !subscriptionId) return;
    setFormError(null);
    const body = changes(data, values);
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: subscriptionId, etag: loaded.data?.etag ?? null, body });
      notify("green", t("admin.webhooks.updated", { url: saved.url }));
      close();
    } catch (error) {
      const shown = showError(error, form, t);
      if (shown.stale) setStale(true);
      setFormError(shown.alert);
    }
  });

  return (
    <Modal opened={subscriptionId !== null} onClose={close} title={t("admin.webhooks.edit_title")} size="xl" closeButtonProps={{ "aria-label": t("common.close") }}>
      {loaded.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={56} />
          <Skeleton height={56} />
          <Skeleton height={160} />
        </Stack>
      ) : loaded.isError ? (
        <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <WebhookFields form={form} withActive />
            {stale ? <StaleRecordAlert onReload={() => void reload()} reloading={loaded.isFetching} /> : null}
            {formError ? <ErrorAlert error={formError} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={update.isPending} disabled={stale}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export type WebhookAction = "delete" | "pause" | "resume";

/**
 * Delete, pause or resume after a confirmation. The dialog reads the subscription (and its ETag)
 * when it opens and sends If-Match with it; a 412 offers to reload.
 */
export function WebhookActionDialog({ action, onClose }: { action: { kind: WebhookAction; subscription: Subscription } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useSubscription(action?.subscription.id ?? null);
  const update = useUpdateSubscription();
  const remove = useDeleteSubscription();
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const kind = action?.kind ?? "delete";
  const url = loaded.data?.data.url ?? action?.subscription.url ?? "";
  const pending = update.isPending || remove.isPending;

  const close = () => {
    setError(null);
    setStale(false);
    update.reset();
    remove.reset();
    onClose();
  };

  const reload = async () => {
    await loaded.refetch();
    setStale(false);
    setError(null);
  };

  const confirm = async () => {
    if (!action || !loaded.data) return;
    setError(null);
    const id = action.subscription.id;
    const etag = loaded.data.etag;
    try {
      if (kind === "delete") {
        await remove.mutateAsync({ id, etag });
        notify("green", t("admin.webhooks.deleted", { url }));
      } else {
        await update.mutateAsync({ id, etag, body: { active: kind === "resume" } });
        notify("green", t(kind === "pause" ? "admin.webhooks.paused" : "admin.webhooks.resumed", { url }));
      }
      close();
    } catch (caught) {
      if (describeError(caught, t).stale) setStale(true);
      else setError(caught);
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
        {loaded.isError ? <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} /> : null}
        {stale ? <StaleRecordAlert onReload={() => void reload()} reloading={loaded.isFetching} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button
            color={kind === "delete" ? "red" : undefined}
            onClick={() => void confirm()}
            loading={pending || loaded.isPending}
            disabled={stale || !loaded.data}
          >
            {labels[kind]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
