/**
 * Exercise pictures as <img> sources. The CSP allows img-src 'self' data: blob:, so a pose
 * drawing becomes a data:image/svg+xml URL (an SVG shown through <img> runs no script and
 * loads nothing) and an uploaded picture a data: URL of its stored bytes, fetched once from the
 * backend and kept until the app locks (forgetPictures). Never innerHTML.
 */
import { useEffect, useState } from 'react';
import type { Exercise } from '../../../shared/clinical/exercises/exercise';
import { illustrationSvg } from '../../../shared/clinical/exercises/lookup';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

const svgCache = new Map<string, string>();
const SVG_CACHE_LIMIT = 300;

/** The pose drawing of an exercise as a data: URL, or null for an uploaded picture. */
export function poseDataUrl(exercise: Pick<Exercise, 'id' | 'name' | 'illustration'>): string | null {
  if (exercise.illustration.kind !== 'pose') return null;
  // Keyed by content: a prescription's copy of an exercise may differ from the library's today.
  const key = `${exercise.id}\n${exercise.name}\n${JSON.stringify(exercise.illustration)}`;
  const cached = svgCache.get(key);
  if (cached) return cached;
  const svg = illustrationSvg(exercise);
  if (!svg) return null;
  const url = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svg))}`;
  if (svgCache.size >= SVG_CACHE_LIMIT) svgCache.clear();
  svgCache.set(key, url);
  return url;
}

type ImageState = { url: string } | { error: AppErrorShape } | null;

const imageCache = new Map<string, string>();
const pending = new Map<string, Promise<ImageState>>();
/** Bumped when the caches are emptied, so an answer on its way then is not cached after. */
let generation = 0;

/**
 * Empties the caches (at lock): a prescription's copy of an exercise may carry words written for
 * one patient, and an uploaded picture is the clinic's.
 */
export function forgetPictures(): void {
  generation++;
  svgCache.clear();
  imageCache.clear();
  pending.clear();
}

function loadImage(imageId: string): Promise<ImageState> {
  const cached = imageCache.get(imageId);
  if (cached) return Promise.resolve({ url: cached });
  let p = pending.get(imageId);
  if (!p) {
    const asked = generation;
    p = call('exercises.image', { imageId }).then((r) => {
      if (asked !== generation) return null;
      pending.delete(imageId);
      if (!r.ok) return { error: r.error };
      const url = `data:${r.value.mediaType};base64,${r.value.dataBase64}`;
      imageCache.set(imageId, url);
      return { url };
    });
    pending.set(imageId, p);
  }
  return p;
}

/** The <img> source of an exercise's picture: immediate for a drawing, loaded for an upload. */
export function usePictureUrl(exercise: Pick<Exercise, 'id' | 'name' | 'illustration'>): ImageState {
  const illustration = exercise.illustration;
  const imageId = illustration.kind === 'image' ? illustration.imageId : null;
  const [loaded, setLoaded] = useState<{ id: string; state: ImageState } | null>(null);
  useEffect(() => {
    if (!imageId) return;
    let live = true;
    void loadImage(imageId).then((state) => {
      if (live) setLoaded({ id: imageId, state });
    });
    return () => {
      live = false;
    };
  }, [imageId]);
  if (!imageId) {
    const url = poseDataUrl(exercise);
    return url ? { url } : null;
  }
  const cached = imageCache.get(imageId);
  if (cached) return { url: cached };
  return loaded?.id === imageId ? loaded.state : null;
}
