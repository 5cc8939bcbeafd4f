import { Alert, Anchor, Fieldset, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { ClientsSchemas } from "@/lib/api/clients";
import type { Changes } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useVersionedEdit } from "@/lib/ui/useVersionedEdit";
import { VersionedEditForm } from "@/lib/ui/VersionedEditForm";
import { parsePesel } from "../api/pesel";
import { registrationQueries, updatePerson, useInvalidatePerson, type PersonUpdate } from "../api/registration";
import { PersonDetailsFields } from "../components/PersonDetailsFields";
import { detailsOf, detailsRules, type DetailsValues } from "../components/personForm";

type Person = ClientsSchemas["PersonRead"];

interface Values extends DetailsValues {
  pesel: string;
  document_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: "F" | "M";
}

function toValues(person: Person): Values {
  return {
    pesel: person.pesel ?? "",
    document_number: person.document_number ?? "",
    first_name: person.first_name ?? "",
    last_name: person.last_name ?? "",
    birth_date: person.birth_date ?? "",
    sex: person.sex,
    ...detailsOf(person),
  };
}

/** Only what changed; a half-chosen gmina is no gmina, and the PESEL decides birth date and sex. */
function toBody(changes: Changes<Values>, values: Values): PersonUpdate {
  const body: PersonUpdate = { ...changes } as PersonUpdate;
  if ("gmina" in changes) body.gmina = values.gmina.length === 7 ? values.gmina : null;
  if ("preferred_contact" in changes) body.preferred_contact = values.preferred_contact === "" ? null : values.preferred_contact;
  if (values.pesel.trim()) {
    delete body.birth_date;
    delete body.sex;
  }
  return body;
}

/** /osoby/:personId/edycja — change identity, address and contact data with If-Match (institutions that registered the person). */
export default function EditPage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const navigate = useNavigate();
  const invalidate = useInvalidatePerson();
  const missing = (value: string) => (value.trim() ? null : t("errors.field.missing"));
  const edit = useVersionedEdit({
    query: registrationQueries.versioned(personId),
    form: {
      initialValues: toValues({ sex: "F" } as Person),
      validate: {
        first_name: missing,
        last_name: missing,
        pesel: (value: string) => (value.trim() === "" || parsePesel(value).valid ? null : t(`persons.pesel.${parsePesel(value).error}`)),
        birth_date: (value: string, values: Values) => (values.pesel.trim() ? null : missing(value)),
        ...detailsRules(t),
      },
    },
    toValues,
    toBody,
    save: (body, etag) => updatePerson(personId, body, etag),
    onSaved: (person) => {
      void invalidate(personId);
      notify("green", t("persons.edit.saved", { name: `${person.first_name ?? ""} ${person.last_name ?? ""}` }));
      void navigate(`/osoby/${personId}`);
    },
    onUnchanged: () => void navigate(`/osoby/${personId}`),
  });
  const { form, record } = edit;
  const values = form.getValues();
  const name = record ? `${record.first_name ?? ""} ${record.last_name ?? ""}`.trim() : "";
  const fromPesel = values.pesel.trim() !== "";

  return (
    <>
      <PageHeader title={t("persons.edit.title")} description={name ? t("persons.edit.description", { name }) : undefined} />
      <Anchor component={Link} to={`/osoby/${personId}`} size="sm" mb="md" display="inline-block">
        {t("persons.actions.back")}
      </Anchor>
      <Paper withBorder p="lg" maw={960}>
        {record && record.access_basis !== "registration" ? (
          <Alert color="blue" variant="light" role="status">
            <Text size="sm">{t("persons.edit.not_registered")}</Text>
          </Alert>
        ) : (
          <VersionedEditForm edit={edit} onCancel={() => void navigate(`/osoby/${personId}`)} skeleton={[56, 56, 56, 120, 56]}>
            <Fieldset legend={t("persons.form.identity")} variant="unstyled">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t("persons.field.pesel")} inputMode="numeric" maxLength={11} {...form.getInputProps("pesel")} />
                  <TextInput
                    label={t("persons.field.document_number")}
                    description={t("persons.form.document_help")}
                    {...form.getInputProps("document_number")}
                  />
                  <TextInput label={t("persons.field.first_name")} required {...form.getInputProps("first_name")} />
                  <TextInput label={t("persons.field.last_name")} required {...form.getInputProps("last_name")} />
                  <TextInput
                    type="date"
                    label={t("persons.field.birth_date")}
                    description={fromPesel ? t("persons.edit.from_pesel") : undefined}
                    disabled={fromPesel}
                    {...form.getInputProps("birth_date")}
                  />
                  <SegmentedControl
                    aria-label={t("persons.field.sex")}
                    value={values.sex}
                    onChange={(sex) => form.setFieldValue("sex", sex)}
                    disabled={fromPesel}
                    data={[
                      { value: "F", label: t("persons.sex.F") },
                      { value: "M", label: t("persons.sex.M") },
                    ]}
                    mt={24}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
            <PersonDetailsFields form={form} />
          </VersionedEditForm>
        )}
      </Paper>
    </>
  );
}
