/**
 * The files a handout leaves the app as: a durable save (all or nothing, plain-words errors) and
 * the private temporary copies handed to the PDF viewer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWriteError, FileWriteError, writeFileDurably } from '../../main/files/durable-write';
import { PrivateTempFiles } from '../../main/files/private-temp-files';
import { removeTempDirs, tempDir } from '../helpers/backend';

afterEach(removeTempDirs);

describe('writeFileDurably', () => {
  it('writes the bytes under the chosen name, replacing an older file, leaving nothing else', () => {
    const dir = tempDir();
    const file = path.join(dir, '2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf');
    fs.writeFileSync(file, 'old');
    writeFileDurably(file, Buffer.from('%PDF-1.3 new'));
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.3 new');
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('fails whole: no half-written file and no temporary file left behind', () => {
    const dir = tempDir();
    const target = path.join(dir, 'a folder');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    let error: unknown;
    try {
      writeFileDurably(target, Buffer.from('%PDF'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FileWriteError);
    expect(fs.readdirSync(dir)).toEqual(['a folder']);
  });

  it('says what happened and what to do, for each way a save can fail', () => {
    const file = '/media/usb/handout.pdf';
    expect(describeWriteError('ENOSPC', file)).toBe(
      'The disk is full, so the handout was not saved. Free some space, or choose another place (a USB stick), and try again.',
    );
    expect(describeWriteError('EACCES', file)).toBe(
      'The folder /media/usb cannot be written to, so the handout was not saved. Choose another folder, such as Documents.',
    );
    expect(describeWriteError('EROFS', file)).toMatch(/cannot be written to/);
    expect(describeWriteError('ENOENT', file)).toMatch(/is no longer there/);
    expect(describeWriteError('EBUSY', file)).toMatch(/open in another program/);
    expect(describeWriteError('EIO', file)).toBe(
      'The handout could not be saved (EIO). Try again, or choose another folder.',
    );
  });
});

describe('PrivateTempFiles', () => {
  it('keeps copies in a folder only this user can read, and removes them', async () => {
    const root = tempDir();
    const files = new PrivateTempFiles(root);
    const file = files.write('2026-11-27 Nguyen Van An handout.pdf', Buffer.from('%PDF'));
    expect(path.basename(file)).toBe('2026-11-27 Nguyen Van An handout.pdf');
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(path.dirname(file))).mode & 0o777).toBe(0o700);
    }
    files.removeLater(file, 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(file)).toBe(false);
    const second = files.write('../../escape.pdf', Buffer.from('%PDF'));
    expect(path.dirname(path.dirname(second)).startsWith(root)).toBe(true);
    files.removeAll();
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('sweeps folders a crashed run left behind, once they are a day old', () => {
    const root = tempDir();
    const stale = path.join(root, 'stride-clinic-view-old');
    const fresh = path.join(root, 'stride-clinic-view-new');
    fs.mkdirSync(stale);
    fs.mkdirSync(fresh);
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    fs.utimesSync(stale, dayAgo, dayAgo);
    const files = new PrivateTempFiles(root);
    files.write('x.pdf', Buffer.from('%PDF'));
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    files.removeAll();
  });
});
