import { useRef, useState } from "react";
import { Button, Paper } from "@mantine/core";
import { notify } from "@/lib/ui/notify";
import { useTranslation } from "react-i18next";
import type { ApiClient, ApiClientWithSecret } from "@/lib/api/directory";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useApiClients, useRevokeApiClient, useRotateSecret } from "../api/apiClients";
import { useInstitutionRecords } from "../api/institutions";
import { ApiClientsTable } from "../components/ApiClientsTable";
import { CreateApiClientModal } from "../components/CreateApiClientModal";
import { SecretOnceModal } from "../components/SecretOnceModal";
import { useInstitutionContext } from "../components/useInstitutionContext";

export default function ApiClientsPage() {
  const { t } = useTranslation();
  const { institutionId, institution, isSystemAdmin, picker } = useInstitutionContext();
  const clients = useApiClients();
  const rotate = useRotateSecret();
  const revoke = useRevokeApiClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ client: ApiClientWithSecret; rotated: boolean } | null>(null);
  const [rotating, setRotating] = useState<ApiClient | null>(null);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const items = clients.data?.pages.flatMap((page) => page.items) ?? [];
  // Where focus goes back after the secret dialog (the button that started it all).
  const returnFocus = useRef<HTMLElement | null>(null);
  const remember = () => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  // System administrators see every institution's clients (the API has no filter): name them.
  const institutionIds = isSystemAdmin ? [...new Set(items.map((c) => c.institution_id).filter((id): id is string => !!id))] : [];
  const names = useInstitutionRecords(institutionIds);
  const institutionName = (id: string | null) => {
    if (!id) return "—";
    const index = institutionIds.indexOf(id);
    return names[index]?.data?.name ?? "…";
  };

  const doRotate = async () => {
    if (!rotating) return;
    try {
      const client = await rotate.mutateAsync(rotating.id);
      setRotating(null);
      setSecret({ client, rotated: true });
    } catch {
      // shown in the dialog
    }
  };

  const doRevoke = async () => {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      notify("green", t("admin.clients.revoked", { name: revoking.name }));
      setRevoking(null);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <PageHeader
        title={t("admin.clients.title")}
        description={t("admin.clients.description")}
        actions={
          <Button
            onClick={() => {
              remember();
              setCreating(true);
            }}
            disabled={!institution}
          >
            {t("admin.clients.create")}
          </Button>
        }
      />
      {picker}
      <Paper withBorder p={0}>
        <ApiClientsTable
          clients={items}
          loading={clients.isPending}
          error={clients.error}
          onRetry={() => void clients.refetch()}
          empty={
            <EmptyState
              title={t("admin.clients.empty")}
              description={t("admin.clients.empty_help")}
              action={
                <Button variant="light" onClick={() => setCreating(true)}>
                  {t("admin.clients.create")}
                </Button>
              }
            />
          }
          onRotate={(client) => {
            remember();
            setRotating(client);
          }}
          onRevoke={setRevoking}
          institutionName={isSystemAdmin ? institutionName : undefined}
        />
      </Paper>
      {!clients.isPending && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={clients.hasNextPage}
          isFetchingNextPage={clients.isFetchingNextPage}
          onLoadMore={() => void clients.fetchNextPage()}
        />
      ) : null}

      <CreateApiClientModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(client) => {
          setCreating(false);
          setSecret({ client, rotated: false });
        }}
        institutionId={institutionId}
        institutionName={institution?.name ?? ""}
      />
      <SecretOnceModal
        opened={secret !== null}
        title={t("admin.clients.secret_title")}
        subject={
          <>
            {t("admin.clients.secret_for")} <strong>{secret?.client.name}</strong>
          </>
        }
        fields={
          secret
            ? [
                { label: t("admin.clients.client_id"), value: secret.client.client_id, testId: "client-id" },
                { label: t("admin.clients.client_secret"), value: secret.client.client_secret, testId: "client-secret" },
              ]
            : []
        }
        note={secret?.rotated ? t("admin.clients.rotated_grace") : undefined}
        onClose={() => {
          setSecret(null);
          const target = returnFocus.current;
          window.setTimeout(() => (target?.isConnected ? target.focus() : document.querySelector<HTMLElement>(".page-title")?.focus()), 0);
        }}
      />
      <ConfirmDialog
        opened={rotating !== null}
        title={t("admin.clients.rotate_title")}
        message={t("admin.clients.rotate_confirm", { name: rotating?.name ?? "" })}
        confirmLabel={t("admin.clients.rotate")}
        loading={rotate.isPending}
        error={rotate.isError ? rotate.error : null}
        onConfirm={() => void doRotate()}
        onClose={() => {
          rotate.reset();
          setRotating(null);
        }}
      />
      <ConfirmDialog
        opened={revoking !== null}
        title={t("admin.clients.revoke_title")}
        message={t("admin.clients.revoke_confirm", { name: revoking?.name ?? "" })}
        confirmLabel={t("admin.clients.revoke")}
        danger
        loading={revoke.isPending}
        error={revoke.isError ? revoke.error : null}
        onConfirm={() => void doRevoke()}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
    </>
  );
}
