// Where the emulator writes its CA certificate by default: a folder only this user can use. A fixed file name in the
// shared temp folder could be planted in advance (a symlink, or someone else's CA that clients would then trust).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `<base>/graph-sync-emulator-<uid>`, created with mode 0700, or checked when it exists: a real directory (not a
 * link), owned by this user, with no access for group or others. Throws with what is wrong and what to do.
 * Windows has no uid and no POSIX modes; its temp folder is per user already.
 */
export function privateCaFolder(base = os.tmpdir()): string {
  const uid = process.getuid?.();
  const folder = path.join(base, `graph-sync-emulator-${uid ?? os.userInfo().username}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (uid === undefined) return folder;
  const stat = fs.lstatSync(folder);
  const problem = !stat.isDirectory()
    ? 'is not a directory'
    : stat.uid !== uid
      ? `belongs to user ${stat.uid}, not ${uid}`
      : (stat.mode & 0o077) !== 0
        ? `is open to other users (mode ${(stat.mode & 0o777).toString(8)})`
        : undefined;
  if (problem) throw new Error(`${folder} ${problem}; remove it or pass --ca-out with a file in a folder of your own.`);
  return folder;
}

/** Writes the CA certificate readable by this user only. */
export function writeCaFile(file: string, pem: string): void {
  fs.writeFileSync(file, pem, { mode: 0o600 });
}
