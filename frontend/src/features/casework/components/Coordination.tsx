/** The person's lead worker (set / reassign by a coordinator) and the case conferences. */
import { useState } from "react";
import {
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { hasAnyRole } from "@/lib/auth/roles";
import { formatDate, formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { caseworkQueries, useAreaInstitutions, useRecordConference, useSetLeadWorker, useStaff, type LeadWorker } from "../api/casework";
import { InstitutionName } from "./Labels";
import { today } from "./Diagnoses";

function LeadWorkerForm({ personId, current, onClose }: { personId: string; current: LeadWorker | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const set = useSetLeadWorker(personId);
  const reassign = !!current?.current;
  const form = useForm({
    initialValues: { user: null as string | null, reason: "" },
    validate: {
      user: (v: string | null) => (v ? null : t("casework.required")),
      reason: (v: string) => (reassign && v.trim().length < 3 ? t("casework.lead.reason_required") : null),
    },
  });
  const users = (staff.data?.items ?? []).filter((u) => u.roles.includes("caseworker") || u.roles.includes("coordinator"));
  const submit = form.onSubmit(async (values) => {
    const chosen = users.find((u) => u.id === values.user);
    if (!chosen) return;
    try {
      await set.mutateAsync({
        current,
        body: { user_sub: chosen.id, display_name: chosen.full_name, reason: values.reason.trim() || null },
      });
      notify("green", t("casework.lead.saved"));
      onClose();
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t("casework.lead.worker")}
          required
          searchable
          data={users.map((u) => ({ value: u.id, label: u.full_name }))}
          {...form.getInputProps("user")}
        />
        <Textarea label={t("casework.lead.reason")} required={reassign} autosize minRows={2} {...form.getInputProps("reason")} />
        {set.error ? <ErrorAlert error={set.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={set.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LeadWorkerSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const lead = useQuery(caseworkQueries.leadWorker(personId));
  const [open, setOpen] = useState(false);
  const coordinator = hasAnyRole(me?.roles, ["coordinator"]);
  const current = lead.data?.current;
  const earlier = lead.data?.history.filter((h) => h.ended_at) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lead-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="lead-title">
          {t("casework.lead.title")}
        </Title>
        {coordinator && lead.data ? (
          <Button size="xs" variant="default" onClick={() => setOpen(true)}>
            {current ? t("casework.lead.reassign") : t("casework.lead.set")}
          </Button>
        ) : null}
      </Group>
      {lead.isPending ? <Skeleton height={40} mt="sm" aria-label={t("common.loading")} /> : null}
      {lead.isError ? <ErrorAlert error={lead.error} onRetry={() => void lead.refetch()} /> : null}
      {lead.data ? (
        <Stack gap={4} mt="sm">
          {current ? (
            <Text size="sm">
              <strong>{current.display_name}</strong> — <InstitutionName id={current.institution_id} /> (
              {t("casework.lead.since", { at: formatDateTime(current.assigned_at) })})
            </Text>
          ) : (
            <Text size="sm">{t("casework.lead.none")}</Text>
          )}
          {earlier.length > 0 ? (
            <Text size="xs" c="dimmed" component="div">
              {t("casework.lead.history")}:
              <List size="xs">
                {earlier.map((h) => (
                  <List.Item key={h.assigned_at}>
                    {h.display_name} ({formatDate(h.assigned_at)} – {formatDate(h.ended_at)})
                  </List.Item>
                ))}
              </List>
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("casework.lead.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {open ? <LeadWorkerForm personId={personId} current={lead.data} onClose={() => setOpen(false)} /> : null}
      </Modal>
    </Paper>
  );
}

interface ConferenceValues {
  held_on: string;
  person_present: boolean;
  institutions: string[];
  staff: Record<string, string[]>;
  decisions: string;
}

function ConferenceForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const institutions = useAreaInstitutions(me?.institution?.powiat_code);
  const record = useRecordConference(personId);
  const form = useForm<ConferenceValues>({
    initialValues: {
      held_on: today(),
      person_present: false,
      institutions: me?.institution ? [me.institution.id] : [],
      staff: {},
      decisions: "",
    },
    validate: {
      held_on: (v) => (v ? null : t("casework.required")),
      institutions: (v) => (v.length ? null : t("casework.conference.institutions_required")),
    },
  });
  const names = new Map((institutions.data?.items ?? []).map((i) => [i.id, i.name]));
  if (me?.institution) names.set(me.institution.id, me.institution.name);
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        held_on: values.held_on,
        person_present: values.person_present,
        participants: values.institutions.map((id) => ({ institution_id: id, staff: values.staff[id] ?? [] })),
        decisions: values.decisions.trim() || null,
      });
      notify("green", t("casework.conference.saved"));
      onClose();
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput type="date" label={t("casework.conference.held_on")} required {...form.getInputProps("held_on")} />
        <MultiSelect
          label={t("casework.conference.institutions")}
          required
          searchable
          data={[...names].map(([value, label]) => ({ value, label }))}
          {...form.getInputProps("institutions")}
        />
        {form.values.institutions.map((id) => (
          <TagsInput
            key={id}
            label={t("casework.conference.staff_of", { institution: names.get(id) ?? "" })}
            description={t("casework.conference.staff_help")}
            value={form.values.staff[id] ?? []}
            onChange={(value) => form.setFieldValue(`staff.${id}`, value)}
          />
        ))}
        <Checkbox label={t("casework.conference.person_present")} {...form.getInputProps("person_present", { type: "checkbox" })} />
        <Textarea label={t("casework.conference.decisions")} autosize minRows={3} {...form.getInputProps("decisions")} />
        {record.error ? <ErrorAlert error={record.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ConferencesSection({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(caseworkQueries.conferences(personId));
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="conferences-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="conferences-title">
          {t("casework.conference.title")}
        </Title>
        {canWrite ? <Button onClick={() => setOpen(true)}>{t("casework.conference.new")}</Button> : null}
      </Group>
      {list.isPending ? <Skeleton height={80} aria-label={t("common.loading")} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t("casework.conference.empty")} /> : null}
      <Stack gap="sm">
        {list.data?.items.map((c) => (
          <Paper
            key={c.id}
            withBorder
            p="sm"
            component="article"
            aria-label={t("casework.conference.of_day", { date: formatDate(c.held_on) })}
          >
            <Text fw={600} size="sm">
              {t("casework.conference.of_day", { date: formatDate(c.held_on) })} ·{" "}
              {c.person_present ? t("casework.conference.present") : t("casework.conference.absent")}
            </Text>
            <List size="sm">
              {c.participants.map((p) => (
                <List.Item key={p.institution_id}>
                  <InstitutionName id={p.institution_id} />
                  {p.staff.length ? `: ${p.staff.join(", ")}` : ""}
                </List.Item>
              ))}
            </List>
            {c.decisions ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {t("casework.conference.decisions")}: {c.decisions}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {t("casework.conference.actions_created", { count: c.action_ids.length })}
            </Text>
          </Paper>
        ))}
      </Stack>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        size="lg"
        title={t("casework.conference.new")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {open ? <ConferenceForm personId={personId} onClose={() => setOpen(false)} /> : null}
      </Modal>
    </section>
  );
}
