import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { notify } from "@/lib/ui/notify";
import type { ExportFormat } from "../api/reporting";

/** "Pobierz CSV" / "Pobierz XLSX": runs `download` and says how it went. */
export function DownloadButtons({
  download,
  disabled = false,
}: {
  download: (format: ExportFormat) => Promise<string>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setRunning(format);
    try {
      const name = await download(format);
      notify("green", t("reporting.explorer.downloaded", { name }));
    } catch (error) {
      notify("red", describeError(error, t).message);
    } finally {
      setRunning(null);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => void run("csv")} loading={running === "csv"} disabled={disabled}>
        {t("reporting.explorer.download_csv")}
      </Button>
      <Button variant="default" onClick={() => void run("xlsx")} loading={running === "xlsx"} disabled={disabled}>
        {t("reporting.explorer.download_xlsx")}
      </Button>
    </>
  );
}
