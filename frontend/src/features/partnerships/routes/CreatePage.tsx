import { useState } from "react";
import { Button, Group, Paper, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { EmptyState } from "@/lib/ui/EmptyState";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useCreatePartnership } from "../api/partnerships";
import { InstitutionPicker } from "../components/InstitutionPicker";
import { ProblemAlert } from "../components/ProblemAlert";
import { hasSignatoryRole, myInstitutionId } from "../lib/access";

const TERYT = /^\d{2}(\d{2}(\d{3})?)?$/;

interface Values {
  name: string;
  purpose: string;
  area_teryt: string[];
  invited_institution_ids: string[];
}

/** /partnerstwa/nowe: an initiative — why, the area (TERYT codes) and the institutions invited. */
export default function CreatePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const create = useCreatePartnership();
  const [error, setError] = useState<unknown>(null);
  const mine = myInstitutionId(me);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: "",
      purpose: "",
      area_teryt: me?.institution?.powiat_code ? [me.institution.powiat_code] : [],
      invited_institution_ids: [],
    },
    validate: {
      name: (v) => (v.trim() ? null : t("partnerships.create.required")),
      purpose: (v) => (v.trim() ? null : t("partnerships.create.required")),
      area_teryt: (v) =>
        v.length === 0
          ? t("partnerships.create.area_required")
          : v.every((c) => TERYT.test(c))
            ? null
            : t("partnerships.create.area_invalid"),
      invited_institution_ids: (v) => (v.length > 0 ? null : t("partnerships.create.invite_required")),
    },
  });

  if (!hasSignatoryRole(me) || mine === null) {
    return (
      <>
        <PageHeader title={t("partnerships.create.title")} />
        <EmptyState title={t("partnerships.create.not_allowed")} />
      </>
    );
  }

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        purpose: values.purpose.trim(),
        area_teryt: values.area_teryt,
        invited_institution_ids: values.invited_institution_ids,
      });
      notify("green", t("partnerships.create.done"));
      void navigate(`/partnerstwa/${created.id}/przeglad`);
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });

  return (
    <>
      <PageHeader title={t("partnerships.create.title")} description={t("partnerships.create.description")} />
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label={t("partnerships.fields.name")} required {...form.getInputProps("name")} />
            <Textarea
              label={t("partnerships.fields.purpose")}
              description={t("partnerships.create.purpose_help")}
              required
              autosize
              minRows={3}
              {...form.getInputProps("purpose")}
            />
            <TagsInput
              label={t("partnerships.fields.area")}
              description={t("partnerships.create.area_help")}
              required
              {...form.getInputProps("area_teryt")}
            />
            <InstitutionPicker
              label={t("partnerships.fields.invited")}
              required
              exclude={[mine]}
              value={form.values.invited_institution_ids}
              onChange={(ids) => form.setFieldValue("invited_institution_ids", ids)}
              error={form.errors.invited_institution_ids as string | undefined}
            />
            <ProblemAlert error={error} />
            <Group justify="flex-end">
              <Button component={Link} to="/partnerstwa" variant="default">
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("partnerships.create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
