import { useState } from "react";
import { Button, Fieldset, Group, Paper, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useCreatePerson, type PersonCreate } from "../api/persons";
import { parsePesel } from "../api/pesel";
import type { HiddenCandidate, MatchCandidate } from "../api/registration";
import { DuplicateAlert, type Duplicate } from "../components/DuplicateAlert";
import { PeselField } from "../components/PeselField";
import { PersonDetailsFields } from "../components/PersonDetailsFields";
import { detailsBody, detailsRules, EMPTY_DETAILS, type DetailsValues } from "../components/personForm";

export const OVERRIDE_MIN = 10;

type Mode = "pesel" | "document";

interface Values extends DetailsValues {
  mode: Mode;
  pesel: string;
  document_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: "" | "F" | "M";
  /** Why register anyway after a likely duplicate (409). */
  override_reason: string;
}

function duplicateOf(error: unknown): Duplicate | null {
  if (!isApiError(error) || error.code !== "likely_duplicate") return null;
  return {
    candidates: (error.problem.candidates as MatchCandidate[] | undefined) ?? [],
    hidden: (error.problem.hidden_candidates as HiddenCandidate[] | undefined) ?? [],
    overridable: error.problem.overridable !== false,
  };
}

function bodyOf(values: Values, overrideReason: string | null): PersonCreate {
  const document = values.mode === "document";
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    pesel: document ? null : values.pesel.trim(),
    document_number: document ? values.document_number.trim() : null,
    birth_date: document ? values.birth_date : null,
    sex: document && values.sex !== "" ? values.sex : null,
    ...detailsBody(values),
    override_reason: normalise(overrideReason),
  };
}

/**
 * Register a person: identity (PESEL checked as typed, or a document with birth date and sex),
 * citizenship, address with the gmina from TERYT, contact. A likely duplicate (409) lists the
 * candidates: those the institution sees open, the others can be asked for ("Poproś o dostęp");
 * registering anyway needs a reason.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePerson();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const missing = (value: string) => (value.trim() ? null : t("errors.field.missing"));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      mode: "pesel",
      pesel: params.get("pesel") ?? "",
      document_number: "",
      first_name: "",
      last_name: "",
      birth_date: "",
      sex: "",
      ...EMPTY_DETAILS,
      override_reason: "",
    },
    // A message stays until the next attempt to register.
    clearInputErrorOnChange: false,
    validate: {
      first_name: missing,
      last_name: missing,
      pesel: (value, values) => {
        if (values.mode !== "pesel") return null;
        const info = parsePesel(value);
        return info.valid ? null : t(`persons.pesel.${info.error}`);
      },
      document_number: (value, values) => (values.mode === "document" ? missing(value) : null),
      birth_date: (value, values) => (values.mode === "document" ? missing(value) : null),
      sex: (value, values) => (values.mode === "document" ? missing(value) : null),
      ...detailsRules(t),
    },
  });
  const { values } = form;

  const send = async (overrideReason: string | null) => {
    setFailure(null);
    try {
      const person = await create.mutateAsync(bodyOf(values, overrideReason));
      notify("green", t("persons.register.done", { name: `${person.first_name ?? ""} ${person.last_name ?? ""}` }));
      await navigate(`/osoby/${person.id}`);
    } catch (error) {
      const found = duplicateOf(error);
      if (found) setDuplicate(found);
      else if (!applyErrorToForm(error, form, t).shownOnFields) setFailure(error);
    }
  };

  const submit = form.onSubmit(
    () => {
      setDuplicate(null);
      void send(null);
    },
    () => setDuplicate(null),
  );
  const override = values.override_reason.trim();

  return (
    <>
      <PageHeader title={t("persons.register.title")} description={t("persons.register.description")} />
      <Paper withBorder p="lg" maw={960}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Fieldset legend={t("persons.form.identity")} variant="unstyled">
              <Stack gap="sm">
                <SegmentedControl
                  aria-label={t("persons.register.identity")}
                  value={values.mode}
                  onChange={(mode) => form.setFieldValue("mode", mode)}
                  data={[
                    { value: "pesel", label: t("persons.register.with_pesel") },
                    { value: "document", label: t("persons.register.with_document") },
                  ]}
                  w={420}
                />
                {values.mode === "pesel" ? (
                  <PeselField value={values.pesel} onChange={(pesel) => form.setFieldValue("pesel", pesel)} error={form.errors.pesel} />
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t("persons.field.document_number")}
                      description={t("persons.form.document_help")}
                      required
                      {...form.getInputProps("document_number")}
                    />
                    <TextInput type="date" label={t("persons.field.birth_date")} required {...form.getInputProps("birth_date")} />
                    <SegmentedControl
                      aria-label={t("persons.field.sex")}
                      value={values.sex}
                      onChange={(sex) => form.setFieldValue("sex", sex)}
                      data={[
                        { value: "F", label: t("persons.sex.F") },
                        { value: "M", label: t("persons.sex.M") },
                      ]}
                      mt={24}
                    />
                  </SimpleGrid>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t("persons.field.first_name")} required autoComplete="off" {...form.getInputProps("first_name")} />
                  <TextInput label={t("persons.field.last_name")} required autoComplete="off" {...form.getInputProps("last_name")} />
                </SimpleGrid>
              </Stack>
            </Fieldset>
            <PersonDetailsFields form={form} />
            <div aria-live="polite">
              {duplicate ? (
                <DuplicateAlert
                  duplicate={duplicate}
                  override={
                    <Stack gap="xs">
                      <Textarea
                        label={t("persons.duplicate.reason")}
                        description={t("persons.duplicate.reason_help", { min: OVERRIDE_MIN })}
                        required
                        autosize
                        minRows={2}
                        {...form.getInputProps("override_reason")}
                      />
                      <Group>
                        <Button
                          color="orange"
                          disabled={override.length < OVERRIDE_MIN}
                          loading={create.isPending}
                          onClick={() => void send(override)}
                        >
                          {t("persons.duplicate.override")}
                        </Button>
                      </Group>
                    </Stack>
                  }
                />
              ) : failure ? (
                <ErrorAlert error={failure} />
              ) : null}
            </div>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/osoby">
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending && !duplicate}>
                {t("persons.register.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
