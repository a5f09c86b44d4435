/**
 * A small real file system for "bad day" tests: a tmpfs of a few MB that can
 * be filled to the last byte or remounted read-only. Needs root (mount); when
 * mounting is not permitted, `skip` gives the reason and the tests say so.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mount point ('' when skipped). */
  dir: string;
  /** Why the tests cannot run here, or null. */
  skip: string | null;
  /** Fills the disk until a write fails with ENOSPC, then frees `leave` bytes again. */
  fill(leave?: number): void;
  /** Free bytes as the file system reports them. */
  free(): number;
  /** Empties the disk (and makes it writable). */
  clear(): void;
  readOnly(on: boolean): void;
  unmount(): void;
}

const FILLER = 'filler.bin';

/** Mounts a tmpfs of `mb` MB now (at collection time, so tests can skipIf). */
export function mountSmallDisk(mb = 3): SmallDisk {
  const none = (skip: string): SmallDisk => ({
    dir: '',
    skip,
    fill() {},
    free: () => 0,
    clear() {},
    readOnly() {},
    unmount() {},
  });
  if (process.platform !== 'linux') return none(`需要 Linux 的 tmpfs（这里是 ${process.platform}）`);
  if (process.getuid?.() !== 0) return none('需要 root 才能 mount tmpfs');
  const dir = mkdtempSync(join(tmpdir(), 'lianxi-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return none(`mount 不被允许：${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`);
  }
  const mount = (opts: string) => execFileSync('mount', ['-o', opts, dir], { stdio: 'pipe' });
  return {
    dir,
    skip: null,
    fill(leave = 0) {
      const fd = openSync(join(dir, FILLER), 'a');
      const chunk = Buffer.alloc(64 * 1024, 0x5a);
      try {
        for (;;) writeSync(fd, chunk, 0, chunk.length);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        // The last chunk may have gone in partly: write byte by byte up to the end.
        try {
          for (;;) writeSync(fd, chunk, 0, 1);
        } catch {
          // full
        }
      }
      if (leave > 0) ftruncateSync(fd, Math.max(0, fstatSync(fd).size - leave));
      closeSync(fd);
    },
    free() {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    },
    clear() {
      mount('remount,rw');
      for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
    },
    readOnly(on) {
      mount(on ? 'remount,ro' : 'remount,rw');
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
