import { useState } from "react";
import { Alert, Anchor, Button, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useCreatePerson, type PersonCreate } from "../api/persons";
import { parsePesel } from "../api/pesel";
import { PeselField } from "../components/PeselField";

interface Candidate {
  person_id: string;
  match: string;
  score: number;
}

export const OVERRIDE_MIN = 10;

type Mode = "pesel" | "document";

interface Values {
  mode: Mode;
  pesel: string;
  document_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: "" | "F" | "M";
  city: string;
  phone: string;
  email: string;
  /** Why register anyway after a likely duplicate (409). */
  override_reason: string;
}

/** Register a person: PESEL checked as typed; a likely duplicate (409) lists candidates and can be overridden with a reason. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePerson();
  const [duplicate, setDuplicate] = useState<{ candidates: Candidate[]; overridable: boolean } | null>(null);
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
      city: "",
      phone: "",
      email: "",
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
    },
  });
  const { values } = form;

  const send = async (overrideReason: string | null) => {
    setFailure(null);
    const document = values.mode === "document";
    const body: PersonCreate = {
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      pesel: document ? null : values.pesel.trim(),
      document_number: document ? values.document_number.trim() : null,
      birth_date: document ? values.birth_date : null,
      sex: document && values.sex !== "" ? values.sex : null,
      city: values.city.trim() || null,
      phone: values.phone.trim() || null,
      email: values.email.trim() || null,
      override_reason: overrideReason,
    };
    try {
      const person = await create.mutateAsync(body);
      notify("green", t("persons.register.done", { name: `${person.first_name ?? ""} ${person.last_name ?? ""}` }));
      await navigate(`/osoby/${person.id}`);
    } catch (error) {
      if (isApiError(error) && error.code === "likely_duplicate") {
        setDuplicate({
          candidates: (error.problem.candidates as Candidate[] | undefined) ?? [],
          overridable: error.problem.overridable !== false,
        });
      } else setFailure(error);
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
      <Paper withBorder p="lg" maw={880}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
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
                <TextInput label={t("persons.field.document_number")} required {...form.getInputProps("document_number")} />
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
              <TextInput label={t("persons.field.first_name")} required {...form.getInputProps("first_name")} />
              <TextInput label={t("persons.field.last_name")} required {...form.getInputProps("last_name")} />
              <TextInput label={t("persons.field.city")} {...form.getInputProps("city")} />
              <TextInput label={t("persons.field.phone")} type="tel" {...form.getInputProps("phone")} />
              <TextInput label={t("persons.field.email")} type="email" {...form.getInputProps("email")} />
            </SimpleGrid>
            <div aria-live="polite">
              {duplicate ? (
                <Alert color="orange" variant="light" title={t("persons.duplicate.title")} role="alert">
                  <Stack gap="sm">
                    <Text size="sm">{duplicate.candidates.length ? t("persons.duplicate.visible") : t("persons.duplicate.hidden")}</Text>
                    {duplicate.candidates.length ? (
                      <List size="sm">
                        {duplicate.candidates.map((c) => (
                          <List.Item key={c.person_id}>
                            <Anchor component={Link} to={`/osoby/${c.person_id}`}>
                              {t("persons.duplicate.candidate", {
                                match: t(`persons.duplicate.match.${c.match}`, { defaultValue: c.match }),
                                score: Math.round(c.score),
                              })}
                            </Anchor>
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                    {duplicate.overridable ? (
                      <>
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
                      </>
                    ) : (
                      <Text size="sm">{t("persons.duplicate.not_overridable")}</Text>
                    )}
                  </Stack>
                </Alert>
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
