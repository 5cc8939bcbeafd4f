import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage, setLanguage, type Language } from "@/lib/i18n";

/** Polski / English. The option names are in their own language, as users look for them so. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  void i18n.language; // re-render on change
  return (
    <NativeSelect
      size="xs"
      aria-label={t("header.language")}
      value={currentLanguage()}
      onChange={(event) => void setLanguage(event.currentTarget.value as Language)}
      data={[
        { value: "pl", label: "Polski" },
        { value: "en", label: "English" },
      ]}
      w={96}
    />
  );
}
