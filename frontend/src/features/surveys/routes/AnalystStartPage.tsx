import { Anchor, Button, Group, Menu, Table, Tabs, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { formatDate, formatDateTime } from "@/lib/format";
import { describeError } from "@/lib/api/problem";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { Loading } from "../components/Loading";
import { surveyQueries, useCreateQuestionnaire, type QuestionnaireWrite } from "../api/surveys";
import { QuestionnaireStatusBadge, ResponseRateBar, RoundStatusBadge } from "../components/badges";
import { useTerritoryName } from "../lib/territory";

/** /ankiety for analysts: the rounds (tab "Rundy") and the questionnaires (/ankiety/kwestionariusze). */
export default function AnalystStartPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = pathname.replace(/\/$/, "").endsWith("/kwestionariusze") ? "questionnaires" : "rounds";
  return (
    <>
      <PageHeader
        title={t("surveys.title")}
        description={t("surveys.analyst_description")}
        actions={
          <Button component={Link} to="/ankiety/rundy/nowa">
            {t("surveys.rounds.new")}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(value === "questionnaires" ? "/ankiety/kwestionariusze" : "/ankiety")}
        keepMounted={false}
      >
        <Tabs.List aria-label={t("surveys.title")} mb="md">
          <Tabs.Tab value="rounds">{t("surveys.tabs.rounds")}</Tabs.Tab>
          <Tabs.Tab value="questionnaires">{t("surveys.tabs.questionnaires")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rounds">
          <RoundsList />
        </Tabs.Panel>
        <Tabs.Panel value="questionnaires">
          <QuestionnairesList />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function RoundsList() {
  const { t } = useTranslation();
  const territoryName = useTerritoryName();
  const list = useInfiniteQuery(surveyQueries.rounds());
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const rounds = list.data.pages.flatMap((page) => page.items);
  if (rounds.length === 0) return <EmptyState title={t("surveys.rounds.empty")} description={t("surveys.rounds.empty_help")} />;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <caption className="visually-hidden">{t("surveys.tabs.rounds")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("surveys.rounds.title")}</Table.Th>
              <Table.Th>{t("surveys.rounds.territory")}</Table.Th>
              <Table.Th>{t("surveys.rounds.deadline")}</Table.Th>
              <Table.Th>{t("surveys.rounds.response_rate")}</Table.Th>
              <Table.Th>{t("surveys.rounds.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((round) => (
              <Table.Tr key={round.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/ankiety/rundy/${round.id}`}>
                    {round.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{territoryName(round.territory)}</Table.Td>
                <Table.Td>{formatDate(round.deadline)}</Table.Td>
                <Table.Td>
                  <ResponseRateBar rate={round.response_rate} submitted={round.submitted} invited={round.invited} />
                </Table.Td>
                <Table.Td>
                  <RoundStatusBadge status={round.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={rounds.length}
      />
    </>
  );
}

/** A new questionnaire's start: one section with one question, to be designed. */
export function blankQuestionnaire(t: (key: string) => string): QuestionnaireWrite {
  return {
    title: t("surveys.designer.blank_title"),
    description: null,
    sections: [
      {
        key: "s1",
        title: t("surveys.designer.blank_section"),
        description: null,
        questions: [{ key: "q1", text: t("surveys.designer.blank_question"), help: null, type: "text", required: false, options: [] }],
      },
    ],
  };
}

function QuestionnairesList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useInfiniteQuery(surveyQueries.questionnaires());
  const templates = useQuery(surveyQueries.templates());
  const create = useCreateQuestionnaire();
  const start = (body: Parameters<typeof create.mutate>[0]) =>
    create.mutate(body, {
      onSuccess: (created) => void navigate(`/ankiety/kwestionariusze/${created.id}`),
      onError: (error) => notify("red", describeError(error, t).message),
    });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Group mb="md" gap="sm">
        <Menu position="bottom-start">
          <Menu.Target>
            <Button loading={create.isPending}>{t("surveys.questionnaires.from_template")}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {templates.isError ? <Menu.Label>{describeError(templates.error, t).message}</Menu.Label> : null}
            {(templates.data?.items ?? []).map((template) => (
              <Menu.Item key={template.code} onClick={() => start({ template: template.code })}>
                <Text size="sm" fw={500}>
                  {template.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("surveys.questionnaires.template_questions", { count: template.questions })}
                </Text>
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button variant="default" onClick={() => start(blankQuestionnaire(t))} loading={create.isPending}>
          {t("surveys.questionnaires.blank")}
        </Button>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("surveys.questionnaires.empty")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <caption className="visually-hidden">{t("surveys.tabs.questionnaires")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("surveys.questionnaires.title")}</Table.Th>
                  <Table.Th>{t("surveys.questionnaires.version")}</Table.Th>
                  <Table.Th>{t("surveys.questionnaires.status")}</Table.Th>
                  <Table.Th>{t("surveys.questionnaires.rounds")}</Table.Th>
                  <Table.Th>{t("surveys.questionnaires.updated")}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ankiety/kwestionariusze/${item.id}`}>
                        {item.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.version_no}</Table.Td>
                    <Table.Td>
                      <QuestionnaireStatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>{item.rounds}</Table.Td>
                    <Table.Td>{formatDateTime(item.updated_at)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/ankiety/rundy/nowa?questionnaire=${item.id}`} size="sm">
                        {t("surveys.questionnaires.open_round", { title: item.title })}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            shown={items.length}
          />
        </>
      )}
    </>
  );
}
