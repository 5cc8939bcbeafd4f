/**
 * Editing a versioned record (a resource with an ETag): read it, change it with If-Match, and when
 * someone else changed it in between (412 stale_etag) say so and offer to read it again.
 *
 * - useVersionedRecord: the record with its ETag, the 412 state and the reload; for dialogs that
 *   act on a record without a form (delete, pause, …).
 * - useVersionedEdit: the same with a @mantine/form form: the form holds the record's values (reset
 *   whenever another version arrives), the submit sends only the changed fields, and the API's
 *   field errors land next to the fields.
 */
import { useEffect, useEffectEvent, useState } from "react";
import { useForm, type UseFormInput, type UseFormReturnType } from "@mantine/form";
import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Versioned } from "@/lib/api/client";
import { describeError } from "@/lib/api/problem";
import { applyErrorToForm, changedFields, type Changes } from "./forms";

/** The query of one record with its ETag (a feature's `…Queries.detail(id)`). */
export type VersionedQueryOptions<R, K extends QueryKey = QueryKey> = UseQueryOptions<Versioned<R>, Error, Versioned<R>, K>;

export interface VersionedRecord<R> {
  /** The record as read (undefined while it loads, or when `enabled` is false). */
  record: R | undefined;
  /** The ETag of that version: the If-Match of a change. */
  etag: string | null;
  /** "pending" until the first read (also while disabled), "error" when it failed. */
  status: "pending" | "error" | "success";
  loadError: Error | null;
  /** Read it again after a failed first read. */
  retryLoad: () => void;
  /** Someone else changed the record since it was read (412): saving stays off until `reload`. */
  stale: boolean;
  /** Read the current version (clears `stale`). */
  reload: () => Promise<void>;
  reloading: boolean;
  /**
   * Run a change with the ETag read. A 412 sets `stale` (and resolves to `{ stale: true }`); other
   * errors are thrown to the caller.
   */
  send: <T>(change: (etag: string | null, record: R) => Promise<T>) => Promise<Sent<T>>;
  /** Forget the 412 (e.g. when the dialog closes). */
  clearStale: () => void;
}

export type Sent<T> = { stale: false; result: T } | { stale: true };

export function useVersionedRecord<R, K extends QueryKey>(query: VersionedQueryOptions<R, K>, enabled = true): VersionedRecord<R> {
  const { t } = useTranslation();
  const result = useQuery({ ...query, enabled: enabled && query.enabled !== false });
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const record = result.data?.data;
  const etag = result.data?.etag ?? null;
  const { refetch } = result;

  const reload = async () => {
    setReloading(true);
    try {
      await refetch();
      setStale(false);
    } finally {
      setReloading(false);
    }
  };

  const send = async <T>(change: (etag: string | null, record: R) => Promise<T>): Promise<Sent<T>> => {
    if (record === undefined) throw new Error("useVersionedRecord: send() before the record was read");
    try {
      return { stale: false, result: await change(etag, record) };
    } catch (error) {
      if (!describeError(error, t).stale) throw error;
      setStale(true);
      return { stale: true };
    }
  };

  return {
    record,
    etag,
    status: result.status,
    loadError: result.error,
    retryLoad: () => void refetch(),
    stale,
    reload,
    reloading,
    send,
    clearStale: () => setStale(false),
  };
}

export interface VersionedEditOptions<R, V extends object, B, S, K extends QueryKey> {
  /** The record's query (with its ETag). */
  query: VersionedQueryOptions<R, K>;
  /** False while there is nothing to edit (the dialog is closed). */
  enabled?: boolean;
  /** The form: validation rules and the values shown before the record arrives. */
  form: Omit<UseFormInput<V>, "initialValues"> & { initialValues: V };
  /** The form values of a version of the record. */
  toValues: (record: R) => V;
  /**
   * The change to send, made from `changes`: the fields whose value differs from the record's
   * (strings trimmed, an emptied field null; see changedFields). Without it, `changes` is sent as
   * it is. An empty object means nothing changed.
   */
  toBody?: (changes: Changes<V>, values: V, record: R) => B;
  /** Sends the change with If-Match: `etag`. */
  save: (body: B, etag: string | null, record: R) => Promise<S>;
  /** After a successful save (e.g. a notification, closing the dialog). */
  onSaved: (saved: S) => void;
  /** When the form was submitted without a change (nothing is sent; e.g. close the dialog). */
  onUnchanged?: () => void;
}

export interface VersionedEdit<R, V> extends Omit<VersionedRecord<R>, "send" | "clearStale"> {
  form: UseFormReturnType<V>;
  /** The form's onSubmit: validates, sends the changes, handles 412 and field errors. */
  submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  /** An error for an alert (one no field of the form took; never a 412, which is `stale`). */
  error: unknown;
  /** Forget errors and the 412 (when the dialog closes). */
  clear: () => void;
}

export function useVersionedEdit<R, V extends object, S, K extends QueryKey>(
  options: VersionedEditOptions<R, V, Changes<V>, S, K> & { toBody?: undefined },
): VersionedEdit<R, V>;
export function useVersionedEdit<R, V extends object, B extends object, S, K extends QueryKey>(
  options: VersionedEditOptions<R, V, B, S, K> & { toBody: (changes: Changes<V>, values: V, record: R) => B },
): VersionedEdit<R, V>;
export function useVersionedEdit<R, V extends object, B extends object, S, K extends QueryKey>(
  options: VersionedEditOptions<R, V, B, S, K>,
): VersionedEdit<R, V> {
  const { t } = useTranslation();
  const { send, clearStale, ...versioned } = useVersionedRecord(options.query, options.enabled);
  const form = useForm<V>({ mode: "controlled", ...options.form });
  const [error, setError] = useState<unknown>(null);
  const { record } = versioned;

  // Another version of the record (opened, or read again after a 412): the form starts from it.
  const showRecord = useEffectEvent((version: R) => {
    const values = options.toValues(version);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  });
  useEffect(() => {
    if (record !== undefined) showRecord(record);
  }, [record]);

  const submit = form.onSubmit(async (values) => {
    if (record === undefined) return;
    setError(null);
    const changes = changedFields(options.toValues(record), values);
    // Without toBody, B is Changes<V> (the first overload).
    const body = options.toBody ? options.toBody(changes, values, record) : (changes as B);
    if (Object.keys(body).length === 0) {
      options.onUnchanged?.();
      return;
    }
    try {
      const sent = await send((etag, version) => options.save(body, etag, version));
      if (!sent.stale) options.onSaved(sent.result);
    } catch (caught) {
      const described = applyErrorToForm(caught, form, t);
      if (!described.shownOnFields) setError(caught);
    }
  });

  return {
    ...versioned,
    reload: async () => {
      setError(null);
      await versioned.reload();
    },
    form,
    submit,
    saving: form.submitting,
    error,
    clear: () => {
      setError(null);
      clearStale();
      form.clearErrors();
    },
  };
}
