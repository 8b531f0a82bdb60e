// The pure parts of `npm start`: when to rebuild the UI or main, and Electron's environment. better-sqlite3
// 13 is a Node-API module whose one prebuilt binary loads under Node and Electron alike, so nothing native
// is rebuilt or copied for Electron.
import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time of the files under these paths (0 when none exist). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== 'node_modules') visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** An output needs rebuilding when it is missing or older than any of its inputs. */
export function isStale(output, inputs) {
  let built;
  try {
    built = fs.statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > built;
}

/** Electron's environment: never "run as Node" inherited from a parent shell. */
export function electronEnv(baseEnv) {
  const env = { ...baseEnv };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}
