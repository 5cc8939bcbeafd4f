import { useEffect, useRef, useState } from "react";
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Stepper, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { describeError } from "@/lib/api/problem";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { ProgrammeName } from "@/lib/ui/ProgrammeName";
import { ProgrammeSelect } from "@/lib/ui/ProgrammeSelect";
import { useCreateReferral, useInstitution, usePerson, type Priority } from "../api/referrals";
import { InstitutionName, ServiceTypeName } from "../components/Labels";
import { CapacityConfirm, capacityWarningText, isFull } from "../components/CapacityConfirm";
import {
  EMPTY_BASIS,
  effectiveBasis,
  LegalBasisFields,
  legalBasisBody,
  legalBasisError,
  requiresConsent,
  type LegalBasisValue,
} from "../components/LegalBasisFields";
import { OfferList, ServiceTypeSelect, type Area, type OfferChoice } from "../components/OfferPicker";
import { PersonPicker, type PickedPerson } from "../components/PersonPicker";

const STEPS = ["person", "service", "target", "needs", "review"] as const;

interface WizardValues {
  /** The person chosen in the first step (null: the one from ?person=, if any). */
  person: PickedPerson | null;
  service_type: string | null;
  area: Area;
  offer: OfferChoice | null;
  priority: Priority;
  needs: string;
  legal_basis: LegalBasisValue;
  /** A programme of the directory's catalogue (optional). */
  programme: string | null;
}

/** person → service type → target institution (offers, capacity) → needs and legal basis → review → send. */
export default function CreateReferralPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preset = usePerson(params.get("person"));
  // Opened from a plan action (/plany): the referral serves that action, its service type prefilled.
  const planAction = params.get("plan_action");
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The confirmation step before sending to an offer with no free places.
  const [confirmFull, setConfirmFull] = useState(false);
  const form = useForm<WizardValues>({
    mode: "controlled",
    initialValues: {
      person: null,
      service_type: params.get("service_type"),
      area: "powiat",
      offer: null,
      priority: "routine",
      needs: "",
      legal_basis: EMPTY_BASIS,
      programme: null,
    },
  });
  const { values } = form;
  const create = useCreateReferral();
  const target = useInstitution(values.offer?.institutionId);
  const consentRequired = requiresConsent(target.data?.type);
  const basis = effectiveBasis(values.legal_basis, consentRequired);
  // Opened from a person's page (?person=…): that person, until another is chosen.
  const person: PickedPerson | null =
    values.person ??
    (preset.data ? { id: preset.data.id, label: `${preset.data.first_name ?? ""} ${preset.data.last_name ?? ""}`.trim() } : null);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  // Each step starts with its heading focused (announced by screen readers).
  useEffect(() => {
    stepHeading.current?.focus();
  }, [step]);

  const check = (index: number): string | null => {
    switch (STEPS[index]) {
      case "person":
        return person ? null : t("referrals.wizard.person_required");
      case "service":
        return values.service_type ? null : t("referrals.wizard.service_required");
      case "target":
        return values.offer ? null : t("referrals.wizard.offer_required");
      case "needs":
        return values.needs.trim() ? legalBasisError(basis, consentRequired, t) : t("referrals.wizard.needs_required");
      default:
        return null;
    }
  };

  const next = () => {
    const problem = check(step);
    setError(problem);
    if (!problem) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const back = () => {
    setError(null);
    setConfirmFull(false);
    setStep((s) => Math.max(s - 1, 0));
  };

  const send = async (confirmed = false) => {
    const { service_type: serviceType, offer, priority, needs } = values;
    if (!person || !serviceType || !offer) return;
    if (isFull(offer) && !confirmed) {
      setConfirmFull(true);
      return;
    }
    try {
      const referral = await create.mutateAsync({
        person_id: person.id,
        service_type_code: serviceType,
        target_institution_id: offer.institutionId,
        target_offer_id: offer.offerId,
        priority,
        needs_description: needs.trim(),
        legal_basis: legalBasisBody(basis),
        programme: values.programme,
        ...(planAction ? { plan_action_id: planAction } : {}),
        send: true,
      });
      notify("green", t("referrals.wizard.sent", { number: referral.number }) + capacityWarningText(referral, t));
      await navigate(`/skierowania/${referral.id}`);
    } catch {
      // shown below
    }
  };

  const stepTitle = t(`referrals.wizard.step.${STEPS[step]}`);

  return (
    <>
      <PageHeader title={t("referrals.wizard.title")} description={t("referrals.wizard.description")} />
      <Stepper active={step} onStepClick={(i) => i < step && setStep(i)} size="sm" mb="lg" allowNextStepsSelect={false}>
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={t(`referrals.wizard.step.${s}`)} />
        ))}
      </Stepper>
      <Paper withBorder p="lg" maw={960} component="section" aria-labelledby="wizard-step">
        <Title order={2} size="h4" mb="md" id="wizard-step" ref={stepHeading} tabIndex={-1} className="page-title">
          {t("referrals.wizard.step_of", { n: step + 1, total: STEPS.length, title: stepTitle })}
        </Title>
        <Stack gap="md" mih={240}>
          {STEPS[step] === "person" ? <PersonPicker value={person} onChange={(picked) => form.setFieldValue("person", picked)} /> : null}
          {STEPS[step] === "service" ? (
            <ServiceTypeSelect
              value={values.service_type}
              // Another service type: the provisions that cover it are chosen again.
              onChange={(code) =>
                form.setValues({ service_type: code, offer: null, legal_basis: { ...values.legal_basis, code: null, citation: null } })
              }
            />
          ) : null}
          {STEPS[step] === "target" ? (
            <OfferList
              serviceType={values.service_type}
              teryt={me?.institution?.teryt}
              area={values.area}
              onAreaChange={(area) => form.setFieldValue("area", area)}
              value={values.offer?.offerId ?? null}
              onChange={(offer) => form.setFieldValue("offer", offer)}
              excludeInstitutionId={me?.institution?.id}
            />
          ) : null}
          {STEPS[step] === "needs" ? (
            <>
              <SegmentedControl
                aria-label={t("referrals.field.priority")}
                value={values.priority}
                onChange={(priority) => form.setFieldValue("priority", priority)}
                data={[
                  { value: "routine", label: t("referrals.priority.routine") },
                  { value: "urgent", label: t("referrals.priority.urgent") },
                ]}
                w={320}
              />
              <Textarea
                label={t("referrals.field.needs")}
                description={t("referrals.wizard.needs_help")}
                {...form.getInputProps("needs")}
                autosize
                minRows={4}
                required
              />
              <Text fw={600} size="sm">
                {t("referrals.field.legal_basis")}
              </Text>
              <LegalBasisFields
                personId={person?.id ?? null}
                institutionType={me?.institution?.type}
                serviceType={values.service_type}
                value={basis}
                onChange={(value) => form.setFieldValue("legal_basis", value)}
                consentRequired={consentRequired}
              />
              <ProgrammeSelect value={values.programme} onChange={(code) => form.setFieldValue("programme", code)} />
            </>
          ) : null}
          {STEPS[step] === "review" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
              <div>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.person")}
                </Text>
                <Text size="sm" component="dd" m={0}>
                  {person?.label}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.service_type")}
                </Text>
                <Text size="sm" component="dd" m={0}>
                  <ServiceTypeName code={values.service_type} />
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.target")}
                </Text>
                <Text size="sm" component="dd" m={0}>
                  <InstitutionName id={values.offer?.institutionId} />
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.priority")}
                </Text>
                <Text size="sm" component="dd" m={0}>
                  {t(`referrals.priority.${values.priority}`)}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.legal_basis")}
                </Text>
                <Text size="sm" component="dd" m={0}>
                  {basis.kind === "statutory"
                    ? `${t("referrals.legal_basis.statutory")}: ${basis.citation ?? ""}`
                    : t("referrals.legal_basis.consent")}
                </Text>
              </div>
              {values.programme ? (
                <div>
                  <Text size="xs" c="dimmed" component="dt">
                    {t("programmes.label")}
                  </Text>
                  <Text size="sm" component="dd" m={0}>
                    <ProgrammeName code={values.programme} />
                  </Text>
                </div>
              ) : null}
              <div style={{ gridColumn: "1 / -1" }}>
                <Text size="xs" c="dimmed" component="dt">
                  {t("referrals.field.needs")}
                </Text>
                <Text size="sm" component="dd" m={0} style={{ whiteSpace: "pre-wrap" }}>
                  {values.needs}
                </Text>
              </div>
            </SimpleGrid>
          ) : null}
          <div aria-live="assertive">
            {error ? (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            ) : null}
            {create.isError ? <ErrorAlert error={create.error} message={describeError(create.error, t).message} /> : null}
          </div>
          {confirmFull && values.offer && STEPS[step] === "review" ? (
            <CapacityConfirm
              offer={values.offer}
              loading={create.isPending}
              onConfirm={() => void send(true)}
              onBack={() => {
                setConfirmFull(false);
                setStep(STEPS.indexOf("target"));
              }}
            />
          ) : null}
        </Stack>
        <Group justify="space-between" mt="lg">
          <Button variant="default" onClick={back} disabled={step === 0}>
            {t("referrals.wizard.back")}
          </Button>
          {STEPS[step] === "review" ? (
            <Button onClick={() => void send()} loading={create.isPending} disabled={confirmFull}>
              {t("referrals.wizard.send")}
            </Button>
          ) : (
            <Button onClick={next}>{t("referrals.wizard.next")}</Button>
          )}
        </Group>
      </Paper>
    </>
  );
}
