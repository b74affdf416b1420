/**
 * The Electron fuses packaging sets, as electron-builder.yml configures them (its `electronFuses`
 * key; electron-builder flips them in the binary after packing). What this checks is the
 * configuration only: every fuse of @electron/fuses' V1 wire is decided, under the name
 * electron-builder reads, with the value the security checklist asks for. The packaged binary
 * itself can only be read where `npm run dist` has run (`npx electron-fuses read --app <app>`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The value each fuse must have: features the app never uses are switched off. */
const EXPECTED: Record<keyof typeof FuseV1Options, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/** electron-builder's key for a fuse: the option's name with a lower-case first letter. */
const builderKey = (option: string) => option[0]!.toLowerCase() + option.slice(1);

describe('Electron fuses in electron-builder.yml (the configuration, not a packaged binary)', () => {
  it('decide every fuse of the V1 wire, under the names electron-builder reads, as the checklist asks', () => {
    const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses?: Record<string, unknown>;
    };
    const options = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    // A fuse @electron/fuses adds later must be decided here too.
    expect(options.sort()).toEqual(Object.keys(EXPECTED).sort());
    const expected = Object.fromEntries(options.map((o) => [builderKey(o), EXPECTED[o as keyof typeof FuseV1Options]]));
    // Same keys (no misspelt one electron-builder would ignore) and the same values.
    expect(config.electronFuses).toEqual(expected);
  });
});
