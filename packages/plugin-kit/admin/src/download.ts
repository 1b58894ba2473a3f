/**
 * Files staff download (the registries' exports): fetched through the admin's fetch client, which
 * carries the admin's token that a plain link could not, then handed to the browser as a download.
 * A refusal's JSON body is read out of the blob and thrown as the error's `problem`.
 */
import type { useFetchClient } from '@strapi/strapi/admin';
import { problemOfBody, type ErrorBody } from './problem';

type Get = ReturnType<typeof useFetchClient>['get'];

/** The file name the server gave in Content-Disposition, or a plain one. */
export function fileNameOf(headers: Headers | undefined, fallback: string): string {
  const disposition = headers?.get('Content-Disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

export async function fetchFile(get: Get, path: string, options: { headers?: Record<string, string>; params: string }, fallback: string) {
  const response = await get<Blob>(path, { ...options, responseType: 'blob', validateStatus: () => true });
  if ((response.status ?? 200) >= 400) {
    const body = (await response.data
      .text()
      .then((text) => JSON.parse(text))
      .catch(() => ({}))) as { error?: ErrorBody };
    throw Object.assign(new Error('download'), { problem: problemOfBody(body.error, '') });
  }
  return { blob: response.data, name: fileNameOf(response.headers, fallback) };
}

export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
