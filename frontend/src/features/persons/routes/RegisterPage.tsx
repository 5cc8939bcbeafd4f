import { useState } from "react";
import { Alert, Anchor, Button, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
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

/** Register a person: PESEL checked as typed; a likely duplicate (409) lists candidates and can be overridden with a reason. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePerson();
  const [mode, setMode] = useState<"pesel" | "document">("pesel");
  const [v, setV] = useState({ pesel: params.get("pesel") ?? "", document_number: "", first_name: "", last_name: "", birth_date: "", sex: "", city: "", phone: "", email: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicate, setDuplicate] = useState<{ candidates: Candidate[]; overridable: boolean } | null>(null);
  const [override, setOverride] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const set = (k: keyof typeof v, value: string) => setV((old) => ({ ...old, [k]: value }));

  const validate = () => {
    const e: Record<string, string> = {};
    const missing = t("errors.field.missing");
    if (!v.first_name.trim()) e.first_name = missing;
    if (!v.last_name.trim()) e.last_name = missing;
    if (mode === "pesel") {
      const info = parsePesel(v.pesel);
      if (!info.valid) e.pesel = t(`persons.pesel.${info.error}`);
    } else {
      if (!v.document_number.trim()) e.document_number = missing;
      if (!v.birth_date) e.birth_date = missing;
      if (!v.sex) e.sex = missing;
    }
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const send = async (overrideReason: string | null) => {
    setFailure(null);
    const body: PersonCreate = {
      first_name: v.first_name.trim(),
      last_name: v.last_name.trim(),
      pesel: mode === "pesel" ? v.pesel.trim() : null,
      document_number: mode === "document" ? v.document_number.trim() : null,
      birth_date: mode === "document" ? v.birth_date : null,
      sex: mode === "document" ? (v.sex as PersonCreate["sex"]) : null,
      city: v.city.trim() || null,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      override_reason: overrideReason,
    };
    try {
      const person = await create.mutateAsync(body);
      notify("green", t("persons.register.done", { name: `${person.first_name ?? ""} ${person.last_name ?? ""}` }));
      navigate(`/osoby/${person.id}`);
    } catch (error) {
      if (isApiError(error) && error.code === "likely_duplicate") {
        setDuplicate({
          candidates: (error.problem.candidates as Candidate[] | undefined) ?? [],
          overridable: error.problem.overridable !== false,
        });
      } else setFailure(error);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setDuplicate(null);
    if (validate()) void send(null);
  };

  return (
    <>
      <PageHeader title={t("persons.register.title")} description={t("persons.register.description")} />
      <Paper withBorder p="lg" maw={880}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SegmentedControl
              aria-label={t("persons.register.identity")}
              value={mode}
              onChange={(m) => setMode(m as "pesel" | "document")}
              data={[
                { value: "pesel", label: t("persons.register.with_pesel") },
                { value: "document", label: t("persons.register.with_document") },
              ]}
              w={420}
            />
            {mode === "pesel" ? (
              <PeselField value={v.pesel} onChange={(x) => set("pesel", x)} error={errors.pesel} />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t("persons.field.document_number")} required value={v.document_number} onChange={(e) => set("document_number", e.currentTarget.value)} error={errors.document_number} />
                <TextInput type="date" label={t("persons.field.birth_date")} required value={v.birth_date} onChange={(e) => set("birth_date", e.currentTarget.value)} error={errors.birth_date} />
                <SegmentedControl
                  aria-label={t("persons.field.sex")}
                  value={v.sex}
                  onChange={(x) => set("sex", x)}
                  data={[
                    { value: "F", label: t("persons.sex.F") },
                    { value: "M", label: t("persons.sex.M") },
                  ]}
                  mt={24}
                />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("persons.field.first_name")} required value={v.first_name} onChange={(e) => set("first_name", e.currentTarget.value)} error={errors.first_name} />
              <TextInput label={t("persons.field.last_name")} required value={v.last_name} onChange={(e) => set("last_name", e.currentTarget.value)} error={errors.last_name} />
              <TextInput label={t("persons.field.city")} value={v.city} onChange={(e) => set("city", e.currentTarget.value)} />
              <TextInput label={t("persons.field.phone")} value={v.phone} onChange={(e) => set("phone", e.currentTarget.value)} type="tel" />
              <TextInput label={t("persons.field.email")} value={v.email} onChange={(e) => set("email", e.currentTarget.value)} type="email" />
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
                              {t("persons.duplicate.candidate", { match: t(`persons.duplicate.match.${c.match}`, { defaultValue: c.match }), score: Math.round(c.score) })}
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
                          value={override}
                          onChange={(e) => setOverride(e.currentTarget.value)}
                          required
                          autosize
                          minRows={2}
                        />
                        <Group>
                          <Button color="orange" disabled={override.trim().length < OVERRIDE_MIN} loading={create.isPending} onClick={() => void send(override.trim())}>
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
