import { useState } from "react";
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { useMergeRecord, useUndoMerge } from "../api/personCase";
import { mergeFieldLabel } from "../components/MergeCompare";

const MIN_REASON = 10;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

/** One merge: what was taken, why, and undo while the window is open. */
export default function MergeDetailsPage() {
  const { t } = useTranslation();
  const { personId = "", mergeId = "" } = useParams();
  const merge = useMergeRecord(mergeId);
  const undo = useUndoMerge(mergeId);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const back = (
    <Anchor component={Link} to={`/osoby/${personId}`}>
      {t("persons.actions.back")}
    </Anchor>
  );
  if (merge.isPending) return <div className="skeleton-block" style={{ height: 200 }} role="status" aria-label={t("common.loading")} />;
  if (merge.isError)
    return (
      <>
        <PageHeader title={t("persons.merge.title")} actions={back} />
        <ErrorAlert error={merge.error} onRetry={() => void merge.refetch()} />
      </>
    );
  const m = merge.data;
  const doUndo = async () => {
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t("persons.merge.reason_short"));
      return;
    }
    try {
      await undo.mutateAsync(reason.trim());
      notify("green", t("persons.merge.undone_now"));
      setConfirming(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <PageHeader title={t("persons.merge.details", { at: formatDateTime(m.merged_at) })} actions={back} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
            <Item label={t("persons.merge.merge_reason")}>{m.reason}</Item>
            <Item label={t("persons.merge.taken")}>
              {m.taken_fields.length ? m.taken_fields.map((f) => mergeFieldLabel(f, t)).join(", ") : t("persons.merge.nothing_taken")}
            </Item>
            <Item label={t("persons.merge.survivor_link")}>
              <Anchor component={Link} to={`/osoby/${m.survivor_id}`} size="sm">
                {m.survivor_id}
              </Anchor>
            </Item>
            {m.undone_at ? (
              <Item label={t("persons.merge.merged_link")}>
                <Anchor component={Link} to={`/osoby/${m.merged_id}`} size="sm">
                  {m.merged_id}
                </Anchor>
              </Item>
            ) : null}
          </SimpleGrid>
          <div aria-live="polite">
            {m.undone_at ? (
              <Alert color="gray" variant="light">
                {t("persons.merge.undone", { at: formatDateTime(m.undone_at) })}
              </Alert>
            ) : m.undoable ? (
              <Group justify="space-between">
                <Text size="sm">{t("persons.merge.undo_until", { until: formatDateTime(m.undo_until) })}</Text>
                <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                  {t("persons.merge.undo")}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t("persons.merge.undo_closed")}
              </Text>
            )}
          </div>
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={confirming}
        title={t("persons.merge.undo_title")}
        message={
          <Stack gap="sm">
            <Text size="sm">{t("persons.merge.undo_confirm")}</Text>
            <Textarea
              label={t("persons.merge.undo_reason")}
              description={t("persons.merge.reason_help")}
              required
              autosize
              minRows={2}
              value={reason}
              error={reasonError}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </Stack>
        }
        confirmLabel={t("persons.merge.undo")}
        danger
        loading={undo.isPending}
        error={undo.isError ? undo.error : null}
        onConfirm={() => void doUndo()}
        onClose={() => {
          undo.reset();
          setConfirming(false);
        }}
      />
    </>
  );
}
