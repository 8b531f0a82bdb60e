// Where the council's SQLite file may live. SQLite's locking is not reliable over network file systems
// (SMB, NFS, AFP): two laptops, or one laptop and a flaky link, can corrupt the file or lose a commit the
// app reported saved. So a database on a network share is refused, by the app and the CLI alike, with a
// clear message. The decision is pure (path + mount table in, reason out); reading the mount table is
// the one impure helper.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NetworkLocationError } from '../errors';

export interface MountEntry {
  /** Where it is mounted: '/', '/Volumes/Share'. */
  mountPoint: string;
  /** The file system type as the system names it: 'apfs', 'smbfs', 'nfs4', 'cifs'. */
  type: string;
  /** What is mounted: '/dev/disk3s1', '//user@server/share'. */
  source: string;
}

/** File system types that are network shares (Linux /proc/mounts and macOS mount(8) names). */
const NETWORK_TYPES = new Set(['nfs', 'nfs4', 'smbfs', 'smb', 'smb2', 'smb3', 'cifs', 'afpfs', 'afp', 'webdav', 'davfs', 'fuse.sshfs', 'ncpfs', '9p']);

export function isNetworkFsType(type: string): boolean {
  return NETWORK_TYPES.has(type.toLowerCase());
}

/**
 * Windows: a UNC path (\\server\share\..., //server/share, \\?\UNC\server\share). Not the device
 * namespaces \\?\C:\ and \\.\ which name local drives.
 */
export function isUncPath(file: string): boolean {
  const p = file.replace(/\//g, '\\');
  if (/^\\\\\?\\UNC\\/i.test(p)) return true;
  if (/^\\\\[?.]\\/.test(p)) return false;
  return /^\\\\[^\\]+\\[^\\]+/.test(p);
}

/** The mount that holds `file` (the longest mount point that is a prefix of it). */
export function mountFor(file: string, mounts: MountEntry[]): MountEntry | null {
  const target = path.posix.resolve(file);
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const point = m.mountPoint === '/' ? '/' : m.mountPoint.replace(/\/+$/, '');
    const inside = point === '/' || target === point || target.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.mountPoint.length)) best = m;
  }
  return best;
}

/**
 * Why `file` is on a network share, or null when it is local. `mounts` is the system's mount table
 * (ignored on Windows, where the path itself says it).
 */
export function networkShareReason(file: string, platform: NodeJS.Platform, mounts: MountEntry[]): string | null {
  if (platform === 'win32') return isUncPath(file) ? `a network path (${file.split(/[\\/]+/).filter(Boolean).slice(0, 2).join('\\')})` : null;
  const mount = mountFor(file, mounts);
  if (mount && isNetworkFsType(mount.type)) return `a network share (${mount.type} at ${mount.mountPoint}, from ${mount.source})`;
  return null;
}

/** Parse /proc/mounts (Linux): "source mountpoint type options 0 0", spaces escaped as \040. */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([source, mountPoint, type]) => ({ source: unescape(source!), mountPoint: unescape(mountPoint!), type: type! }));
}

/** Parse macOS mount(8): "//user@server/share on /Volumes/My Share (smbfs, nodev, nosuid, mounted by x)". */
export function parseMacMounts(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.*) on (.*) \(([^,)]+)[,)]/.exec(line.trim());
    if (m) out.push({ source: m[1]!, mountPoint: m[2]!, type: m[3]!.trim() });
  }
  return out;
}

/** The system's mount table; empty on Windows or when it cannot be read (then nothing is refused). */
export function readMounts(platform: NodeJS.Platform = process.platform): MountEntry[] {
  try {
    if (platform === 'linux') return parseProcMounts(fs.readFileSync('/proc/mounts', 'utf8'));
    if (platform === 'darwin') return parseMacMounts(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 5000 }));
  } catch {
    // An unreadable mount table must not keep the secretary from her data.
  }
  return [];
}

/** Refuse a database file on a network share (NETWORK_LOCATION, field 'database'). */
export function assertLocalDatabase(file: string, platform: NodeJS.Platform = process.platform, mounts?: MountEntry[]): void {
  const absolute = platform === 'win32' ? path.win32.resolve(file) : path.posix.resolve(file);
  const reason = networkShareReason(absolute, platform, mounts ?? (platform === 'win32' ? [] : readMounts(platform)));
  if (reason) throw new NetworkLocationError(absolute, reason);
}
