/**
 * Good practices of cooperation (the reporting service): the published catalogue, an
 * institution's own practices, the analysts' review queue, one practice with its history, the
 * workflow and the attachments.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authorizedFetch, unwrap, unwrapVersioned } from "@/lib/api/client";
import { downloadFile } from "@/lib/api/download";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { ApiError } from "@/lib/api/problem";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";

export type Practice = ReportingSchemas["PracticeRead"];
export type PracticeSummary = ReportingSchemas["PracticeSummary"];
export type PracticeWrite = ReportingSchemas["PracticeWrite"];
export type PracticeAction = ReportingSchemas["TransitionCreate"]["action"];
export type Attachment = ReportingSchemas["AttachmentRead"];

/** The file types a practice takes (checked by the service by content too). */
export const ATTACHMENT_ACCEPT = ".pdf,.odt,.docx,.txt,.jpg,.jpeg,.png";
export const MAX_ATTACHMENTS = 5;

export interface CatalogueSearch {
  q: string;
  problemArea: string;
  institutionType: string;
  territory: string;
}

export const practiceKeys = {
  all: ["practices"] as const,
  catalogue: (search: CatalogueSearch) => ["practices", "catalogue", search] as const,
  mine: () => ["practices", "mine"] as const,
  queue: () => ["practices", "queue"] as const,
  detail: (id: string) => ["practices", "detail", id] as const,
};

const none = (value: string) => (value ? value : undefined);

export function useCatalogue(search: CatalogueSearch) {
  return useInfiniteQuery({
    queryKey: practiceKeys.catalogue(search),
    queryFn: ({ pageParam }) =>
      unwrap(
        reporting.GET("/v1/practices", {
          params: {
            query: {
              q: none(search.q.trim()),
              problem_area: none(search.problemArea),
              institution_type: none(search.institutionType),
              territory: none(search.territory),
              cursor: cursor(pageParam),
            },
          },
        }),
      ),
    ...cursorPaging,
  });
}

export function useMyPractices() {
  return useInfiniteQuery({
    queryKey: practiceKeys.mine(),
    queryFn: ({ pageParam }) => unwrap(reporting.GET("/v1/practices/mine", { params: { query: { cursor: cursor(pageParam) } } })),
    ...cursorPaging,
  });
}

export function useReviewQueue() {
  return useInfiniteQuery({
    queryKey: practiceKeys.queue(),
    queryFn: ({ pageParam }) => unwrap(reporting.GET("/v1/practices/review-queue", { params: { query: { cursor: cursor(pageParam) } } })),
    ...cursorPaging,
  });
}

export function usePractice(id: string) {
  return useQuery({
    queryKey: practiceKeys.detail(id),
    queryFn: () => unwrapVersioned(reporting.GET("/v1/practices/{practice_id}", { params: { path: { practice_id: id } } })),
  });
}

export function useCreatePractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeWrite) => unwrap(reporting.POST("/v1/practices", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.all }),
  });
}

export function useUpdatePractice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: PracticeWrite }) =>
      unwrap(
        reporting.PUT("/v1/practices/{practice_id}", {
          params: { path: { practice_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.all }),
  });
}

export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment, etag }: { action: PracticeAction; comment?: string; etag: string | null }) =>
      unwrap(
        reporting.POST("/v1/practices/{practice_id}/transitions", {
          params: { path: { practice_id: id }, header: { "If-Match": etag ?? "*" } },
          body: comment ? { action, comment } : { action },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.all }),
  });
}

const base = (id: string) => `/api/reporting/v1/practices/${encodeURIComponent(id)}/attachments`;

export async function uploadAttachment(practiceId: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append("file", file, file.name);
  const response = await authorizedFetch(new Request(base(practiceId), { method: "POST", body, headers: { Accept: "application/json" } }));
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  return (await response.json()) as Attachment;
}

export function useUploadAttachment(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(practiceId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.detail(practiceId) }),
  });
}

export function useRemoveAttachment(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        reporting.DELETE("/v1/practices/{practice_id}/attachments/{attachment_id}", {
          params: { path: { practice_id: practiceId, attachment_id: attachmentId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.detail(practiceId) }),
  });
}

export function downloadAttachment(practiceId: string, attachment: Attachment): Promise<string> {
  return downloadFile(`${base(practiceId)}/${encodeURIComponent(attachment.id)}`, attachment.file_name);
}
