import { Anchor, Group, Stack } from "@mantine/core";
import { Link, Navigate, Route, Routes, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/lib/ui/EmptyState";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { PageHeader } from "@/lib/ui/PageHeader";
import { SectionTabs } from "@/lib/ui/SectionTabs";
import { usePartnership } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge } from "../components/StatusBadge";
import { AgreementTab } from "../tabs/AgreementTab";
import { EvaluationsTab } from "../tabs/EvaluationsTab";
import { MeetingsTab } from "../tabs/MeetingsTab";
import { OverviewTab } from "../tabs/OverviewTab";
import { PlanTab } from "../tabs/PlanTab";
import { TargetsTab } from "../tabs/TargetsTab";
import { isApiError } from "../lib/problems";

const PARTY_TABS = ["plan", "cele", "spotkania", "ocena"] as const;

/** /partnerstwa/:id/…: the partnership's header and tabs (an invited institution sees the overview and the agreement). */
export default function PartnershipPage() {
  const { t } = useTranslation();
  const { partnershipId = "" } = useParams();
  const detail = usePartnership(partnershipId);
  const base = `/partnerstwa/${partnershipId}`;

  if (detail.isPending) return <PageSkeleton />;
  if (detail.isError) {
    const missing = isApiError(detail.error) && detail.error.problem.status === 404;
    return (
      <>
        <PageHeader title={t("partnerships.title")} />
        {missing ? (
          <EmptyState title={t("partnerships.page.not_found")} description={t("partnerships.page.not_found_help")} />
        ) : (
          <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
        <Anchor component={Link} to="/partnerstwa" size="sm">
          {t("partnerships.page.back")}
        </Anchor>
      </>
    );
  }
  const { data: partnership, etag } = detail.data;
  const party = partnership.access === "party";
  const sections = [
    { path: `${base}/przeglad`, label: t("partnerships.tabs.overview") },
    { path: `${base}/porozumienie`, label: t("partnerships.tabs.agreement") },
    ...(party
      ? [
          { path: `${base}/plan`, label: t("partnerships.tabs.plan") },
          { path: `${base}/cele`, label: t("partnerships.tabs.targets") },
          { path: `${base}/spotkania`, label: t("partnerships.tabs.meetings") },
          { path: `${base}/ocena`, label: t("partnerships.tabs.evaluations") },
        ]
      : []),
  ];
  return (
    <Stack gap={0}>
      <PageHeader
        title={partnership.name}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={partnership.status} />
            {partnership.access === "invited" ? t("partnerships.page.invited_note") : null}
          </Group>
        }
        actions={
          <Anchor component={Link} to="/partnerstwa" size="sm">
            {t("partnerships.page.back")}
          </Anchor>
        }
      />
      <SectionTabs sections={sections} label={t("partnerships.tabs.label")} />
      <Routes>
        <Route index element={<Navigate to="przeglad" replace />} />
        <Route path="przeglad" element={<OverviewTab partnership={partnership} etag={etag} />} />
        <Route path="porozumienie" element={<AgreementTab partnership={partnership} />} />
        {party ? (
          <>
            <Route path="plan" element={<PlanTab partnership={partnership} />} />
            <Route path="cele" element={<TargetsTab partnership={partnership} />} />
            <Route path="spotkania" element={<MeetingsTab partnership={partnership} />} />
            <Route path="ocena" element={<EvaluationsTab partnership={partnership} />} />
          </>
        ) : (
          PARTY_TABS.map((path) => <Route key={path} path={path} element={<Navigate to="../przeglad" replace />} />)
        )}
        <Route path="*" element={<Navigate to="przeglad" replace />} />
      </Routes>
    </Stack>
  );
}
