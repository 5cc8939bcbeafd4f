import { useEffect, useState } from "react";
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useInstitution, useForward, type Priority, type Referral } from "../api/referrals";
import { CONSENT_REQUIRED_TYPES, LegalBasisFields, legalBasisBody, legalBasisError, type LegalBasisValue } from "./LegalBasisFields";
import { OfferList, ServiceTypeSelect, type Area } from "./OfferPicker";

interface ForwardModalProps {
  referral: Referral;
  etag: string | null;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onForwarded: (childId: string) => void;
}

/** The receiver refers the person on: a child referral, sent at once (If-Match of the parent). */
export function ForwardModal({ referral, etag, opened, onClose, onReload, onForwarded }: ForwardModalProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const forward = useForward(referral.id);
  const [serviceType, setServiceType] = useState<string | null>(null);
  const [area, setArea] = useState<Area>("powiat");
  const [offer, setOffer] = useState<{ offerId: string; institutionId: string } | null>(null);
  const [priority, setPriority] = useState<Priority>("routine");
  const [needs, setNeeds] = useState("");
  const [basis, setBasis] = useState<LegalBasisValue>({ kind: "statutory", article: "", consentId: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const target = useInstitution(offer?.institutionId);
  const consentRequired = CONSENT_REQUIRED_TYPES.includes(target.data?.type ?? "");
  // As in the wizard: a target that requires consent switches the basis to consent (the statutory
  // option is disabled then, and must not stay selected).
  useEffect(() => {
    if (consentRequired && basis.kind !== "consent") setBasis((b) => ({ ...b, kind: "consent" }));
  }, [consentRequired]);

  const close = () => {
    setFailure(null);
    setErrors({});
    forward.reset();
    onClose();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!serviceType) next.service_type = t("errors.field.missing");
    if (!offer) next.offer = t("referrals.wizard.offer_required");
    const basisError = legalBasisError(basis, consentRequired, t);
    if (basisError) next.legal_basis = basisError;
    setErrors(next);
    if (Object.keys(next).length > 0 || !offer || !serviceType) return;
    setFailure(null);
    try {
      const child = await forward.mutateAsync({
        etag,
        body: {
          target_institution_id: offer.institutionId,
          target_offer_id: offer.offerId,
          service_type_code: serviceType,
          priority,
          needs_description: needs.trim() || null,
          legal_basis: legalBasisBody(basis),
        },
      });
      notify("green", t("referrals.forward.done", { number: child.number }));
      close();
      onForwarded(child.id);
    } catch (error) {
      setFailure(error);
    }
  };

  const stale = isApiError(failure) && failure.status === 412;

  return (
    <Modal opened={opened} onClose={close} title={t("referrals.action.forward")} size="xl" closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("referrals.forward.help", { number: referral.number })}
          </Text>
          <ServiceTypeSelect
            value={serviceType}
            onChange={(code) => {
              setServiceType(code);
              setOffer(null);
            }}
            error={errors.service_type}
          />
          <OfferList
            serviceType={serviceType}
            teryt={me?.institution?.teryt}
            area={area}
            onAreaChange={setArea}
            value={offer?.offerId ?? null}
            onChange={setOffer}
            excludeInstitutionId={me?.institution?.id}
            error={errors.offer}
          />
          <SegmentedControl
            aria-label={t("referrals.field.priority")}
            value={priority}
            onChange={(v) => setPriority(v as Priority)}
            data={[
              { value: "routine", label: t("referrals.priority.routine") },
              { value: "urgent", label: t("referrals.priority.urgent") },
            ]}
          />
          <Textarea label={t("referrals.field.needs")} value={needs} onChange={(e) => setNeeds(e.currentTarget.value)} autosize minRows={3} />
          <LegalBasisFields
            personId={referral.person_id}
            value={basis}
            onChange={setBasis}
            consentRequired={consentRequired}
            error={errors.legal_basis}
          />
          <div aria-live="polite">
            {stale ? (
              <StaleRecordAlert
                onReload={() => {
                  void onReload().then(close);
                }}
              />
            ) : failure ? (
              <ErrorAlert error={failure} />
            ) : null}
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={forward.isPending} disabled={stale}>
              {t("referrals.forward.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
