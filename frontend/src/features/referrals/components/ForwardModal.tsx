import { useState } from "react";
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useForward, useInstitution, type Priority, type Referral } from "../api/referrals";
import { CapacityConfirm, capacityWarningText, isFull } from "./CapacityConfirm";
import {
  EMPTY_BASIS,
  effectiveBasis,
  LegalBasisFields,
  legalBasisBody,
  legalBasisError,
  requiresConsent,
  type LegalBasisValue,
} from "./LegalBasisFields";
import { OfferList, ServiceTypeSelect, type Area, type OfferChoice } from "./OfferPicker";

interface ForwardModalProps {
  referral: Referral;
  etag: string | null;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onForwarded: (childId: string) => void;
}

interface ForwardValues {
  service_type: string | null;
  area: Area;
  offer: OfferChoice | null;
  priority: Priority;
  needs: string;
  legal_basis: LegalBasisValue;
}

/** The receiver refers the person on: a child referral, sent at once (If-Match of the parent). */
export function ForwardModal({ referral, etag, opened, onClose, onReload, onForwarded }: ForwardModalProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const forward = useForward(referral.id);
  const [failure, setFailure] = useState<unknown>(null);
  // The confirmation step before forwarding to an offer with no free places.
  const [confirmFull, setConfirmFull] = useState(false);
  const form = useForm<ForwardValues>({
    mode: "controlled",
    initialValues: {
      service_type: null,
      area: "powiat",
      offer: null,
      priority: "routine",
      needs: "",
      legal_basis: EMPTY_BASIS,
    },
    // A message stays until the next attempt to send.
    clearInputErrorOnChange: false,
    validate: {
      service_type: (value) => (value ? null : t("errors.field.missing")),
      offer: (value) => (value ? null : t("referrals.wizard.offer_required")),
      legal_basis: (value) => legalBasisError(effectiveBasis(value, consentRequired), consentRequired, t),
    },
  });
  const { values } = form;
  const target = useInstitution(values.offer?.institutionId);
  // As in the wizard: a target that requires consent takes the person's consent as the basis.
  const consentRequired = requiresConsent(target.data?.type);
  const basis = effectiveBasis(values.legal_basis, consentRequired);

  const close = () => {
    setFailure(null);
    setConfirmFull(false);
    form.clearErrors();
    forward.reset();
    onClose();
  };

  const submit = form.onSubmit(async ({ service_type: serviceType, offer, priority, needs }) => {
    if (!offer || !serviceType) return;
    if (isFull(offer) && !confirmFull) {
      setConfirmFull(true);
      return;
    }
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
      notify("green", t("referrals.forward.done", { number: child.number }) + capacityWarningText(child, t));
      close();
      onForwarded(child.id);
    } catch (error) {
      setFailure(error);
    }
  });

  const stale = isApiError(failure) && failure.status === 412;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("referrals.action.forward")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("referrals.forward.help", { number: referral.number })}
          </Text>
          <ServiceTypeSelect
            value={values.service_type}
            onChange={(code) =>
              form.setValues({ service_type: code, offer: null, legal_basis: { ...values.legal_basis, code: null, citation: null } })
            }
            error={form.errors.service_type}
          />
          <OfferList
            serviceType={values.service_type}
            teryt={me?.institution?.teryt}
            area={values.area}
            onAreaChange={(area) => form.setFieldValue("area", area)}
            value={values.offer?.offerId ?? null}
            onChange={(offer) => {
              setConfirmFull(false);
              form.setFieldValue("offer", offer);
            }}
            excludeInstitutionId={me?.institution?.id}
            error={form.errors.offer}
          />
          <SegmentedControl
            aria-label={t("referrals.field.priority")}
            value={values.priority}
            onChange={(priority) => form.setFieldValue("priority", priority)}
            data={[
              { value: "routine", label: t("referrals.priority.routine") },
              { value: "urgent", label: t("referrals.priority.urgent") },
            ]}
          />
          <Textarea label={t("referrals.field.needs")} autosize minRows={3} {...form.getInputProps("needs")} />
          <LegalBasisFields
            personId={referral.person_id}
            institutionType={me?.institution?.type}
            serviceType={values.service_type}
            value={basis}
            onChange={(value) => form.setFieldValue("legal_basis", value)}
            consentRequired={consentRequired}
            error={form.errors.legal_basis}
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
          {confirmFull && values.offer ? (
            <CapacityConfirm offer={values.offer} loading={forward.isPending} submit onBack={() => setConfirmFull(false)} />
          ) : (
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={forward.isPending} disabled={stale}>
                {t("referrals.forward.submit")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
