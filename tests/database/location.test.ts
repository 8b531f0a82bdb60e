// A database on a network share is refused (SQLite's locking is not safe there): UNC paths on Windows,
// NFS/SMB/CIFS/AFP mounts on macOS and Linux, read from the system's mount table.
import { describe, expect, it } from 'vitest';
import { assertLocalDatabase, isUncPath, mountFor, networkShareReason, parseMacMounts, parseProcMounts, readMounts } from '../../src/database/location';
import { NetworkLocationError } from '../../src/errors';

const linuxMounts = parseProcMounts(
  [
    '/dev/sda1 / ext4 rw,relatime 0 0',
    'tmpfs /tmp tmpfs rw 0 0',
    '//fileserver/council /mnt/council cifs rw,vers=3.0 0 0',
    'nas:/export/home /home/shared nfs4 rw 0 0',
    '/dev/sdb1 /mnt/council/local\\040disk ext4 rw 0 0',
  ].join('\n'),
);
const macMounts = parseMacMounts(
  [
    '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
    '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)',
    '//secretary@fs.aidsmo.org/Council on /Volumes/Council Share (smbfs, nodev, nosuid, mounted by secretary)',
    'afp_0TQLZ@nas._afpovertcp._tcp.local/Archive on /Volumes/Archive (afpfs, nodev, nosuid, mounted by secretary)',
  ].join('\n'),
);

describe('network share detection', () => {
  it('Windows: UNC paths, not the local device namespaces', () => {
    for (const p of ['\\\\server\\share\\council.sqlite', '//server/share/council.sqlite', '\\\\?\\UNC\\server\\share\\council.sqlite']) expect(isUncPath(p), p).toBe(true);
    for (const p of ['C:\\Users\\a\\AppData\\Local\\Council Minutes\\council.sqlite', '\\\\?\\C:\\data\\council.sqlite', '\\\\.\\C:\\x', 'D:\\council.sqlite']) expect(isUncPath(p), p).toBe(false);
    expect(networkShareReason('\\\\fs01\\council\\council.sqlite', 'win32', [])).toBe('a network path (fs01\\council)');
    expect(networkShareReason('C:\\data\\council.sqlite', 'win32', linuxMounts)).toBeNull();
  });

  it('Linux: the longest mount point holding the file decides', () => {
    expect(networkShareReason('/mnt/council/c.sqlite', 'linux', linuxMounts)).toBe('a network share (cifs at /mnt/council, from //fileserver/council)');
    expect(networkShareReason('/home/shared/a/c.sqlite', 'linux', linuxMounts)).toMatch(/nfs4/);
    expect(networkShareReason('/mnt/council/local disk/c.sqlite', 'linux', linuxMounts)).toBeNull();
    expect(networkShareReason('/mnt/councilx/c.sqlite', 'linux', linuxMounts)).toBeNull();
    expect(networkShareReason('/tmp/c.sqlite', 'linux', linuxMounts)).toBeNull();
    expect(mountFor('/tmp/x', linuxMounts)?.type).toBe('tmpfs');
  });

  it('macOS: smbfs and afpfs volumes, with spaces in their names', () => {
    expect(macMounts.map((m) => m.type)).toEqual(['apfs', 'apfs', 'smbfs', 'afpfs']);
    expect(networkShareReason('/Volumes/Council Share/council.sqlite', 'darwin', macMounts)).toMatch(/^a network share \(smbfs at \/Volumes\/Council Share/);
    expect(networkShareReason('/Volumes/Archive/c.sqlite', 'darwin', macMounts)).toMatch(/afpfs/);
    expect(networkShareReason('/Users/s/Library/Application Support/Council Minutes/council.sqlite', 'darwin', macMounts)).toBeNull();
  });

  it('refuses with a typed error naming the database, and accepts a local file', () => {
    let err: unknown;
    try {
      assertLocalDatabase('/mnt/council/council.sqlite', 'linux', linuxMounts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NetworkLocationError);
    expect(err).toMatchObject({ code: 'NETWORK_LOCATION', field: 'database', path: '/mnt/council/council.sqlite' });
    expect((err as Error).message).toMatch(/cifs/);
    expect(() => assertLocalDatabase('/tmp/council.sqlite', 'linux', linuxMounts)).not.toThrow();
  });

  it("reads this machine's mount table (its temp folder is local)", () => {
    const mounts = readMounts('linux');
    expect(mounts.some((m) => m.mountPoint === '/')).toBe(true);
    expect(() => assertLocalDatabase('/tmp/council.sqlite', 'linux')).not.toThrow();
  });
});
