import { Button, Checkbox, FileInput, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const ACCEPT = ".csv,.json,text/csv,application/json";

/** Choose the file and whether to run it as a dry run first (the default). */
export function UploadForm({ busy, onSubmit }: { busy: boolean; onSubmit: (file: File, dryRun: boolean) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) onSubmit(file, dryRun);
      }}
    >
      <Stack gap="sm">
        <FileInput
          label={t("imports.upload.file")}
          description={t("imports.upload.file_help")}
          placeholder={t("imports.upload.choose")}
          accept={ACCEPT}
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ "aria-label": t("imports.upload.clear") }}
          required
        />
        <Checkbox
          label={t("imports.upload.dry_run")}
          description={t("imports.upload.dry_run_help")}
          checked={dryRun}
          onChange={(event) => setDryRun(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" disabled={!file} loading={busy}>
            {dryRun ? t("imports.upload.check") : t("imports.upload.run")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
