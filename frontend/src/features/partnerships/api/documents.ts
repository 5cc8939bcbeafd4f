/**
 * A partnership's files: a meeting's minutes uploaded by an organiser (multipart) and downloaded
 * by the parties.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { authorizedFetch } from "@/lib/api/client";
import { downloadFile } from "@/lib/api/download";
import type { components } from "@/lib/api/generated/directory";
import { ApiError } from "@/lib/api/problem";
import { partnershipKeys } from "./partnerships";

export type PartnershipDocument = components["schemas"]["DocumentRead"];

/** The file types the directory keeps as minutes (checked there by content too). */
export const MINUTES_ACCEPT = ".pdf,.odt,.docx,.txt";

const base = (partnershipId: string) => `/api/directory/v1/partnerships/${encodeURIComponent(partnershipId)}`;

export async function uploadMinutes(partnershipId: string, meetingId: string, file: File): Promise<PartnershipDocument> {
  const body = new FormData();
  body.append("file", file, file.name);
  const request = new Request(`${base(partnershipId)}/meetings/${encodeURIComponent(meetingId)}/minutes`, {
    method: "POST",
    body,
    headers: { Accept: "application/json" },
  });
  const response = await authorizedFetch(request);
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  return (await response.json()) as PartnershipDocument;
}

export function useUploadMinutes(partnershipId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadMinutes(partnershipId, meetingId, file),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.meetings(partnershipId) });
    },
  });
}

/** Saves the document under the name it was uploaded with. */
export function downloadDocument(partnershipId: string, documentId: string, fallbackName: string): Promise<string> {
  return downloadFile(`${base(partnershipId)}/documents/${encodeURIComponent(documentId)}`, fallbackName);
}
