/** One patient, from the cache; a change to the patient (archive, edit) loads it again. */
import { records, useRead } from '../data';

export function usePatient(id: number) {
  return useRead(records.patient(id), 'patients.get', { id });
}
