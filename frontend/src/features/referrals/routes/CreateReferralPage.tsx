import { useEffect, useRef, useState } from "react";
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Stepper, Text, Textarea, Title } from "@mantine/core";
import { useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { describeError } from "@/lib/api/problem";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useCreateReferral, useInstitution, usePerson, type Priority } from "../api/referrals";
import { InstitutionName, ServiceTypeName } from "../components/Labels";
import { CONSENT_REQUIRED_TYPES, LegalBasisFields, legalBasisBody, legalBasisError, type LegalBasisValue } from "../components/LegalBasisFields";
import { OfferList, ServiceTypeSelect, type Area } from "../components/OfferPicker";
import { PersonPicker, type PickedPerson } from "../components/PersonPicker";

const STEPS = ["person", "service", "target", "needs", "review"] as const;

/** person → service type → target institution (offers, capacity) → needs and legal basis → review → send. */
export default function CreateReferralPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const presetPerson = params.get("person");
  const preset = usePerson(presetPerson);
  const [step, setStep] = useState(0);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [serviceType, setServiceType] = useState<string | null>(null);
  const [area, setArea] = useState<Area>("powiat");
  const [offer, setOffer] = useState<{ offerId: string; institutionId: string } | null>(null);
  const [priority, setPriority] = useState<Priority>("routine");
  const [needs, setNeeds] = useState("");
  const [basis, setBasis] = useState<LegalBasisValue>({ kind: "statutory", article: "", consentId: null });
  const [error, setError] = useState<string | null>(null);
  const create = useCreateReferral();
  const target = useInstitution(offer?.institutionId);
  const consentRequired = CONSENT_REQUIRED_TYPES.includes(target.data?.type ?? "");
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preset.data && !person) setPerson({ id: preset.data.id, label: `${preset.data.first_name ?? ""} ${preset.data.last_name ?? ""}`.trim() });
  }, [preset.data?.id]);
  useEffect(() => {
    if (consentRequired && basis.kind !== "consent") setBasis((b) => ({ ...b, kind: "consent" }));
  }, [consentRequired]);
  useEffect(() => {
    stepHeading.current?.focus();
  }, [step]);

  const check = (index: number): string | null => {
    switch (STEPS[index]) {
      case "person":
        return person ? null : t("referrals.wizard.person_required");
      case "service":
        return serviceType ? null : t("referrals.wizard.service_required");
      case "target":
        return offer ? null : t("referrals.wizard.offer_required");
      case "needs":
        return needs.trim() ? legalBasisError(basis, consentRequired, t) : t("referrals.wizard.needs_required");
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
    setStep((s) => Math.max(s - 1, 0));
  };

  const send = async () => {
    if (!person || !serviceType || !offer) return;
    try {
      const referral = await create.mutateAsync({
        person_id: person.id,
        service_type_code: serviceType,
        target_institution_id: offer.institutionId,
        target_offer_id: offer.offerId,
        priority,
        needs_description: needs.trim(),
        legal_basis: legalBasisBody(basis),
        send: true,
      });
      notify("green", t("referrals.wizard.sent", { number: referral.number }));
      navigate(`/skierowania/${referral.id}`);
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
          {STEPS[step] === "person" ? <PersonPicker value={person} onChange={setPerson} /> : null}
          {STEPS[step] === "service" ? (
            <ServiceTypeSelect
              value={serviceType}
              onChange={(code) => {
                setServiceType(code);
                setOffer(null);
              }}
            />
          ) : null}
          {STEPS[step] === "target" ? (
            <OfferList
              serviceType={serviceType}
              teryt={me?.institution?.teryt}
              area={area}
              onAreaChange={setArea}
              value={offer?.offerId ?? null}
              onChange={setOffer}
              excludeInstitutionId={me?.institution?.id}
            />
          ) : null}
          {STEPS[step] === "needs" ? (
            <>
              <SegmentedControl
                aria-label={t("referrals.field.priority")}
                value={priority}
                onChange={(v) => setPriority(v as Priority)}
                data={[
                  { value: "routine", label: t("referrals.priority.routine") },
                  { value: "urgent", label: t("referrals.priority.urgent") },
                ]}
                w={320}
              />
              <Textarea
                label={t("referrals.field.needs")}
                description={t("referrals.wizard.needs_help")}
                value={needs}
                onChange={(e) => setNeeds(e.currentTarget.value)}
                autosize
                minRows={4}
                required
              />
              <Text fw={600} size="sm">
                {t("referrals.field.legal_basis")}
              </Text>
              <LegalBasisFields personId={person?.id ?? null} value={basis} onChange={setBasis} consentRequired={consentRequired} />
            </>
          ) : null}
          {STEPS[step] === "review" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
              <div>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.person")}</Text>
                <Text size="sm" component="dd" m={0}>{person?.label}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.service_type")}</Text>
                <Text size="sm" component="dd" m={0}><ServiceTypeName code={serviceType} /></Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.target")}</Text>
                <Text size="sm" component="dd" m={0}><InstitutionName id={offer?.institutionId} /></Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.priority")}</Text>
                <Text size="sm" component="dd" m={0}>{t(`referrals.priority.${priority}`)}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.legal_basis")}</Text>
                <Text size="sm" component="dd" m={0}>
                  {basis.kind === "statutory" ? `${t("referrals.legal_basis.statutory")}: ${basis.article}` : t("referrals.legal_basis.consent")}
                </Text>
              </div>
              <div style={{ gridColumn: "1 / -1" }}>
                <Text size="xs" c="dimmed" component="dt">{t("referrals.field.needs")}</Text>
                <Text size="sm" component="dd" m={0} style={{ whiteSpace: "pre-wrap" }}>{needs}</Text>
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
        </Stack>
        <Group justify="space-between" mt="lg">
          <Button variant="default" onClick={back} disabled={step === 0}>
            {t("referrals.wizard.back")}
          </Button>
          {STEPS[step] === "review" ? (
            <Button onClick={() => void send()} loading={create.isPending}>
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
