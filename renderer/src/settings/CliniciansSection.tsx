/**
 * The clinicians who work here, their role, and (for the clinic owner and administrators) adding,
 * deactivating, giving a new password and granting administrator. Every such act asks for the
 * administrator's own password again in a dialog; the backend checks it and the role, so what
 * this page offers is only a convenience. A clinician sees the list and edits their own details;
 * their password is changed under Security, "Change my password".
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ClinicianInput, ClinicianRole, ClinicianWithAccess } from '../../../shared/domain/settings';
import { ClinicianInput as ClinicianInputSchema, PROFESSIONS } from '../../../shared/domain/settings';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, InfoNotice, Loading, SuccessNotice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';

const ROLE_NAMES: Record<ClinicianRole, string> = {
  owner: 'Owner',
  administrator: 'Administrator',
  clinician: 'Clinician',
};

const emptyClinician: ClinicianInput = { name: '', profession: 'Physiotherapist', registrationNumber: '' };

/** An act waiting for the administrator's password: what to say, and the call to make with it. */
interface PendingAct {
  title: string;
  explanation: ReactNode;
  confirmLabel: string;
  tone?: 'danger';
  run(yourPassword: string): Promise<Result<unknown>>;
  done: string;
  /** Field errors that belong to the form behind the dialog (a weak new password). */
  onFormErrors?(errors: Record<string, string>): void;
}

export function CliniciansSection() {
  const { status } = useApp();
  const [clinicians, setClinicians] = useState<ClinicianWithAccess[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [editing, setEditing] = useState<ClinicianWithAccess | 'new' | null>(null);
  const [settingPassword, setSettingPassword] = useState<ClinicianWithAccess | null>(null);
  const [pending, setPending] = useState<PendingAct | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('clinicians.list', {});
    if (r.ok) setClinicians(r.value);
    else setFailure(r.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const myId = status.clinician?.id;
  const myRole = clinicians?.find((c) => c.id === myId)?.role;
  const isAdmin = myRole === 'owner' || myRole === 'administrator';

  function ask(act: PendingAct) {
    setNotice(null);
    setPending(act);
  }

  function rowActions(c: ClinicianWithAccess) {
    const self = c.id === myId;
    const actions: ReactNode[] = [];
    if (self || isAdmin) {
      actions.push(
        <button
          key="edit"
          type="button"
          className="button button--small button--secondary"
          onClick={() => setEditing(c)}
        >
          Edit<span className="visually-hidden"> {c.name}</span>
        </button>,
      );
    }
    if (!isAdmin || c.role === 'owner') return actions;
    if (c.active && !self) {
      actions.push(
        <button
          key="password"
          type="button"
          className="button button--small button--secondary"
          onClick={() => setSettingPassword(c)}
        >
          Set a password<span className="visually-hidden"> for {c.name}</span>
        </button>,
      );
    }
    if (c.active) {
      const grant = c.role === 'clinician';
      actions.push(
        <button
          key="role"
          type="button"
          className="button button--small button--secondary"
          onClick={() =>
            ask({
              title: grant ? `Make ${c.name} an administrator` : `Remove administrator from ${c.name}`,
              explanation: grant
                ? `${c.name} will be able to add and deactivate clinicians, give them passwords and grant administrator.`
                : `${c.name} will no longer manage clinicians. They keep their own password.`,
              confirmLabel: grant ? 'Make administrator' : 'Remove administrator',
              run: (yourPassword) =>
                call('clinicians.setRole', {
                  clinicianId: c.id,
                  role: grant ? 'administrator' : 'clinician',
                  yourPassword,
                }),
              done: grant ? `${c.name} is now an administrator.` : `${c.name} is no longer an administrator.`,
            })
          }
        >
          {grant ? 'Make administrator' : 'Remove administrator'}
          <span className="visually-hidden">
            {' '}
            {grant ? 'for' : 'from'} {c.name}
          </span>
        </button>,
      );
    }
    if (!self) {
      actions.push(
        <button
          key="active"
          type="button"
          className={`button button--small ${c.active ? 'button--danger' : 'button--secondary'}`}
          onClick={() =>
            ask(
              c.active
                ? {
                    title: `Deactivate ${c.name}`,
                    explanation: `${c.name} will no longer be able to sign in, and is signed out at once if they are working now. Their notes and their entries in the audit trail keep their name.`,
                    confirmLabel: 'Deactivate',
                    tone: 'danger',
                    run: (yourPassword) =>
                      call('clinicians.setActive', { clinicianId: c.id, active: false, yourPassword }),
                    done: `${c.name} is deactivated and can no longer sign in.`,
                  }
                : {
                    title: `Reactivate ${c.name}`,
                    explanation: `${c.name} becomes active again. They need a new password before they can sign in: use “Set a password” next.`,
                    confirmLabel: 'Reactivate',
                    run: (yourPassword) =>
                      call('clinicians.setActive', { clinicianId: c.id, active: true, yourPassword }),
                    done: `${c.name} is active again. Set a password for them so they can sign in.`,
                  },
            )
          }
        >
          {c.active ? 'Deactivate' : 'Reactivate'}
          <span className="visually-hidden"> {c.name}</span>
        </button>,
      );
    }
    return actions;
  }

  return (
    <section className="panel" aria-labelledby="clinicians-title">
      <div className="panel__header">
        <h2 id="clinicians-title" className="panel__title">
          Clinicians
        </h2>
        {editing === null && isAdmin ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing('new')}>
            Add a clinician
          </button>
        ) : null}
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {clinicians !== null && !isAdmin ? (
        <InfoNotice>
          Only the clinic owner or an administrator can add clinicians, deactivate them or give them a password. To
          change your own password, use “Change my password” under Security.
        </InfoNotice>
      ) : null}
      {clinicians === null && !failure ? <Loading label="Loading clinicians…" /> : null}
      {settingPassword ? (
        <SetPasswordForm clinician={settingPassword} ask={ask} onCancel={() => setSettingPassword(null)} />
      ) : null}
      {editing !== null ? (
        <ClinicianForm
          clinician={editing === 'new' ? null : editing}
          isSelf={editing !== 'new' && editing.id === myId}
          ask={ask}
          onDone={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : null}
      {clinicians ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Profession</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clinicians.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  {c.id === myId ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{c.profession}</td>
                <td>{ROLE_NAMES[c.role]}</td>
                <td>
                  {!c.active ? (
                    <span className="muted">Deactivated</span>
                  ) : c.hasPassword ? (
                    'Active'
                  ) : (
                    <span className="muted">Active, no password yet</span>
                  )}
                </td>
                <td>
                  <div className="button-row">{rowActions(c)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmWithPassword
        act={pending}
        onClose={(outcome) => {
          setPending(null);
          if (outcome) {
            setNotice(outcome);
            setEditing(null);
            setSettingPassword(null);
            void load();
          }
        }}
      />
    </section>
  );
}

/**
 * The dialog every administrative act goes through: the administrator's own password, checked by
 * the backend. Refusals (a wrong password, the last administrator) are said here, in words.
 */
function ConfirmWithPassword({ act, onClose }: { act: PendingAct | null; onClose(outcome: string | null): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const explanationId = useId();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (act && !d.open) {
      setPassword('');
      setFieldError(undefined);
      setRefusal(null);
      d.showModal();
    }
    if (!act && d.open) d.close();
  }, [act]);

  async function confirm() {
    if (!act) return;
    if (password === '') {
      setFieldError('Enter your own password to confirm.');
      return;
    }
    setBusy(true);
    const r = await act.run(password);
    setBusy(false);
    setPassword('');
    if (r.ok) {
      onClose(act.done);
      return;
    }
    const { yourPassword, ...others } = r.error.fields ?? {};
    setFieldError(yourPassword);
    if (Object.keys(others).length > 0 && act.onFormErrors) {
      // A problem with what was typed in the form (a weak new password): fix it there.
      act.onFormErrors(others);
      onClose(null);
      return;
    }
    setRefusal(yourPassword ? null : r.error);
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={explanationId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose(null);
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {act?.title ?? ''}
        </h2>
        <div className="dialog__body">
          <p id={explanationId}>{act?.explanation}</p>
          {refusal ? <ErrorNotice error={refusal} /> : null}
          <TextField
            label="Your password"
            hint="Changes to clinicians need your own password again. The change is recorded in the audit trail."
            type="password"
            value={password}
            onChange={setPassword}
            error={fieldError}
            autoComplete="current-password"
            autoFocus
          />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => onClose(null)} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${act?.tone === 'danger' ? 'button--danger' : 'button--primary'}`}
            disabled={busy}
          >
            {busy ? 'Checking…' : (act?.confirmLabel ?? 'Confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ClinicianForm({
  clinician,
  isSelf,
  ask,
  onDone,
}: {
  clinician: ClinicianWithAccess | null;
  isSelf: boolean;
  ask(act: PendingAct): void;
  onDone(): void;
}) {
  const { status } = useApp();
  const [values, setValues] = useState<ClinicianInput>(
    clinician
      ? { name: clinician.name, profession: clinician.profession, registrationNumber: clinician.registrationNumber }
      : emptyClinician,
  );
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const set = (key: keyof ClinicianInput) => (v: string) => setValues((p) => ({ ...p, [key]: v }));

  async function save() {
    const parsed = ClinicianInputSchema.safeParse(values);
    const local = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(clinician ? {} : await newPasswordErrors(pw, { clinicianName: values.name, clinicName: status.clinicName })),
    };
    if (!parsed.success || Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setErrors({});
    const changes = parsed.data;
    if (clinician && isSelf) {
      // One's own details are not an administrative act: no password needed.
      const r = await call('clinicians.update', { id: clinician.id, changes });
      if (!r.ok) {
        setFailure(r.error);
        setErrors(r.error.fields ?? {});
        return;
      }
      onDone();
      return;
    }
    ask(
      clinician
        ? {
            title: `Save ${clinician.name}’s details`,
            explanation: `Confirm the changes to ${clinician.name}’s name, profession and registration.`,
            confirmLabel: 'Save clinician',
            run: (yourPassword) => call('clinicians.update', { id: clinician.id, changes, yourPassword }),
            done: `${changes.name}’s details are saved.`,
            onFormErrors: setErrors,
          }
        : {
            title: `Add ${changes.name}`,
            explanation: `${changes.name} will be able to sign in with the first password you chose, and to see and change every patient’s records.`,
            confirmLabel: 'Add clinician',
            run: (yourPassword) =>
              call('clinicians.create', { clinician: changes, password: pw.password, yourPassword }),
            done: `${changes.name} is added. Tell them their first password in person.`,
            onFormErrors: setErrors,
          },
    );
  }

  return (
    <form
      className="subform"
      noValidate
      aria-label={clinician ? `Edit ${clinician.name}` : 'New clinician'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      <div className="form-grid">
        <TextField label="Name" value={values.name} onChange={set('name')} error={errors.name} required autoFocus />
        <SelectField
          label="Profession"
          value={values.profession}
          options={[...new Set([...PROFESSIONS, values.profession])].map((p) => ({ value: p, label: p }))}
          onChange={set('profession')}
          error={errors.profession}
          required
        />
        <TextField
          label="Registration number"
          value={values.registrationNumber}
          onChange={set('registrationNumber')}
          error={errors.registrationNumber}
        />
        {clinician ? null : (
          <div className="form-grid__wide">
            <p className="muted">
              Their first password. Tell it to them in person; they can change it in Settings after signing in.
            </p>
            <PasswordFields
              value={pw}
              onChange={setPw}
              errors={errors}
              label="First password"
              context={{ clinicianName: values.name, clinicName: status.clinicName }}
            />
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {clinician ? 'Save clinician' : 'Add clinician'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SetPasswordForm({
  clinician,
  ask,
  onCancel,
}: {
  clinician: ClinicianWithAccess;
  ask(act: PendingAct): void;
  onCancel(): void;
}) {
  const { status } = useApp();
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    const local = await newPasswordErrors(pw, { clinicianName: clinician.name, clinicName: status.clinicName });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    ask({
      title: `Set a password for ${clinician.name}`,
      explanation: `${clinician.name}’s old password stops working at once. Tell them the new one in person.`,
      confirmLabel: 'Set password',
      run: (yourPassword) =>
        call('clinicians.setPassword', { clinicianId: clinician.id, password: pw.password, yourPassword }),
      done: `${clinician.name} has a new password.`,
      onFormErrors: setErrors,
    });
  }

  return (
    <form
      className="subform"
      noValidate
      aria-label={`Set a password for ${clinician.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        A new password for <strong>{clinician.name}</strong>, for a new colleague or one who forgot theirs. Tell it to
        them in person.
      </p>
      <PasswordFields
        value={pw}
        onChange={setPw}
        errors={errors}
        label="New password"
        context={{ clinicianName: clinician.name, clinicName: status.clinicName }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Set password
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
