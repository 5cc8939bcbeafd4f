import type { ReactNode } from "react";
import { Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { parsePesel } from "../api/pesel";

/** PESEL with live validation: the checksum, and the birth date and sex it encodes, as you type. */
export function PeselField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  const info = parsePesel(value);
  const complete = value.trim().length >= 11;
  const live = value.trim() === "" ? null : info.valid ? null : complete || /\D/.test(value) ? t(`persons.pesel.${info.error}`) : null;
  return (
    <div>
      <TextInput
        label={t("persons.field.pesel")}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value.replace(/\s/g, ""))}
        inputMode="numeric"
        maxLength={11}
        autoComplete="off"
        error={error ?? live ?? undefined}
        description={t("persons.pesel.help")}
        data-autofocus
      />
      <Text size="sm" mt={4} aria-live="polite" c={info.valid ? "green.9" : "dimmed"} mih={20}>
        {info.valid && info.birthDate && info.sex
          ? t("persons.pesel.derived", { date: formatDate(info.birthDate), sex: t(`persons.sex.${info.sex}`) })
          : ""}
      </Text>
    </div>
  );
}
