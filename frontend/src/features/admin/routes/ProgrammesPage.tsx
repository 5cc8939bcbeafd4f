import { useState } from "react";
import { Badge, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { describeError } from "@/lib/api/problem";
import { useProgrammes, useUpdateProgramme, type Programme } from "@/lib/api/programmes";
import { ProgrammeModal } from "../components/ProgrammeModal";

/** /administracja/programy: the programme catalogue for system administrators (list, add, edit,
 * deactivate and activate again: a programme is never deleted, referrals keep its code). */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const update = useUpdateProgramme();
  const [editing, setEditing] = useState<Programme | null>(null);
  const [creating, setCreating] = useState(false);
  const toggle = async (programme: Programme) => {
    try {
      await update.mutateAsync({ code: programme.code, body: { active: !programme.active } });
      notify("green", t(programme.active ? "programmes.admin.deactivated" : "programmes.admin.activated", { name: programme.name }));
    } catch (error) {
      notify("red", describeError(error, t).message);
    }
  };
  const period = (p: Programme) => (p.starts_on || p.ends_on ? `${p.starts_on ?? "…"} – ${p.ends_on ?? "…"}` : "—");
  return (
    <>
      <PageHeader
        title={t("programmes.admin.title")}
        description={t("programmes.admin.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("programmes.admin.create")}</Button>}
      />
      <DataTable
        caption={t("programmes.admin.caption")}
        loading={programmes.isPending}
        error={programmes.error ?? undefined}
        onRetry={() => void programmes.refetch()}
        empty={<EmptyState title={t("programmes.admin.empty")} />}
        rows={programmes.data?.items ?? []}
        rowKey={(p) => p.code}
        columns={[
          { key: "code", header: t("programmes.admin.code"), cell: (p) => <code>{p.code}</code> },
          { key: "name", header: t("programmes.admin.name"), cell: (p) => p.name },
          { key: "kind", header: t("programmes.admin.kind"), cell: (p) => t(`programmes.kinds.${p.kind}`) },
          { key: "funder", header: t("programmes.admin.funder"), cell: (p) => p.funder ?? "—" },
          { key: "period", header: t("programmes.admin.period"), cell: period },
          {
            key: "active",
            header: t("programmes.admin.status"),
            cell: (p) => (
              <Badge color={p.active ? "green" : "gray"} variant="light">
                {p.active ? t("programmes.admin.active") : t("programmes.admin.inactive")}
              </Badge>
            ),
          },
        ]}
        actions={(p) => (
          <>
            <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={t("programmes.admin.edit_named", { name: p.name })}>
              {t("common.edit")}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color={p.active ? "red" : "green"}
              onClick={() => void toggle(p)}
              aria-label={t(p.active ? "programmes.admin.deactivate_named" : "programmes.admin.activate_named", { name: p.name })}
            >
              {p.active ? t("programmes.admin.deactivate") : t("programmes.admin.activate")}
            </Button>
          </>
        )}
      />
      <ProgrammeModal opened={creating} programme={null} onClose={() => setCreating(false)} />
      {editing ? <ProgrammeModal key={editing.code} opened programme={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
