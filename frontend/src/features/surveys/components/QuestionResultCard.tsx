import { Badge, Group, Paper, Progress, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CellValue, cellState, numeric } from "../lib/reporting";
import type { QuestionResult } from "../api/surveys";

interface QuestionResultCardProps {
  result: QuestionResult;
  onPublishable?: (answerId: string, publishable: boolean) => void;
}

/** One question's results: counts and shares (choice), distribution and mean (scale), mean and median (number), months (date), texts. */
export function QuestionResultCard({ result, onPublishable }: QuestionResultCardProps) {
  const { t } = useTranslation();
  const headingId = `result-${result.key}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {result.text}
          </Title>
          <Text component="div" size="sm" c="dimmed">
            {t(`surveys.question_type.${result.type}`)} · {t("surveys.results.answered")}:{" "}
            <CellValue cell={result.answered} measure="count" unit="institutions" />
          </Text>
        </div>
        <Body result={result} onPublishable={onPublishable} />
      </Stack>
    </Paper>
  );
}

function Body({ result, onPublishable }: QuestionResultCardProps) {
  const { t } = useTranslation();
  if (result.type === "single_choice" || result.type === "multiple_choice") {
    return (
      <Table>
        <caption className="visually-hidden">{result.text}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("surveys.results.answer")}</Table.Th>
            <Table.Th>{t("surveys.results.count")}</Table.Th>
            <Table.Th>{t("surveys.results.share")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(result.options ?? []).map((option) => {
            const share = numeric(option.share);
            return (
              <Table.Tr key={option.value}>
                <Table.Th scope="row" fw={400}>
                  {option.label}
                </Table.Th>
                <Table.Td>
                  <CellValue cell={option.count} measure="count" unit="institutions" />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {share !== null ? <Progress value={share * 100} w={120} aria-hidden="true" /> : null}
                    <CellValue cell={option.share} measure="answer_share" unit="institutions" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    );
  }
  if (result.type === "scale") {
    return (
      <>
        <Text component="div" size="sm">
          {t("surveys.results.mean")}: <CellValue cell={result.mean} measure="mean" kind="duration" unit="institutions" />
        </Text>
        <Table>
          <caption className="visually-hidden">{result.text}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("surveys.results.value")}</Table.Th>
              <Table.Th>{t("surveys.results.count")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(result.distribution ?? []).map((point) => (
              <Table.Tr key={point.value}>
                <Table.Th scope="row" fw={400}>
                  {point.value}
                </Table.Th>
                <Table.Td>
                  <CellValue cell={point.count} measure="count" unit="institutions" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </>
    );
  }
  if (result.type === "number") {
    return (
      <Group gap="xl">
        <Text component="div" size="sm">
          {t("surveys.results.mean")}: <CellValue cell={result.mean} measure="mean" kind="duration" unit="institutions" />
        </Text>
        <Text component="div" size="sm">
          {t("surveys.results.median")}: <CellValue cell={result.median} measure="median" kind="duration" unit="institutions" />
        </Text>
      </Group>
    );
  }
  if (result.type === "date") {
    return (
      <Table>
        <caption className="visually-hidden">{result.text}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("surveys.results.month")}</Table.Th>
            <Table.Th>{t("surveys.results.count")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(result.months ?? []).map((month) => (
            <Table.Tr key={month.month}>
              <Table.Th scope="row" fw={400}>
                {month.month}
              </Table.Th>
              <Table.Td>
                <CellValue cell={month.count} measure="count" unit="institutions" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (!result.texts) {
    return (
      <Text size="sm" c="dimmed">
        {t("surveys.results.texts_owner_only")}
      </Text>
    );
  }
  if (result.texts.length === 0) return <Text size="sm">{t("surveys.results.no_texts")}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {result.texts.map((text, index) => (
        <Paper key={text.answer_id} component="li" withBorder p="xs">
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {text.text}
          </Text>
          <Group justify="space-between" mt={4}>
            {text.publishable ? (
              <Badge variant="light" color="green" tt="none">
                {t("surveys.results.publishable")}
              </Badge>
            ) : (
              <span />
            )}
            {onPublishable ? (
              <Switch
                size="sm"
                label={t("surveys.results.publishable_toggle", { n: index + 1 })}
                checked={text.publishable}
                onChange={(e) => onPublishable(text.answer_id, e.currentTarget.checked)}
              />
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** True when a cell hides a small number. */
export function isHidden(cell: Parameters<typeof cellState>[0]): boolean {
  return cellState(cell) === "suppressed";
}
