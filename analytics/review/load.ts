// Loading a review-rules file: text → validated rules (every error at once, with dotted paths,
// rule ids and lines), then every rule's SQL bound against the canonical schema. Never half-loads.
// Reuses the index-system machinery (parseYamlWith, checkSqlStatements).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBTypeId } from '@duckdb/node-api';
import { TijianError } from '../i18n/errors.js';
import { formatIndexErrors, parseYamlWith, type IndexError } from '../index/parse.js';
import { checkSqlStatements, type SqlCheck } from '../index/validate.js';
import { RuleSet, type ReviewRule } from './schema.js';

export const DEFAULT_RULES_PATH = fileURLToPath(new URL('./rules.yaml', import.meta.url));

/** Period parameters a rule's SQL may use besides its own `params`. */
export const RULE_PERIOD_PARAMS = ['start', 'end', 'year'] as const;
const RESERVED = new Set<string>([...RULE_PERIOD_PARAMS, 'prev_start', 'prev_end', 'entity_id']);

/** Columns every rule's SQL returns besides its keys and evidence. */
export const RULE_COLUMNS = ['unit_id', 'officer_ids'] as const;

export interface LoadedRules {
  rules: RuleSet;
  sha256: string;
  text: string;
  path: string;
}

/** The {column} placeholders of a summary template. */
export function summaryColumns(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
}

function dupes<T>(items: readonly T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) !== i);
}

export function ruleSemanticErrors(set: RuleSet): IndexError[] {
  const errors: IndexError[] = [];
  const seen = new Map<string, number>();
  set.rules.forEach((r, i) => {
    const at = (p: string) => `rules[${i}]${p}`;
    const prior = seen.get(r.id);
    if (prior !== undefined) errors.push({ path: at('.id'), id: r.id, message: `规则编号重复（与 rules[${prior}] 相同）/ duplicate id (same as rules[${prior}])` });
    else seen.set(r.id, i);
    for (const name of Object.keys(r.params)) {
      if (RESERVED.has(name)) {
        errors.push({ path: at(`.params.${name}`), id: r.id, message: `$${name} 是期间参数，不能重新定义 / $${name} is a period parameter and cannot be redefined` });
      } else if (!new RegExp(`\\$${name}\\b`).test(r.sql)) {
        errors.push({ path: at(`.params.${name}`), id: r.id, message: `参数 ${name} 已定义但 SQL 未使用 $${name} / parameter ${name} is declared but the SQL never uses $${name}` });
      }
    }
    for (const d of new Set(dupes(r.keys))) errors.push({ path: at('.keys'), id: r.id, message: `键列 ${d} 重复 / key column ${d} listed twice` });
    for (const d of new Set(dupes(r.evidence))) errors.push({ path: at('.evidence'), id: r.id, message: `证据列 ${d} 重复 / evidence column ${d} listed twice` });
    for (const col of Object.keys(r.personal)) {
      if (!r.keys.includes(col) && !r.evidence.includes(col)) {
        errors.push({ path: at(`.personal.${col}`), id: r.id, message: `个人信息列 ${col} 不在 keys 或 evidence 中 / personal column ${col} is neither a key nor an evidence column` });
      }
    }
    for (const col of summaryColumns(r.summary)) {
      if (col in r.personal) {
        errors.push({ path: at('.summary'), id: r.id, message: `摘要不能使用个人信息列 {${col}}（摘要不脱敏）/ the summary may not use the personal column {${col}} (summaries are not masked)` });
      }
    }
  });
  return errors;
}

function typeOk(type: DuckDBTypeId, allowed: DuckDBTypeId[]): boolean {
  return type === DuckDBTypeId.SQLNULL || allowed.includes(type);
}

export function ruleSqlChecks(set: RuleSet): SqlCheck[] {
  return set.rules.map((r, i) => {
    const columns = [...new Set([...r.keys, ...r.evidence, ...RULE_COLUMNS, ...summaryColumns(r.summary)])];
    return {
      path: `rules[${i}].sql`,
      id: r.id,
      sql: r.sql,
      params: [...RULE_PERIOD_PARAMS, ...Object.keys(r.params)],
      columns,
      values: r.params,
      inspect: (cols) => {
        const out: string[] = [];
        const type = (n: string) => cols.find((c) => c.name === n)?.type;
        const unit = type('unit_id');
        if (unit !== undefined && !typeOk(unit, [DuckDBTypeId.VARCHAR])) out.push('unit_id 应为文本 / unit_id must be VARCHAR');
        const officers = type('officer_ids');
        if (officers !== undefined && !typeOk(officers, [DuckDBTypeId.LIST])) out.push('officer_ids 应为文本列表（VARCHAR[]）/ officer_ids must be VARCHAR[]');
        const names = cols.map((c) => c.name);
        for (const d of new Set(dupes(names))) out.push(`结果中列名 ${d} 重复 / the result has two columns named ${d}`);
        return out;
      },
    };
  });
}

/** Parses and checks a rules file's text; with checkSql (default) every SQL is bound too. */
export async function checkRulesText(text: string, opts: { checkSql?: boolean } = {}): Promise<{ rules?: RuleSet; errors: IndexError[] }> {
  const { value, errors } = parseYamlWith(text, RuleSet);
  if (!value) return { errors };
  const all = [...ruleSemanticErrors(value), ...(opts.checkSql === false ? [] : await checkSqlStatements(ruleSqlChecks(value)))];
  return all.length ? { errors: all } : { rules: value, errors: [] };
}

/** Loads and fully checks a review-rules file; throws with every error listed. */
export async function loadRulesFile(path: string, opts: { checkSql?: boolean } = {}): Promise<LoadedRules> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new TijianError('FILE_NOT_FOUND', `找不到问题线索规则文件：${path}`, `Review-rules file not found: ${path}`);
  }
  const { rules, errors } = await checkRulesText(text, opts);
  if (!rules) {
    throw new TijianError(
      'RULES_INVALID',
      `问题线索规则文件有 ${errors.length} 处错误：\n${formatIndexErrors(errors, path)}`,
      `The review-rules file has ${errors.length} error(s), listed above.`,
      errors,
    );
  }
  return { rules, sha256: createHash('sha256').update(text).digest('hex'), text, path };
}

let defaultRules: Promise<LoadedRules> | undefined;

/** The rules shipped with Tijian (analytics/review/rules.yaml); checked by the tests, so loaded
 *  here without binding the SQL again. */
export function loadDefaultRules(): Promise<LoadedRules> {
  defaultRules ??= loadRulesFile(DEFAULT_RULES_PATH, { checkSql: false }).catch((e: unknown) => {
    defaultRules = undefined;
    throw e;
  });
  return defaultRules;
}

export function ruleById(rules: LoadedRules, id: string): ReviewRule | undefined {
  return rules.rules.rules.find((r) => r.id === id);
}
