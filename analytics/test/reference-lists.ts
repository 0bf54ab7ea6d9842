// Workspaces holding the county's reference lists (samples/shengsi), imported the normal way, for
// the acceptance sets: a file is imported into a copy of the one it needs. Built in layers — none;
// units; units and matters; all three with the rosters — so a file *of* a list goes into a
// workspace without that list (loading a second copy of a list is another question).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../import/import-file.js';
import { Workspace } from '../workspace/workspace.js';
import { SAMPLES } from './paths.js';

export const REFERENCE_LISTS = {
  units: ['执法单位名录.xlsx'],
  matters: ['执法事项目录清单（2024年版）.xlsx'],
  officers: ['执法人员花名册_2022年.xlsx', '执法人员花名册_2023年.xlsx', '执法人员花名册_2024年.xlsx'],
} as const;
export type ReferencePart = keyof typeof REFERENCE_LISTS;

const LAYERS: ReadonlyArray<readonly ReferencePart[]> = [[], ['units'], ['units', 'matters'], ['units', 'matters', 'officers']];
const keyOf = (parts: readonly string[]) => [...parts].sort().join('+') || 'empty';

/** Builds the four layers as workspace files in `dir`; returns the path of the one holding exactly
 *  `parts` (throws for a combination that is not a layer). */
export async function buildReferenceWorkspaces(dir: string): Promise<(parts: readonly string[]) => string> {
  const templates = new Map<string, string>();
  const path = join(dir, 'building.duckdb');
  (await Workspace.open(path)).close();
  let done: readonly ReferencePart[] = [];
  for (const layer of LAYERS) {
    const ws = await Workspace.open(path);
    try {
      for (const part of layer.filter((p) => !done.includes(p))) {
        for (const f of REFERENCE_LISTS[part]) {
          const r = await importFile(ws, join(SAMPLES, 'shengsi', f));
          if (r.rows_rejected) throw new Error(`reference list ${f} must import cleanly: ${r.rows_rejected} rows rejected`);
        }
      }
    } finally {
      ws.close();
    }
    done = layer;
    const copy = join(dir, `${keyOf(layer)}.duckdb`);
    copyFileSync(path, copy);
    templates.set(keyOf(layer), copy);
  }
  return (parts) => {
    const t = templates.get(keyOf(parts));
    if (!t) throw new Error(`no reference workspace for ${parts.join('+') || 'none'}`);
    return t;
  };
}
