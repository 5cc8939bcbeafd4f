import { Button, Group, PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { generatePassword } from "@/lib/format";

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: React.ReactNode;
  description?: string;
}

/** A new password (min. 12 characters) with a generator; shown as text after generating, to pass on. */
export function NewPasswordField({ label, value, onChange, error, description }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <PasswordInput
        label={label}
        description={description ?? t("admin.password_help")}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        autoComplete="new-password"
        required
        style={{ flex: 1 }}
        visibilityToggleButtonProps={{ "aria-label": t("auth.toggle_password") }}
      />
      <Button variant="default" onClick={() => onChange(generatePassword())} mb={error ? 22 : 0}>
        {t("admin.generate_password")}
      </Button>
    </Group>
  );
}

export function validateNewPassword(value: string, t: (key: string) => string): string | null {
  if (value.length < 12) return t("admin.password_too_short");
  return null;
}
