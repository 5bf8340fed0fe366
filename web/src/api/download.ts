import type { FetchLike } from './client';
import { ApiError } from './errors';
import { RequestRefused, refusalOf } from './http';

/** A PDF is printed by the server's chromium: give it longer than a JSON answer. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * The file name of a `Content-Disposition: attachment` header: `filename*=UTF-8''…`
 * (RFC 6266) before `filename="…"`; `fallback` without either. Path separators never pass.
 */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name = '';
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = '';
    }
  }
  if (name === '') {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
    name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  }
  name = name.replace(/[/\\]/g, '_');
  return name === '' ? fallback : name;
}

/**
 * Fetches a file as the logged-in console (the session cookie goes by itself). A refusal
 * (e.g. 503 when the server cannot print a PDF) rejects with `RequestRefused` carrying the
 * server's `{code, message}`, no answer with an `ApiError`.
 */
export async function fetchFile(path: string, fallbackName: string, fetchImpl: FetchLike = (i, init) => globalThis.fetch(i, init)): Promise<DownloadedFile> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, DOWNLOAD_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetchImpl(path, { method: 'GET', credentials: 'same-origin', cache: 'no-store', signal: controller.signal });
    } catch (cause) {
      if (timedOut) throw new ApiError({ kind: 'timeout', path, detail: 'no response', timeoutMs: DOWNLOAD_TIMEOUT_MS });
      throw new ApiError({ kind: 'network', path, detail: cause instanceof Error ? cause.message : String(cause) });
    }
    if (!response.ok) throw new RequestRefused('GET', path, refusalOf(response, await response.text()));
    return { blob: await response.blob(), filename: attachmentName(response.headers.get('Content-Disposition'), fallbackName) };
  } finally {
    clearTimeout(timer);
  }
}

/** Hands a fetched file to the browser's downloads, as a link to it would. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
