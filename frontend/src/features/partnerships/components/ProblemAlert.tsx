import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { problemMessage } from "../lib/problems";

/** An API error with the partnerships' own problem codes in words. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <ErrorAlert error={error} onRetry={onRetry} message={problemMessage(error, t)} />;
}
