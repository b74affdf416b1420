/** The PDF the backend sends (base64) as a blob: URL the preview frame and the download link use. */
import { useEffect, useState } from 'react';

export function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** A blob: URL for the PDF, revoked when the PDF changes or the view goes away. */
export function usePdfUrl(base64: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (base64 === null) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(pdfBlob(base64));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [base64]);
  return url;
}
