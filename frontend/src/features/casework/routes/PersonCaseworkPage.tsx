import { Anchor, SimpleGrid, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { FRONT_LINE_ROLES, hasAnyRole } from "@/lib/auth/roles";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { usePerson } from "../api/casework";
import { ConferencesSection, LeadWorkerSection } from "../components/Coordination";
import { DiagnosesSection } from "../components/Diagnoses";
import { PlansSection } from "../components/Plans";

/** /plany/osoba/:personId — the person's casework: lead worker, diagnoses, plans, case conferences. */
export default function PersonCaseworkPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { personId = "" } = useParams();
  const person = usePerson(personId);
  const canWrite = hasAnyRole(me?.roles, FRONT_LINE_ROLES);
  const name = person.data ? `${person.data.first_name ?? ""} ${person.data.last_name ?? ""}`.trim() : "";
  const back = (
    <Anchor component={Link} to={`/osoby/${personId}`}>
      {t("casework.person.back")}
    </Anchor>
  );
  if (person.isError)
    return (
      <>
        <PageHeader title={t("casework.person.title_unknown")} actions={back} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  return (
    <>
      <PageHeader
        title={name ? t("casework.person.title", { name }) : t("casework.person.title_unknown")}
        description={t("casework.person.description")}
        actions={back}
      />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <LeadWorkerSection personId={personId} />
        </SimpleGrid>
        <PlansSection personId={personId} canWrite={canWrite} />
        <DiagnosesSection personId={personId} canWrite={canWrite} />
        <ConferencesSection personId={personId} canWrite={canWrite} />
      </Stack>
    </>
  );
}
