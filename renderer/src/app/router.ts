/**
 * A small hash router: the app's places are #/patients, #/patients/new, #/patients/12,
 * #/patients/12/edit, #/patients/12/episodes/3 (with /check-in: the new check-in form open; /history: scrolled to
 * the history's charts and timeline), #/exercises (the library),
 * #/exercises/new, #/exercises/<id> (one exercise), #/exercises/clinic-4/edit, #/exercises/<built-in id>/copy,
 * the episode's intake (/intake) and notes (/notes/7) below #/patients/12/episodes/3,
 * #/settings, and #/audit (or #/audit/patients/12 for one patient's entries). Hash routes work the
 * same under app:// and in the preview.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: number }
  | { name: 'patient-edit'; id: number }
  | { name: 'episode'; patientId: number; episodeId: number; checkIn?: true; history?: true }
  | { name: 'intake'; patientId: number; episodeId: number }
  | { name: 'note'; patientId: number; episodeId: number; noteId: number }
  | { name: 'exercises' }
  | { name: 'exercise'; id: string }
  | { name: 'exercise-new' }
  | { name: 'exercise-edit'; id: string }
  | { name: 'exercise-copy'; id: string }
  | { name: 'settings' }
  | { name: 'audit'; patientId: number | null };

const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'settings') return { name: 'settings' };
  if (first === 'audit') {
    return { name: 'audit', patientId: second === 'patients' && third && /^\d+$/.test(third) ? Number(third) : null };
  }
  if (first === 'exercises') {
    if (second === 'new') return { name: 'exercise-new' };
    if (second && EXERCISE_ID.test(second)) {
      if (third === 'edit') return { name: 'exercise-edit', id: second };
      if (third === 'copy') return { name: 'exercise-copy', id: second };
      return { name: 'exercise', id: second };
    }
    return { name: 'exercises' };
  }
  if (first === 'patients' && second === 'new') return { name: 'patient-new' };
  if (first === 'patients' && second && /^\d+$/.test(second)) {
    const id = Number(second);
    if (third === 'edit') return { name: 'patient-edit', id };
    const episodeId = parts[3];
    if (third === 'episodes' && episodeId && /^\d+$/.test(episodeId)) {
      const [, , , , fifth, sixth] = parts;
      if (fifth === 'intake') return { name: 'intake', patientId: id, episodeId: Number(episodeId) };
      if (fifth === 'notes' && sixth && /^\d+$/.test(sixth)) {
        return { name: 'note', patientId: id, episodeId: Number(episodeId), noteId: Number(sixth) };
      }
      const route = { name: 'episode', patientId: id, episodeId: Number(episodeId) } as const;
      if (fifth === 'history') return { ...route, history: true };
      return fifth === 'check-in' ? { ...route, checkIn: true } : route;
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
      return `#/patients/${route.patientId}/episodes/${route.episodeId}${route.checkIn ? '/check-in' : route.history ? '/history' : ''}`;
    case 'intake':
      return `#/patients/${route.patientId}/episodes/${route.episodeId}/intake`;
    case 'note':
      return `#/patients/${route.patientId}/episodes/${route.episodeId}/notes/${route.noteId}`;
    case 'exercises':
      return '#/exercises';
    case 'exercise':
      return `#/exercises/${route.id}`;
    case 'exercise-new':
      return '#/exercises/new';
    case 'exercise-edit':
      return `#/exercises/${route.id}/edit`;
    case 'exercise-copy':
      return `#/exercises/${route.id}/copy`;
    case 'settings':
      return '#/settings';
    case 'audit':
      return route.patientId === null ? '#/audit' : `#/audit/patients/${route.patientId}`;
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
