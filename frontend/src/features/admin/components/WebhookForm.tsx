import { Checkbox, Code, Radio, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DESCRIPTION_MAX, EVENT_TYPES, eventKey, URL_MAX, URL_PATTERN, type EventType, type Subscription } from "../api/webhooks";

export interface WebhookFormValues {
  url: string;
  description: string;
  /** "all": an empty event_types list (every type, also future ones). */
  mode: "all" | "selected";
  event_types: EventType[];
  active: boolean;
}

export const EMPTY_WEBHOOK: WebhookFormValues = { url: "", description: "", mode: "all", event_types: [], active: true };

export function webhookValues(subscription: Subscription): WebhookFormValues {
  return {
    url: subscription.url,
    description: subscription.description ?? "",
    mode: subscription.event_types.length === 0 ? "all" : "selected",
    // Kept as they are, also types this client has no checkbox for (a newer server): saving
    // another field must not drop them.
    event_types: [...subscription.event_types] as EventType[],
    active: subscription.active,
  };
}

/** The event types to send: [] for "all", otherwise the ticked ones in the API's (sorted) order. */
export function eventTypesOf(values: WebhookFormValues): EventType[] {
  return values.mode === "all" ? [] : [...values.event_types].sort();
}

/** The same rules as the API's SubscriptionCreate/SubscriptionUpdate (https outside development is the server's). */
export function webhookValidation(t: TFunction) {
  return {
    url: (value: string) => {
      const url = value.trim();
      if (!url) return t("errors.field.missing");
      if (url.length > URL_MAX) return t("admin.webhooks.url_too_long");
      return URL_PATTERN.test(url) ? null : t("admin.webhooks.url_invalid");
    },
    description: (value: string) => (value.trim().length > DESCRIPTION_MAX ? t("admin.webhooks.description_too_long") : null),
    event_types: (value: EventType[], values: WebhookFormValues) =>
      values.mode === "selected" && value.length === 0 ? t("admin.webhooks.events_required") : null,
  };
}

/** URL, description, events (all or chosen ones) and, when editing, whether sending is on. */
export function WebhookFields({ form, withActive = false }: { form: UseFormReturnType<WebhookFormValues>; withActive?: boolean }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const insecure = values.url.trim().toLowerCase().startsWith("http://") && !form.errors.url;
  return (
    <Stack gap="md">
      <TextInput
        label={t("admin.webhooks.url")}
        description={
          insecure ? (
            <Text span size="xs" c="orange.9" fw={600}>
              {t("admin.webhooks.url_http_warning")}
            </Text>
          ) : (
            t("admin.webhooks.url_help")
          )
        }
        placeholder="https://"
        type="url"
        inputMode="url"
        required
        data-autofocus
        autoComplete="off"
        maxLength={URL_MAX}
        {...form.getInputProps("url")}
      />
      <Textarea
        label={t("admin.webhooks.description_field")}
        description={t("admin.webhooks.description_help")}
        autosize
        minRows={1}
        maxRows={3}
        maxLength={DESCRIPTION_MAX}
        {...form.getInputProps("description")}
      />
      <Radio.Group
        label={t("admin.webhooks.events_field")}
        description={t("admin.webhooks.events_field_help")}
        value={values.mode}
        onChange={(mode) => {
          form.setFieldValue("mode", mode);
          form.clearFieldError("event_types");
        }}
      >
        <Stack gap={6} mt="xs">
          <Radio value="all" label={t("admin.webhooks.events_all")} description={t("admin.webhooks.events_all_help")} />
          <Radio value="selected" label={t("admin.webhooks.events_selected")} description={t("admin.webhooks.events_selected_help")} />
        </Stack>
      </Radio.Group>
      {values.mode === "selected" ? (
        <Checkbox.Group
          label={t("admin.webhooks.events_selected")}
          labelProps={{ className: "visually-hidden" }}
          {...form.getInputProps("event_types")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" mt={4}>
            {EVENT_TYPES.map((type) => (
              <Checkbox
                key={type}
                value={type}
                label={t(eventKey(type))}
                description={
                  <>
                    {t(eventKey(type, "help"))} <Code>{type}</Code>
                  </>
                }
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      ) : null}
      {withActive ? (
        <Switch
          label={t("admin.webhooks.active_field")}
          description={t("admin.webhooks.active_help")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
      ) : null}
    </Stack>
  );
}
