/**
 * The Electron fuses in electron-builder.yml, applied the way packaging applies them (through
 * electron-builder's own mapping and @electron/fuses) to a fake Electron binary that carries the
 * documented sentinel, then read back. The real packaged app is checked where Electron exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse states as bytes in the wire: '0' off, '1' on (@electron/fuses' FuseState). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A file shaped like an Electron binary's fuse area: noise, sentinel, version 1, 8 fuses (all on). */
function fakeElectron(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-fuses-'));
  const file = path.join(dir, 'electron');
  const wire = Buffer.from([1, 8, ...Array.from({ length: 8 }, () => FuseState.ENABLE)]);
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x90)]),
  );
  return file;
}

describe('Electron fuses', () => {
  it('are configured in electron-builder.yml and flip a binary as the checklist asks', async () => {
    const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    // electron-builder's own mapping from the yml keys to @electron/fuses options (it uses no `this`).
    const packager = PlatformPackager.prototype as unknown as {
      generateFuseConfig(this: void, f: unknown): Promise<Record<string, unknown>>;
    };
    const fuseConfig = await packager.generateFuseConfig(config.electronFuses);
    const binary = fakeElectron();
    await flipFuses(binary, fuseConfig as Parameters<typeof flipFuses>[1]);
    const wire = await getCurrentFuseWire(binary);
    expect(wire.version).toBe(FuseVersion.V1);
    const state = (option: FuseV1Options) => (wire as unknown as Record<number, number>)[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    fs.rmSync(path.dirname(binary), { recursive: true, force: true });
  });
});
