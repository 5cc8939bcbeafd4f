import { useRef, useState } from "react";
import { Button, FileButton, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { notify } from "@/lib/ui/notify";
import {
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENTS,
  downloadAttachment,
  useRemoveAttachment,
  useUploadAttachment,
  type Practice,
} from "../api/practices";

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** A practice's files: downloaded by whoever reads it, added and removed by its institution while editable. */
export function Attachments({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(practice.id);
  const remove = useRemoveAttachment(practice.id);
  const [error, setError] = useState<string | null>(null);
  const reset = useRef<() => void>(null);
  const editable = practice.allowed_actions.includes("attach");
  const onFile = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      await upload.mutateAsync(file);
      notify("green", t("practices.attachments.added", { name: file.name }));
    } catch (caught) {
      setError(describeError(caught, t).message);
    } finally {
      reset.current?.();
    }
  };
  return (
    <Stack gap="xs">
      {practice.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("practices.attachments.none")}
        </Text>
      ) : (
        <List spacing={4} aria-label={t("practices.attachments.title")}>
          {practice.attachments.map((a) => (
            <List.Item key={a.id}>
              <Group gap="xs">
                <Button variant="subtle" size="compact-sm" onClick={() => void downloadAttachment(practice.id, a)}>
                  {t("practices.attachments.download", { name: a.file_name })}
                </Button>
                <Text size="xs" c="dimmed">
                  {size(a.size_bytes)}
                </Text>
                {editable ? (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-xs"
                    loading={remove.isPending}
                    onClick={() => void remove.mutateAsync(a.id)}
                    aria-label={t("practices.attachments.remove", { name: a.file_name })}
                  >
                    {t("practices.attachments.remove_short")}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && practice.attachments.length < MAX_ATTACHMENTS ? (
        <Group>
          <FileButton resetRef={reset} onChange={(file) => void onFile(file)} accept={ATTACHMENT_ACCEPT}>
            {(props) => (
              <Button variant="light" loading={upload.isPending} {...props}>
                {t("practices.attachments.add")}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t("practices.attachments.help", { max: MAX_ATTACHMENTS })}
          </Text>
        </Group>
      ) : null}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
