import { notifications } from "@mantine/notifications";
import i18n from "@/lib/i18n";

/** A short confirmation or error toast, announced politely; its close button is labelled. */
export function notify(color: "green" | "red", message: string): void {
  notifications.show({
    color,
    message,
    autoClose: color === "red" ? 8000 : 4000,
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
