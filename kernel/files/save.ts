// Saving a notebook without ever destroying the one on disk: the new text goes to a temporary
// file in the same folder, is flushed to the device, and only then renamed over the target (a
// rename within a folder is atomic). A save that fails (full disk, a file-size limit, no
// permission) leaves the previous file as it was and removes its temporary file; the error says
// why in one line. A target that is a symbolic link keeps its link: the file it points to is
// the one replaced.
import * as fs from "fs";
import * as path from "path";

/** A save that failed, in one line; `file` is the target as the user named it. */
export class SaveError extends Error {
  override name = "SaveError";
  constructor(readonly file: string, readonly code: string | undefined, reason: string) {
    super(`cannot save ${file}: ${reason}; the file on disk is unchanged`);
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file would exceed the size this process may write",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ENOENT: "its folder does not exist",
  EMFILE: "too many open files",
};

/** Why a file operation failed, in words. */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && REASONS[err.code]) ?? err.message ?? String(e);
}

/** The file a save to `file` replaces: the target of a symbolic link, else `file` itself. */
export function saveTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return path.resolve(file);
    throw e;
  }
}

/** Writes `text` to `file` atomically (see above). */
export function saveFileAtomically(file: string, text: string | Uint8Array): void {
  let target: string;
  try {
    target = saveTarget(file);
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (e) {
    throw new SaveError(file, (e as NodeJS.ErrnoException).code, reasonOf(e));
  }
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.saving`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", existingMode(target));
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(temp); } catch { /* never created */ }
    throw new SaveError(file, (e as NodeJS.ErrnoException).code, reasonOf(e));
  }
}

/** The permission bits of the file being replaced (a new file gets the usual 0o666, less the umask). */
function existingMode(file: string): number {
  try { return fs.statSync(file).mode & 0o777; } catch { return 0o666; }
}
