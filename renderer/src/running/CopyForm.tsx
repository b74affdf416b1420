/** Name the clinic's copy of a rule set or programme. */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { TextField } from '../ui/fields';

export function CopyForm(props: {
  what: string;
  suggested: string;
  onCopy(name: string): Promise<{ ok: true } | { ok: false; error: AppErrorShape }>;
  onCancel(): void;
}) {
  const [name, setName] = useState(props.suggested);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="subform inline-form"
      aria-label={`Name the copy of the ${props.what}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void props.onCopy(name).then((r) => {
          setBusy(false);
          if (!r.ok) setError(r.error);
        });
      }}
    >
      <TextField
        label="Name of the copy"
        value={name}
        onChange={setName}
        error={error?.fields?.name ?? (error ? error.message : undefined)}
        maxLength={120}
        autoFocus
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        Make the copy
      </button>
      <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={busy}>
        Cancel
      </button>
    </form>
  );
}
