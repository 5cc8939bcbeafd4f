import { useState } from "react";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";

interface SignInFormProps {
  onSubmit: (email: string, password: string) => Promise<void>;
}

/** E-mail and password. Errors from the directory appear above the button, announced to screen readers. */
export function SignInForm({ onSubmit }: SignInFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (value.trim() === "" ? t("auth.email_required") : null),
      password: (value) => (value === "" ? t("auth.password_required") : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit(values.email.trim(), values.password);
    } catch (err) {
      const described = describeError(err, t);
      setError(described.message);
      if (described.code === "invalid_grant") {
        form.setFieldValue("password", "");
        form.getInputNode("password")?.focus();
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t("auth.form_label")}>
      <Stack gap="md">
        <TextInput label={t("auth.email")} type="email" autoComplete="username" required data-autofocus {...form.getInputProps("email")} />
        <PasswordInput
          label={t("auth.password")}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ "aria-label": t("auth.toggle_password") }}
          {...form.getInputProps("password")}
        />
        <div aria-live="assertive">
          {error ? (
            <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
              {error}
            </Alert>
          ) : null}
        </div>
        <Button type="submit" loading={form.submitting} fullWidth>
          {t("auth.submit")}
        </Button>
      </Stack>
    </form>
  );
}
