import type { ReactNode } from "react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { I18nextProvider } from "react-i18next";
import i18n from "@/lib/i18n";
import { AuthProvider } from "@/lib/auth/AuthProvider";
import { cssVariablesResolver, theme } from "./theme";

interface ProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** Restore the session from the refresh cookie on start (off in tests that set it up). */
  restoreSession?: boolean;
}

export function Providers({ queryClient, children, restoreSession = true }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" limit={3} />
        <QueryClientProvider client={queryClient}>
          <AuthProvider restore={restoreSession}>{children}</AuthProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
