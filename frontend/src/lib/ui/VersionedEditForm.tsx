import type { ReactNode } from "react";
import { Button, Group, Skeleton, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert, StaleRecordAlert } from "./ErrorAlert";
import type { VersionedEdit } from "./useVersionedEdit";

interface VersionedEditFormProps<R, V> {
  edit: VersionedEdit<R, V>;
  onCancel: () => void;
  /** Heights of the placeholder blocks while the record loads (roughly the form's shape). */
  skeleton?: readonly number[];
  /** The fields. */
  children: ReactNode;
}

/**
 * The body of an edit dialog (see useVersionedEdit): placeholders while the record loads, its
 * error with "Spróbuj ponownie", then the fields, the 412 notice with "Wczytaj aktualną wersję",
 * an error no field took, and Anuluj / Zapisz (off while the record is stale).
 */
export function VersionedEditForm<R, V>({ edit, onCancel, skeleton = [56, 56, 160], children }: VersionedEditFormProps<R, V>) {
  const { t } = useTranslation();
  if (edit.status === "pending") {
    return (
      <Stack gap="md" aria-busy="true">
        {skeleton.map((height, index) => (
          <Skeleton key={index} height={height} />
        ))}
      </Stack>
    );
  }
  if (edit.status === "error") return <ErrorAlert error={edit.loadError} onRetry={edit.retryLoad} />;
  return (
    <form onSubmit={edit.submit} noValidate>
      <Stack gap="md">
        {children}
        {edit.stale ? <StaleRecordAlert onReload={() => void edit.reload()} reloading={edit.reloading} /> : null}
        {edit.error ? <ErrorAlert error={edit.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={edit.saving} disabled={edit.stale}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
