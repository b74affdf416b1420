/** The clinic's details and preferences, used on first start and on the settings page. */
import type { ClinicSettings } from '../../../shared/domain/settings';
import { DATE_FORMATS } from '../../../shared/time/dates';
import { SelectField, TextAreaField, TextField } from '../ui/fields';

export type ClinicForm = ClinicSettings;

export const defaultClinicForm: ClinicForm = {
  clinicName: '',
  address: '',
  phone: '',
  email: '',
  emergencyNumber: '112',
  units: 'km',
  paperSize: 'A4',
  dateFormat: 'DD/MM/YYYY',
  autoLockMinutes: 5,
};

const AUTO_LOCK_CHOICES = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

interface Props {
  value: ClinicForm;
  onChange(value: ClinicForm): void;
  errors: Record<string, string>;
  /** Path prefix of these fields in the request ("clinic." on the setup screen). */
  prefix?: string;
  autoFocus?: boolean;
}

export function ClinicSettingsFields({ value, onChange, errors, prefix = '', autoFocus }: Props) {
  const set =
    <K extends keyof ClinicForm>(key: K) =>
    (v: ClinicForm[K]) =>
      onChange({ ...value, [key]: v });
  const err = (key: keyof ClinicForm) => errors[`${prefix}${key}`];
  return (
    <div className="form-grid">
      <TextField
        label="Clinic name"
        value={value.clinicName}
        onChange={set('clinicName')}
        error={err('clinicName')}
        required
        autoFocus={autoFocus}
      />
      <TextField
        label="Clinic phone"
        type="tel"
        value={value.phone}
        onChange={set('phone')}
        error={err('phone')}
        hint="Printed on every handout under “Stop and call us”."
      />
      <TextField
        label="Emergency number"
        inputMode="numeric"
        value={value.emergencyNumber}
        onChange={set('emergencyNumber')}
        error={err('emergencyNumber')}
        required
        hint="For an ambulance, printed on every handout: 999 in the UK, 911 in the US and Canada, 112 in Europe."
      />
      <TextField label="Clinic email" type="email" value={value.email} onChange={set('email')} error={err('email')} />
      <TextAreaField label="Address" value={value.address} onChange={set('address')} error={err('address')} rows={2} />
      <SelectField
        label="Distances in"
        value={value.units}
        options={[
          { value: 'km', label: 'Kilometres (km)' },
          { value: 'mi', label: 'Miles (mi)' },
        ]}
        onChange={set('units')}
        error={err('units')}
      />
      <SelectField
        label="Paper size for handouts"
        value={value.paperSize}
        options={[
          { value: 'A4', label: 'A4' },
          { value: 'Letter', label: 'US Letter' },
        ]}
        onChange={set('paperSize')}
        error={err('paperSize')}
      />
      <SelectField
        label="Date format"
        value={value.dateFormat}
        options={DATE_FORMATS.map((f) => ({ value: f, label: f }))}
        onChange={set('dateFormat')}
        error={err('dateFormat')}
        hint="How dates are shown and typed."
      />
      <SelectField
        label="Lock the app after"
        value={String(value.autoLockMinutes)}
        options={[...new Set([...AUTO_LOCK_CHOICES, value.autoLockMinutes])]
          .sort((a, b) => a - b)
          .map((m) => ({ value: String(m), label: `${m} minute${m === 1 ? '' : 's'} without activity` }))}
        onChange={(v) => set('autoLockMinutes')(Number(v))}
        error={err('autoLockMinutes')}
        hint="Ctrl+L locks it at once. Locking keeps what you were typing."
      />
    </div>
  );
}
