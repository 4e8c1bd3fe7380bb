import type { ApiError } from '../lib/chat-protocol';

/** An error as JSON in the playground's ApiError shape: plain words and advice, never a stack trace. */
export function apiError(status: number, error: ApiError['error'], headers?: HeadersInit) {
  return Response.json({ error } satisfies ApiError, { status, ...(headers ? { headers } : {}) });
}

/** A request refused before anything was generated: the status and error to answer with, and any headers. */
export interface Refusal {
  status: number;
  error: ApiError['error'];
  headers?: Record<string, string>;
}

/** The refusal as a JSON error response. */
export function refuse({ status, error, headers }: Refusal) {
  return apiError(status, error, headers);
}

/** A client error as JSON, naming the field at fault. */
export function jsonError(status: number, field: string, message: string) {
  return apiError(status, { code: 'validation', field, message });
}
