import { useState } from "react";
import { Button, Group, Modal, Select, Stack } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { describeError } from "@/lib/api/problem";
import { StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { ProgrammeSelect } from "@/lib/ui/ProgrammeSelect";
import { partnershipQueries, useUpdatePartnership, type Partnership, type PartnershipUpdate } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

/** The leader institution, the partnership's programme (from the catalogue) and its coordinator (a staff member of a party; here: of the user's institution). */
export function RolesModal({ partnership, etag, onClose }: { partnership: Partnership; etag: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const update = useUpdatePartnership(partnership.id);
  const staff = useQuery(partnershipQueries.staff());
  const [leader, setLeader] = useState<string | null>(partnership.leader_institution_id);
  const [coordinator, setCoordinator] = useState<string | null>(partnership.coordinator_subject);
  const [programme, setProgramme] = useState<string | null>(partnership.programme ?? null);
  const [stale, setStale] = useState(false);
  const names = useQueries({ queries: partnership.party_ids.map((id) => partnershipQueries.institution(id)) });
  const parties = partnership.party_ids.map((id, i) => ({ value: id, label: names[i]?.data?.name ?? id }));
  const people = new Map<string, string>();
  if (partnership.coordinator_subject)
    people.set(partnership.coordinator_subject, partnership.coordinator_name ?? partnership.coordinator_subject);
  if (me?.user) people.set(me.subject, me.user.full_name);
  for (const u of staff.data?.items ?? []) people.set(u.id, u.full_name);

  const save = () => {
    const body: PartnershipUpdate = {};
    if (leader && leader !== partnership.leader_institution_id) body.leader_institution_id = leader;
    if (coordinator && coordinator !== partnership.coordinator_subject) body.coordinator_subject = coordinator;
    if (programme !== (partnership.programme ?? null)) body.programme = programme;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { etag, body },
      {
        onSuccess: () => {
          notify("green", t("partnerships.overview.saved"));
          onClose();
        },
        onError: (error) => setStale(describeError(error, t).stale),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("partnerships.overview.change_roles")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack gap="md">
        <Select label={t("partnerships.roles.leader")} data={parties} value={leader} onChange={setLeader} allowDeselect={false} />
        <Select
          label={t("partnerships.roles.coordinator")}
          description={t("partnerships.roles.coordinator_help")}
          data={[...people].map(([value, label]) => ({ value, label }))}
          value={coordinator}
          onChange={setCoordinator}
          searchable
        />
        <ProgrammeSelect value={programme} onChange={setProgramme} />
        {stale ? <StaleRecordAlert onReload={onClose} /> : <ProblemAlert error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={stale}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
