import { useState } from "react";
import { Button, FileButton, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatBytes } from "@/lib/format";
import { notify } from "@/lib/ui/notify";
import { downloadDocument, MINUTES_ACCEPT, useUploadMinutes } from "../api/documents";
import type { Meeting } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

/** A meeting's minutes: their title, the file to download (parties) and, for an organiser, the
 * upload of the file (a later one replaces it as the minutes). */
export function MeetingMinutes({ partnershipId, meeting, organiser }: { partnershipId: string; meeting: Meeting; organiser: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadMinutes(partnershipId, meeting.id);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const minutes = meeting.minutes;
  const documentId = minutes?.document_id ?? null;

  const download = async () => {
    if (!documentId) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadDocument(partnershipId, documentId, minutes?.file_name ?? "protokol");
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t("partnerships.meetings.minutes")}:{" "}
          {minutes
            ? `${minutes.title}${minutes.file_name ? ` (${minutes.file_name}${minutes.size_bytes ? `, ${formatBytes(minutes.size_bytes)}` : ""})` : ""}`
            : t("partnerships.meetings.no_minutes")}
        </Text>
        {documentId ? (
          <Button size="compact-xs" variant="light" onClick={() => void download()} loading={downloading}>
            {t("partnerships.meetings.download_minutes")}
          </Button>
        ) : null}
        {organiser ? (
          <FileButton
            accept={MINUTES_ACCEPT}
            onChange={(file) => {
              if (file) upload.mutate(file, { onSuccess: () => notify("green", t("partnerships.meetings.minutes_uploaded")) });
            }}
          >
            {(props) => (
              <Button {...props} size="compact-xs" variant="default" loading={upload.isPending}>
                {documentId ? t("partnerships.meetings.replace_minutes") : t("partnerships.meetings.upload_minutes")}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {organiser ? (
        <Text size="xs" c="dimmed">
          {t("partnerships.meetings.minutes_formats")}
        </Text>
      ) : null}
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
    </div>
  );
}
