// The screenshot script runs here too (into a temporary folder): every main screen renders in Arabic
// (right to left) and in English without a script error, and each picture is a real 1366x768 PNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screens, takeScreenshots } from '../../scripts/screenshots';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'council-shots-test-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('screenshots of each main screen', () => {
  it('photographs every screen in Arabic and English at 1366x768', async () => {
    const files = await takeScreenshots(out);
    expect(files).toHaveLength(screens.length * 2);
    const sizes = new Set<number>();
    for (const file of files) {
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16..23.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1366, 768]);
      sizes.add(png.length);
    }
    // Different screens give different pictures (a blank or stuck page would repeat itself).
    expect(sizes.size).toBeGreaterThan(files.length / 2);
  }, 300_000);
});
