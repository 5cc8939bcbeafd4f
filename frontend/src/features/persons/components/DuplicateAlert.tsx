import type { ReactNode } from "react";
import { Alert, Anchor, Group, List, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { HiddenCandidate, MatchCandidate } from "../api/registration";
import { RequestAccess } from "./RequestAccess";

export interface Duplicate {
  candidates: MatchCandidate[];
  hidden: HiddenCandidate[];
  overridable: boolean;
}

/** A 409 likely_duplicate: candidates the institution sees (open them), the others (ask for access), and registering anyway. */
export function DuplicateAlert({ duplicate, override }: { duplicate: Duplicate; override: ReactNode }) {
  const { t } = useTranslation();
  const matchLabel = (match: string) => t(`persons.duplicate.match.${match}`, { defaultValue: match });
  return (
    <Alert color="orange" variant="light" title={t("persons.duplicate.title")} role="alert">
      <Stack gap="sm">
        {duplicate.candidates.length ? (
          <>
            <Text size="sm">{t("persons.duplicate.visible")}</Text>
            <List size="sm">
              {duplicate.candidates.map((c) => (
                <List.Item key={c.person_id}>
                  <Anchor component={Link} to={`/osoby/${c.person_id}`}>
                    {t("persons.duplicate.candidate", { match: matchLabel(c.match), score: Math.round(c.score) })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        {duplicate.hidden.length ? (
          <>
            <Text size="sm">{t("persons.duplicate.hidden")}</Text>
            <Stack gap="xs">
              {duplicate.hidden.map((c) => (
                <Paper key={c.candidate_id} withBorder p="sm">
                  <Stack gap="xs">
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>
                        {t("persons.search.hint", { initials: c.initials, year: c.birth_year })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("persons.duplicate.matched_by", { match: matchLabel(c.match) })}
                      </Text>
                    </Group>
                    <RequestAccess candidate={c} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </>
        ) : null}
        {duplicate.overridable ? override : <Text size="sm">{t("persons.duplicate.not_overridable")}</Text>}
      </Stack>
    </Alert>
  );
}
