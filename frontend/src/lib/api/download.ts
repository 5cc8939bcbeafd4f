/** Files from the APIs (exports, templates) handed to the browser as downloads. */
import { authorizedFetch } from "./client";
import { ApiError } from "./problem";

/** The file name a response's Content-Disposition gives, or the fallback. */
export function filenameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Saves `blob` as `name` (an invisible link, clicked). */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Fetches `url` with the session's token and saves the answer; the file name; ApiError on a problem. */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const response = await authorizedFetch(new Request(url, { headers: { Accept: "*/*" } }));
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  const name = filenameFrom(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}
