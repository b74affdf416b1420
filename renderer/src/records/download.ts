/**
 * Browser preview: fetches a file the backend prepared (an export, or a backup from the data
 * folder) in chunks and hands it to the browser as a download. The desktop app saves files with
 * the system's "Save as" dialog instead.
 */
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Resolves with null once the browser has the file, or with the error that stopped it. */
export async function downloadFile(
  downloadId: string,
  fileName: string,
  mimeType: string,
  onProgress?: (done: number, total: number) => void,
): Promise<AppErrorShape | null> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const r = await call('downloads.read', { id: downloadId, offset });
    if (!r.ok) return r.error;
    const bytes = fromBase64(r.value.data);
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, r.value.total);
    if (r.value.done) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the data goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}
