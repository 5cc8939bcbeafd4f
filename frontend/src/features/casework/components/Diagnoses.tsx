import { useState } from "react";
import {
  Badge,
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
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate, formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import {
  caseworkQueries,
  useAreaInstitutions,
  useChangeDiagnosis,
  useCreateDiagnosis,
  useProblemAreas,
  type Diagnosis,
} from "../api/casework";
import { AreaName, InstitutionName, useLabel } from "./Labels";

export const today = () => new Date().toISOString().slice(0, 10);

interface DiagnosisValues {
  diagnosed_on: string;
  joint: boolean;
  areas: string[];
  strengths: string;
  person_view: string;
  conclusion: string;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The chosen areas; one recorded before keeps its note and its raised sensitivity. */
function keepAreas(codes: string[], before: Diagnosis["areas"]) {
  return codes.map((code) => {
    const kept = before.find((a) => a.code === code);
    return { code, note: kept?.note ?? null, sensitive: kept?.sensitive ?? false };
  });
}

/** Create a diagnosis, or change the owner's part of a draft (If-Match with the version read). */
function DiagnosisForm({ personId, diagnosis, onClose }: { personId: string; diagnosis: Diagnosis | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const areas = useProblemAreas();
  const label = useLabel();
  const create = useCreateDiagnosis(personId);
  const change = useChangeDiagnosis(personId);
  const mine = diagnosis?.areas.filter((a) => a.institution_id === me?.institution?.id) ?? [];
  const form = useForm<DiagnosisValues>({
    initialValues: {
      diagnosed_on: diagnosis?.diagnosed_on ?? today(),
      joint: diagnosis?.joint ?? false,
      areas: mine.map((a) => a.code),
      strengths: diagnosis?.strengths ?? "",
      person_view: diagnosis?.person_view ?? "",
      conclusion: diagnosis?.conclusion ?? "",
    },
    validate: { diagnosed_on: (v) => (v ? null : t("casework.required")) },
  });
  const pending = create.isPending || change.isPending;
  const error = create.error ?? change.error;
  const submit = form.onSubmit(async (values) => {
    const body = {
      diagnosed_on: values.diagnosed_on,
      // A note written before stays with its area.
      areas: keepAreas(values.areas, mine),
      strengths: orNull(values.strengths),
      person_view: orNull(values.person_view),
      conclusion: orNull(values.conclusion),
    };
    try {
      if (diagnosis) await change.mutateAsync({ diagnosis, change: { kind: "update", body } });
      else await create.mutateAsync({ ...body, joint: values.joint });
      notify("green", t("casework.diagnosis.saved"));
      onClose();
    } catch {
      // shown below
    }
  });
  const options = (areas.data?.items ?? []).map((a) => ({
    value: a.code,
    label: a.sensitive ? `${label(a, a.code)} (${t("casework.sensitive")})` : label(a, a.code),
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput type="date" label={t("casework.diagnosis.diagnosed_on")} required {...form.getInputProps("diagnosed_on")} />
        {diagnosis ? null : (
          <Checkbox
            label={t("casework.diagnosis.joint")}
            description={t("casework.diagnosis.joint_help")}
            {...form.getInputProps("joint", { type: "checkbox" })}
          />
        )}
        <MultiSelect label={t("casework.diagnosis.areas")} data={options} searchable {...form.getInputProps("areas")} />
        <Textarea label={t("casework.diagnosis.strengths")} autosize minRows={2} {...form.getInputProps("strengths")} />
        <Textarea label={t("casework.diagnosis.person_view")} autosize minRows={2} {...form.getInputProps("person_view")} />
        <Textarea label={t("casework.diagnosis.conclusion")} autosize minRows={2} {...form.getInputProps("conclusion")} />
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The owner invites another institution of the area to a joint diagnosis. */
function InviteForm({ personId, diagnosis, onClose }: { personId: string; diagnosis: Diagnosis; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const institutions = useAreaInstitutions(me?.institution?.powiat_code);
  const change = useChangeDiagnosis(personId);
  const [chosen, setChosen] = useState<string | null>(null);
  const taken = new Set([diagnosis.owner_institution_id, ...diagnosis.contributors.map((c) => c.institution_id)]);
  const data = (institutions.data?.items ?? []).filter((i) => !taken.has(i.id)).map((i) => ({ value: i.id, label: i.name }));
  const invite = async () => {
    if (!chosen) return;
    try {
      await change.mutateAsync({ diagnosis, change: { kind: "invite", institutionId: chosen } });
      notify("green", t("casework.diagnosis.invited"));
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Stack>
      <Select label={t("casework.diagnosis.invite_institution")} data={data} value={chosen} onChange={setChosen} searchable />
      {change.error ? <ErrorAlert error={change.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button onClick={() => void invite()} loading={change.isPending} disabled={!chosen}>
          {t("casework.diagnosis.invite")}
        </Button>
      </Group>
    </Stack>
  );
}

/** A contributor's section of a joint diagnosis and the areas it found (replaced as a whole, If-Match). */
function ContributionForm({ personId, diagnosis, onClose }: { personId: string; diagnosis: Diagnosis; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const areas = useProblemAreas();
  const label = useLabel();
  const change = useChangeDiagnosis(personId);
  const mine = diagnosis.areas.filter((a) => a.institution_id === me?.institution?.id);
  const section = diagnosis.contributors.find((c) => c.institution_id === me?.institution?.id)?.section ?? "";
  const form = useForm({ initialValues: { section, areas: mine.map((a) => a.code) } });
  const submit = form.onSubmit(async (values) => {
    try {
      await change.mutateAsync({
        diagnosis,
        change: {
          kind: "contribution",
          body: {
            section: orNull(values.section),
            areas: keepAreas(values.areas, mine),
          },
        },
      });
      notify("green", t("casework.diagnosis.saved"));
      onClose();
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <MultiSelect
          label={t("casework.diagnosis.areas")}
          data={(areas.data?.items ?? []).map((a) => ({ value: a.code, label: label(a, a.code) }))}
          searchable
          {...form.getInputProps("areas")}
        />
        <Textarea label={t("casework.diagnosis.section")} autosize minRows={3} {...form.getInputProps("section")} />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {value}
      </Text>
    </div>
  );
}

function DiagnosisCard({
  personId,
  diagnosis,
  onEdit,
  onInvite,
  onContribute,
}: {
  personId: string;
  diagnosis: Diagnosis;
  onEdit: () => void;
  onInvite: () => void;
  onContribute: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const sign = useChangeDiagnosis(personId);
  const [revealed, setRevealed] = useState(false);
  const mine = me?.institution?.id;
  const owner = diagnosis.owner_institution_id === mine;
  const draft = diagnosis.status === "draft";
  const contributor = diagnosis.contributors.find((c) => c.institution_id === mine);
  const canSign = draft && (owner || (contributor !== undefined && !contributor.signed_at));
  const sensitive = diagnosis.areas.filter((a) => a.sensitive);
  const shown = diagnosis.areas.filter((a) => !a.sensitive || revealed);
  const titleId = `diagnosis-${diagnosis.id}`;
  const signOff = async () => {
    try {
      await sign.mutateAsync({ diagnosis, change: { kind: "sign" } });
      notify("green", t("casework.diagnosis.signed_notice"));
    } catch {
      // shown below
    }
  };
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4" id={titleId}>
            {t("casework.diagnosis.of_day", { date: formatDate(diagnosis.diagnosed_on) })}
          </Title>
          <Text size="sm" c="dimmed">
            <InstitutionName id={diagnosis.owner_institution_id} />
          </Text>
        </Stack>
        <Group gap="xs">
          {diagnosis.joint ? <Badge variant="outline">{t("casework.diagnosis.joint_badge")}</Badge> : null}
          <Badge color={draft ? "gray" : "green"} variant="light">
            {t(`casework.diagnosis.status.${diagnosis.status}`)}
          </Badge>
        </Group>
      </Group>
      <Stack gap="sm" mt="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t("casework.diagnosis.areas")}
          </Text>
          {shown.length === 0 && sensitive.length === 0 ? <Text size="sm">{t("casework.diagnosis.no_areas")}</Text> : null}
          <List size="sm">
            {shown.map((area) => (
              <List.Item key={`${area.institution_id}-${area.code}`}>
                <AreaName code={area.code} />
                {area.sensitive ? (
                  <Badge ml="xs" size="sm" color="red" variant="light">
                    {t("casework.sensitive")}
                  </Badge>
                ) : null}
                {area.note ? <Text size="xs">{area.note}</Text> : null}
              </List.Item>
            ))}
          </List>
          {sensitive.length > 0 ? (
            <Button variant="subtle" size="compact-sm" onClick={() => setRevealed((r) => !r)} aria-expanded={revealed}>
              {revealed ? t("casework.hide_sensitive") : t("casework.show_sensitive", { count: sensitive.length })}
            </Button>
          ) : null}
          {diagnosis.hidden_sensitive_areas > 0 ? (
            <Text size="xs" c="dimmed">
              {t("casework.diagnosis.hidden_areas", { count: diagnosis.hidden_sensitive_areas })}
            </Text>
          ) : null}
        </div>
        <Field label={t("casework.diagnosis.strengths")} value={diagnosis.strengths} />
        <Field label={t("casework.diagnosis.person_view")} value={diagnosis.person_view} />
        <Field label={t("casework.diagnosis.conclusion")} value={diagnosis.conclusion} />
        {diagnosis.joint ? (
          <div>
            <Text size="xs" c="dimmed">
              {t("casework.diagnosis.contributors")}
            </Text>
            {diagnosis.contributors.length === 0 ? <Text size="sm">{t("casework.diagnosis.no_contributors")}</Text> : null}
            <List size="sm">
              {diagnosis.contributors.map((c) => (
                <List.Item key={c.institution_id}>
                  <InstitutionName id={c.institution_id} /> —{" "}
                  {c.signed_at
                    ? t("casework.diagnosis.signed_at", { at: formatDateTime(c.signed_at) })
                    : t("casework.diagnosis.not_signed")}
                  {c.section ? <Text size="xs">{c.section}</Text> : null}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {diagnosis.signed_at ? (
          <Text size="sm">{t("casework.diagnosis.signed_at", { at: formatDateTime(diagnosis.signed_at) })}</Text>
        ) : null}
        {sign.error ? <ErrorAlert error={sign.error} /> : null}
        <Group gap="xs">
          {owner && draft ? (
            <Button size="xs" variant="default" onClick={onEdit}>
              {t("casework.diagnosis.edit")}
            </Button>
          ) : null}
          {owner && draft && diagnosis.joint ? (
            <Button size="xs" variant="default" onClick={onInvite}>
              {t("casework.diagnosis.invite")}
            </Button>
          ) : null}
          {draft && contributor ? (
            <Button size="xs" variant="default" onClick={onContribute}>
              {t("casework.diagnosis.my_part")}
            </Button>
          ) : null}
          {canSign ? (
            <Button size="xs" onClick={() => void signOff()} loading={sign.isPending}>
              {t("casework.diagnosis.sign")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

type Dialog =
  | { kind: "new" }
  | { kind: "edit"; diagnosis: Diagnosis }
  | { kind: "invite"; diagnosis: Diagnosis }
  | { kind: "contribute"; diagnosis: Diagnosis }
  | null;

const DIALOG_TITLES: Record<NonNullable<Dialog>["kind"], string> = {
  new: "casework.diagnosis.new",
  edit: "casework.diagnosis.edit",
  invite: "casework.diagnosis.invite",
  contribute: "casework.diagnosis.my_part",
};

/** The timeline of the person's diagnoses (newest first) with creating, editing and signing. */
export function DiagnosesSection({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(caseworkQueries.diagnoses(personId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <section aria-labelledby="diagnoses-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="diagnoses-title">
          {t("casework.diagnosis.title")}
        </Title>
        {canWrite ? <Button onClick={() => setDialog({ kind: "new" })}>{t("casework.diagnosis.new")}</Button> : null}
      </Group>
      {list.isPending ? <Skeleton height={120} aria-label={t("common.loading")} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t("casework.diagnosis.empty")} /> : null}
      <Stack gap="sm">
        {list.data?.items.map((d) => (
          <DiagnosisCard
            key={d.id}
            personId={personId}
            diagnosis={d}
            onEdit={() => setDialog({ kind: "edit", diagnosis: d })}
            onInvite={() => setDialog({ kind: "invite", diagnosis: d })}
            onContribute={() => setDialog({ kind: "contribute", diagnosis: d })}
          />
        ))}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={close}
        size="lg"
        title={dialog ? t(DIALOG_TITLES[dialog.kind]) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {dialog?.kind === "contribute" ? <ContributionForm personId={personId} diagnosis={dialog.diagnosis} onClose={close} /> : null}
        {dialog?.kind === "invite" ? <InviteForm personId={personId} diagnosis={dialog.diagnosis} onClose={close} /> : null}
        {dialog?.kind === "new" || dialog?.kind === "edit" ? (
          <DiagnosisForm personId={personId} diagnosis={dialog.kind === "edit" ? dialog.diagnosis : null} onClose={close} />
        ) : null}
      </Modal>
    </section>
  );
}
