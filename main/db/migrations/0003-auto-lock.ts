/** Version 3: how long the app waits without activity before it locks itself (clinic setting). */
import type { Migration } from '../migrate';

export const migration0003: Migration = {
  version: 3,
  name: 'auto-lock setting',
  sql: /* sql */ `
ALTER TABLE clinic_settings ADD COLUMN auto_lock_minutes INTEGER NOT NULL DEFAULT 5 CHECK (auto_lock_minutes BETWEEN 1 AND 60);
`,
};
