#!/usr/bin/env node
// Electronegativity over the app (run in .ci/run). Fails on any HIGH or
// CRITICAL finding. Two scans:
//  - electron/ sources (main + preload), where a finding that does not apply is
//    suppressed inline with an `eng-disable` comment that says why (the bundler
//    strips comments, so the bundle itself cannot carry them);
//  - out/renderer, the built page (CSP, HTML checks).
// The Electron version is passed because releases cannot be looked up offline.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const scans = [
  // The CSP is in the page (and the app:// protocol header), not in electron/: checked in the second scan.
  ['electron', 'test-results/electronegativity-electron.csv', ['-x', 'CSPGlobalCheck']],
  // The page alone has no main process: the navigation and permission checks
  // belong to the first scan (where they run and pass); every page check runs here.
  [
    'out/renderer',
    'test-results/electronegativity-renderer.csv',
    ['-x', 'LimitNavigationGlobalCheck,PermissionRequestHandlerGlobalCheck'],
  ],
];
let bad = 0;

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}
for (const [input, out, extra] of scans) {
  // It writes into an existing file without truncating it.
  rmSync(out, { force: true });
  const r = spawnSync('node_modules/.bin/electronegativity', ['-i', input, '-e', '45.0.0', '-r', '-o', out, ...extra], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(2);
  }
  // CSV (SARIF drops the severity); quoted fields may hold commas and "".
  const results = readFileSync(out, 'utf8').trim().split('\n').slice(1).map(parseCsvLine);
  for (const [issue, severity, confidence, file, location] of results) {
    const high = severity === 'HIGH' || severity === 'CRITICAL';
    if (high) bad++;
    console.log(`${high ? '✗' : '·'} ${severity.padEnd(8)} ${issue} ${file}:${location} (${confidence})`);
  }
  console.log(`electronegativity ${input}: ${results.length} finding(s)`);
}
if (bad > 0) {
  console.error(`electronegativity: ${bad} HIGH/CRITICAL finding(s)`);
  process.exit(1);
}
console.log('electronegativity: no HIGH or CRITICAL findings');
