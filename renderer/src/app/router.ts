/**
 * A small hash router: the app's places are #/patients, #/patients/new, #/patients/12,
 * #/patients/12/edit, #/patients/12/episodes/3 (with /check-in: the new check-in form open) and
 * #/settings. Hash routes work the same under app:// and in the preview.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: number }
  | { name: 'patient-edit'; id: number }
  | { name: 'episode'; patientId: number; episodeId: number; checkIn?: true }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'settings') return { name: 'settings' };
  if (first === 'patients' && second === 'new') return { name: 'patient-new' };
  if (first === 'patients' && second && /^\d+$/.test(second)) {
    const id = Number(second);
    if (third === 'edit') return { name: 'patient-edit', id };
    const episodeId = parts[3];
    if (third === 'episodes' && episodeId && /^\d+$/.test(episodeId)) {
      const route = { name: 'episode', patientId: id, episodeId: Number(episodeId) } as const;
      return parts[4] === 'check-in' ? { ...route, checkIn: true } : route;
    }
    return { name: 'patient', id };
  }
  return { name: 'patients' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'patients':
      return '#/patients';
    case 'patient-new':
      return '#/patients/new';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'patient-edit':
      return `#/patients/${route.id}/edit`;
    case 'episode':
      return `#/patients/${route.patientId}/episodes/${route.episodeId}${route.checkIn ? '/check-in' : ''}`;
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
