import { useState } from "react";
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { usePerson, usePersonSearch, type Person } from "../api/persons";
import { useChosenPerson, useMergePersons, type MergeField } from "../api/personCase";
import { MergeCompare, mergeFieldLabel } from "../components/MergeCompare";

const MIN_REASON = 10;
const fullName = (p: { first_name?: string | null; last_name?: string | null }) => `${p.first_name ?? ""} ${p.last_name ?? ""}`.trim();

/** Choose the other record among the persons the institution sees (not this one). */
function PickOther({ personId, onPick }: { personId: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const list = usePersonSearch(debounced);
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.id !== personId);
  return (
    <Stack gap="sm">
      <TextInput
        label={t("persons.merge.search")}
        description={t("persons.merge.search_help")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
      />
      <div aria-live="polite">
        {debounced.trim().length < 2 ? null : list.isPending ? (
          <div className="skeleton-block" style={{ height: 60 }} aria-busy="true" />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("persons.merge.no_results")}
          </Text>
        ) : (
          <List listStyleType="none" spacing="xs">
            {items.map((p) => (
              <List.Item key={p.id}>
                <Group gap="sm">
                  <Text size="sm">
                    {fullName(p)}
                    {p.birth_date ? `, ${formatDate(p.birth_date)}` : ""}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onPick(p.id)}
                    aria-label={t("persons.merge.pick_named", { name: fullName(p) })}
                  >
                    {t("persons.merge.pick")}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}

function MergeForm({ survivor, merged, onBack }: { survivor: Person; merged: Person; onBack: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergePersons();
  const [taken, setTaken] = useState<MergeField[]>([]);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ask = () => {
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t("persons.merge.reason_short"));
      return;
    }
    setReasonError(null);
    setConfirming(true);
  };
  const doMerge = async () => {
    try {
      const result = await merge.mutateAsync({
        survivor_id: survivor.id,
        merged_id: merged.id,
        reason: reason.trim(),
        take_from_merged: taken,
      });
      notify("green", t("persons.merge.done"));
      void navigate(`/osoby/${result.survivor.id}/scalenia/${result.merge.id}`);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t("persons.merge.compare")}
        </Title>
        <Button variant="default" size="xs" onClick={onBack}>
          {t("persons.merge.change")}
        </Button>
      </Group>
      <MergeCompare survivor={survivor} merged={merged} taken={taken} onChange={setTaken} />
      <Textarea
        label={t("persons.merge.reason")}
        description={t("persons.merge.reason_help")}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        error={reasonError}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button onClick={ask}>{t("persons.merge.submit")}</Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t("persons.merge.confirm_title")}
        message={t("persons.merge.confirm", {
          merged: fullName(merged),
          survivor: fullName(survivor),
          fields: taken.length ? taken.map((f) => mergeFieldLabel(f, t)).join(", ") : t("persons.merge.nothing_taken"),
        })}
        confirmLabel={t("persons.merge.submit")}
        danger
        loading={merge.isPending}
        error={merge.isError ? merge.error : null}
        onConfirm={() => void doMerge()}
        onClose={() => {
          merge.reset();
          setConfirming(false);
        }}
      />
    </Stack>
  );
}

/** Merge a duplicate into this record: choose it, compare side by side, choose per field, confirm. */
export default function MergePage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const { roles } = useAuth();
  const [otherId, setOtherId] = useState<string | null>(null);
  const survivor = usePerson(personId);
  const other = useChosenPerson(otherId);
  const back = (
    <Anchor component={Link} to={`/osoby/${personId}`}>
      {t("persons.actions.back")}
    </Anchor>
  );
  const header = <PageHeader title={t("persons.merge.title")} description={t("persons.merge.description")} actions={back} />;
  if (!roles.includes("coordinator"))
    return (
      <>
        {header}
        <Alert color="gray" variant="light" role="status">
          {t("forbidden.title")}
        </Alert>
      </>
    );
  let body: React.ReactNode;
  if (survivor.isPending) body = <div className="skeleton-block" style={{ height: 160 }} role="status" aria-label={t("common.loading")} />;
  else if (survivor.isError) body = <ErrorAlert error={survivor.error} onRetry={() => void survivor.refetch()} />;
  else if (!otherId) body = <PickOther personId={personId} onPick={setOtherId} />;
  else if (other.isPending)
    body = <div className="skeleton-block" style={{ height: 160 }} role="status" aria-label={t("common.loading")} />;
  else if (other.isError) body = <ErrorAlert error={other.error} onRetry={() => void other.refetch()} />;
  else body = <MergeForm survivor={survivor.data} merged={other.data} onBack={() => setOtherId(null)} />;
  return (
    <>
      {header}
      <Paper withBorder p="md">
        {body}
      </Paper>
    </>
  );
}
