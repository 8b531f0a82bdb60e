import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf, readProject } from '../../scripts/layers';

const root = path.resolve(__dirname, '../..');

describe('layer rules', () => {
  it('hold in this repository', () => {
    const files = readProject(root);
    expect(files.length).toBeGreaterThan(10);
    expect(checkLayers(files)).toEqual([]);
  });

  it('reads every import form', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from './b';",
      "import * as c from 'node:c';",
      "export { d } from '../d';",
      "import './e.css';",
      "const f = require('f');",
      "const g = await import('./g');",
      "// import nope from 'commented';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['a', './b', 'node:c', '../d', './e.css', 'f', './g']);
  });

  const breachCases: [string, string, string][] = [
    ['src/sessions/service.ts', "import { app } from 'electron';", 'Electron'],
    ['src/minutes/render-html.ts', "import React from 'react';", 'React'],
    ['src/rules/quorum.ts', 'const w = window.innerWidth;', 'DOM'],
    ['src/rules/quorum.ts', "import fs from 'node:fs';", 'zod'],
    ['src/sessions/schema.ts', "import { openDatabase } from '../database/open';", 'pure'],
    ['src/minutes/build-model.ts', "import { helper } from './helper';", 'pure'],
    ['src/core/x.ts', "import { x } from '../../main/ipc';", 'main/'],
    ['renderer/App.tsx', "import fs from 'node:fs';", 'Node'],
    ['renderer/App.tsx', "import { ipcRenderer } from 'electron';", 'react and zod only'],
    ['renderer/App.tsx', "import { x } from '../main/ipc';", 'main/'],
    ['renderer/App.tsx', "import { openDatabase } from '../src/database/open';", 'pure src'],
    ['renderer/App.tsx', "import Database from 'better-sqlite3';", 'react and zod only'],
    ['main/ipc.ts', "import { App } from '../renderer/App';", 'renderer/'],
    ['main/preload.ts', "import fs from 'node:fs';", 'electron only'],
  ];
  for (const [file, line, ruleFragment] of breachCases) {
    it(`catches ${file}: ${line}`, () => {
      const project = [
        { file, text: line },
        { file: 'src/database/open.ts', text: "import Database from 'better-sqlite3';" },
        { file: 'src/minutes/helper.ts', text: "import { x } from '../database/open';" },
        { file: 'main/ipc.ts', text: '' },
        { file: 'renderer/App.tsx', text: '' },
      ].filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
      const breaches = checkLayers(project);
      expect(breaches.length).toBeGreaterThan(0);
      expect(breaches.map((b) => b.rule).join(' | ')).toContain(ruleFragment);
    });
  }

  it('allows what the layers allow', () => {
    const project = [
      { file: 'renderer/App.tsx', text: "import { useState } from 'react';\nimport { apiCalls } from '../src/api/contract';" },
      { file: 'src/api/contract.ts', text: "import { z } from 'zod';\nimport type { X } from '../sessions/types';" },
      { file: 'src/sessions/types.ts', text: '' },
      { file: 'src/sessions/service.ts', text: "import fs from 'node:fs';\nimport { Kysely } from 'kysely';" },
      { file: 'src/minutes/build-model.ts', text: "import { dates } from './dates';" },
      { file: 'src/minutes/dates.ts', text: "import { z } from 'zod';" },
      { file: 'renderer/main.tsx', text: "import './styles.css';" },
      { file: 'main/preload.ts', text: "import { contextBridge } from 'electron';\nimport type { CouncilApi } from '../src/api/contract';" },
    ];
    expect(checkLayers(project)).toEqual([]);
  });
});
