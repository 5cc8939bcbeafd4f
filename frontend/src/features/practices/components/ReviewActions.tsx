import { useState } from "react";
import { Alert, Button, Group, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { notify } from "@/lib/ui/notify";
import { useTransition, type Practice, type PracticeAction } from "../api/practices";

const ORDER: PracticeAction[] = ["submit", "accept", "publish", "return", "reject", "unpublish"];
const NEEDS_COMMENT: PracticeAction[] = ["return", "reject"];

/** The workflow's steps the caller may take now, with a comment for returning or rejecting. */
export function ReviewActions({ practice, etag }: { practice: Practice; etag: string | null }) {
  const { t } = useTranslation();
  const transition = useTransition(practice.id);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const actions = ORDER.filter((a) => practice.allowed_actions.includes(a));
  if (actions.length === 0) return null;
  const reviewing = actions.some((a) => NEEDS_COMMENT.includes(a));
  const run = async (action: PracticeAction) => {
    setError(null);
    if (NEEDS_COMMENT.includes(action) && !comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await transition.mutateAsync({ action, comment: comment.trim() || undefined, etag });
      setComment("");
      notify("green", t(`practices.done.${action}`));
    } catch (caught) {
      setError(describeError(caught, t).message);
    }
  };
  return (
    <Stack gap="sm">
      {reviewing ? (
        <Textarea
          label={t("practices.review.comment")}
          description={t("practices.review.comment_help")}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={missing ? t("practices.review.comment_required") : undefined}
        />
      ) : null}
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            variant={NEEDS_COMMENT.includes(action) || action === "unpublish" ? "light" : "filled"}
            color={action === "reject" ? "red" : undefined}
            loading={transition.isPending && transition.variables?.action === action}
            onClick={() => void run(action)}
          >
            {t(`practices.action.${action}`)}
          </Button>
        ))}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
