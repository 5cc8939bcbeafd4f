import { useState } from "react";
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate, formatDateTime } from "@/lib/format";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { notify } from "@/lib/ui/notify";
import { ProgrammeName } from "@/lib/ui/ProgrammeName";
import { useAnswerInvitation, useInvite, type Partnership, type Party } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { InstitutionPicker } from "../components/InstitutionPicker";
import { ProblemAlert } from "../components/ProblemAlert";
import { hasSignatoryRole, isOrganiser, isSignatory, myInstitutionId } from "../lib/access";
import { ContactModal } from "./ContactModal";
import { RolesModal } from "./RolesModal";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="div">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </Stack>
  );
}

function Invitation({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const answer = useAnswerInvitation(partnership.id);
  const [declining, setDeclining] = useState(false);
  // The answer changes the partnership's view (an accepted invitation unmounts this alert), so the
  // confirmation is shown from the promise, not from a callback of this component.
  const send = async (accept: boolean) => {
    try {
      await answer.mutateAsync(accept);
      setDeclining(false);
      notify("green", accept ? t("partnerships.invitation.accepted") : t("partnerships.invitation.declined"));
    } catch {
      // shown by the alert below (answer.error)
    }
  };
  return (
    <Alert color="orange" variant="light" title={t("partnerships.invitation.title")}>
      <Stack gap="sm">
        <Text size="sm">{t("partnerships.invitation.text")}</Text>
        {hasSignatoryRole(me) ? (
          <Group>
            <Button onClick={() => void send(true)} loading={answer.isPending && answer.variables}>
              {t("partnerships.invitation.accept")}
            </Button>
            <Button variant="default" onClick={() => setDeclining(true)}>
              {t("partnerships.invitation.decline")}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t("partnerships.invitation.signatory_only")}
          </Text>
        )}
        {!declining ? <ProblemAlert error={answer.error} /> : null}
      </Stack>
      <ConfirmDialog
        opened={declining}
        title={t("partnerships.invitation.decline_title")}
        message={t("partnerships.invitation.decline_text")}
        confirmLabel={t("partnerships.invitation.decline")}
        danger
        loading={answer.isPending}
        error={answer.error}
        onConfirm={() => void send(false)}
        onClose={() => setDeclining(false)}
      />
    </Alert>
  );
}

function InviteForm({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const invite = useInvite(partnership.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const taken = partnership.parties.filter((p) => p.state !== "declined" && p.left_on === null).map((p) => p.institution_id);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <div style={{ flex: 1, minWidth: 280 }}>
          <InstitutionPicker
            label={t("partnerships.overview.invite_label")}
            value={chosen}
            onChange={setChosen}
            exclude={taken}
            maxValues={1}
          />
        </div>
        <Button
          disabled={chosen.length === 0}
          loading={invite.isPending}
          onClick={() =>
            invite.mutate(chosen[0], {
              onSuccess: () => {
                setChosen([]);
                notify("green", t("partnerships.overview.invited"));
              },
            })
          }
        >
          {t("partnerships.overview.invite")}
        </Button>
      </Group>
      <ProblemAlert error={invite.error} />
    </Stack>
  );
}

/** Overview: the initiative, the roles, the parties with their dates and contact persons. */
export function OverviewTab({ partnership, etag }: { partnership: Partnership; etag: string | null }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const mine = myInstitutionId(me);
  const [contactOf, setContactOf] = useState<Party | null>(null);
  const [rolesOpen, setRolesOpen] = useState(false);
  const organiser = isOrganiser(me, partnership);
  const signatory = isSignatory(me, partnership);
  const party = partnership.access === "party";

  const columns: Column<Party>[] = [
    {
      key: "institution",
      header: t("partnerships.overview.institution"),
      cell: (p) => (
        <Stack gap={2}>
          <Text size="sm">
            <InstitutionName id={p.institution_id} />
          </Text>
          <Group gap={4}>
            {p.institution_id === partnership.leader_institution_id ? (
              <Badge size="xs" variant="outline" tt="none">
                {t("partnerships.roles.leader")}
              </Badge>
            ) : null}
            {p.institution_id === partnership.proposed_by_institution_id ? (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                {t("partnerships.roles.proposer")}
              </Badge>
            ) : null}
          </Group>
        </Stack>
      ),
    },
    { key: "state", header: t("partnerships.overview.state"), cell: (p) => t(`partnerships.party_state.${p.state}`) },
    { key: "invited", header: t("partnerships.overview.invited_at"), cell: (p) => formatDateTime(p.invited_at) },
    { key: "joined", header: t("partnerships.overview.joined_on"), cell: (p) => formatDate(p.joined_on) },
    { key: "left", header: t("partnerships.overview.left_on"), cell: (p) => formatDate(p.left_on) },
    ...(party
      ? [
          {
            key: "contact",
            header: t("partnerships.roles.contact"),
            cell: (p: Party) =>
              p.contact_name || p.contact_email || p.contact_phone ? (
                <Stack gap={0}>
                  <Text size="sm">{p.contact_name ?? "—"}</Text>
                  <Text size="xs" c="dimmed">
                    {[p.contact_email, p.contact_phone].filter(Boolean).join(" · ")}
                  </Text>
                </Stack>
              ) : (
                "—"
              ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="lg">
      {partnership.access === "invited" ? <Invitation partnership={partnership} /> : null}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t("partnerships.overview.initiative")}
          </Title>
          {organiser ? (
            <Button size="xs" variant="default" onClick={() => setRolesOpen(true)}>
              {t("partnerships.overview.change_roles")}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t("partnerships.fields.purpose")}>{partnership.purpose}</Fact>
          <Fact label={t("partnerships.fields.area")}>{partnership.area_teryt.join(", ")}</Fact>
          <Fact label={t("partnerships.roles.proposer")}>
            <InstitutionName id={partnership.proposed_by_institution_id} />
          </Fact>
          <Fact label={t("partnerships.roles.leader")}>
            <InstitutionName id={partnership.leader_institution_id} />
          </Fact>
          {party ? (
            <Fact label={t("partnerships.roles.coordinator")}>
              {partnership.coordinator_name ?? t("partnerships.overview.no_coordinator")}
            </Fact>
          ) : null}
          {partnership.programme ? (
            <Fact label={t("programmes.label")}>
              <ProgrammeName code={partnership.programme} />
            </Fact>
          ) : null}
          <Fact label={t("partnerships.overview.created_at")}>{formatDateTime(partnership.created_at)}</Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("partnerships.overview.parties")}
        </Title>
        <DataTable
          caption={t("partnerships.overview.parties")}
          columns={columns}
          rows={partnership.parties}
          rowKey={(p) => p.institution_id}
          loading={false}
          actions={
            signatory
              ? (p) =>
                  p.institution_id === mine && p.state === "party" ? (
                    <Button size="xs" variant="default" onClick={() => setContactOf(p)}>
                      {t("partnerships.overview.edit_own")}
                    </Button>
                  ) : null
              : undefined
          }
        />
        {organiser ? (
          <div style={{ marginTop: 16 }}>
            <InviteForm partnership={partnership} />
          </div>
        ) : null}
      </Paper>
      {contactOf ? <ContactModal partnership={partnership} party={contactOf} onClose={() => setContactOf(null)} /> : null}
      {rolesOpen ? <RolesModal partnership={partnership} etag={etag} onClose={() => setRolesOpen(false)} /> : null}
    </Stack>
  );
}
