/** Loads one patient and keeps the latest copy after changes. */
import { useCallback, useEffect, useState } from 'react';
import type { Patient } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';

export function usePatient(id: number) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const reload = useCallback(async () => {
    const r = await call('patients.get', { id });
    if (r.ok) {
      setPatient(r.value);
      setError(null);
    } else setError(r.error);
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { patient, error, reload, setPatient };
}
