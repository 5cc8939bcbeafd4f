import { useMemo } from "react";
import { Fieldset, Select, SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { CITIZENSHIPS, type DetailsValues } from "./personForm";
import { GminaField } from "./GminaField";

function citizenshipOptions(current: string, language: string) {
  const names = new Intl.DisplayNames([language === "en" ? "en-GB" : "pl-PL"], { type: "region" });
  const codes = current && !CITIZENSHIPS.includes(current) ? [...CITIZENSHIPS, current] : CITIZENSHIPS;
  return codes.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}

/** Citizenship, address with the gmina from TERYT, and contact: shared by registration and editing. */
export function PersonDetailsFields<V extends DetailsValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const details = form.getValues() as DetailsValues;
  const language = currentLanguage();
  const citizenships = useMemo(() => citizenshipOptions(details.citizenship, language), [details.citizenship, language]);
  // Mantine's form paths are typed per form; these fields exist on every form that uses this component.
  const field = (name: keyof DetailsValues) => form.getInputProps(name as never);
  return (
    <>
      <Select
        label={t("persons.field.citizenship")}
        data={citizenships}
        searchable
        clearable
        w={320}
        nothingFoundMessage={t("common.nothing_found")}
        {...field("citizenship")}
        value={details.citizenship || null}
        onChange={(code) => form.setFieldValue("citizenship" as never, (code ?? "") as never)}
      />
      <Fieldset legend={t("persons.field.address")} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("persons.form.street")} autoComplete="street-address" {...field("street")} />
          <TextInput label={t("persons.form.postal_code")} placeholder="00-000" autoComplete="postal-code" {...field("postal_code")} />
          <TextInput label={t("persons.field.city")} autoComplete="address-level2" {...field("city")} />
        </SimpleGrid>
        <GminaField value={details.gmina} onChange={(code) => form.setFieldValue("gmina" as never, code)} error={form.errors.gmina} />
      </Fieldset>
      <Fieldset legend={t("persons.form.contact")} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("persons.field.phone")} type="tel" autoComplete="tel" {...field("phone")} />
          <TextInput label={t("persons.field.email")} type="email" autoComplete="email" {...field("email")} />
          <Select
            label={t("persons.form.preferred_contact")}
            data={(["phone", "email", "post", "in_person"] as const).map((c) => ({ value: c, label: t(`persons.form.channel.${c}`) }))}
            clearable
            {...field("preferred_contact")}
            value={details.preferred_contact || null}
            onChange={(c) => form.setFieldValue("preferred_contact" as never, (c ?? "") as never)}
          />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
