// The identity of a hit: its rule and its key values. hit_key is a canonical, readable string of
// the keys — names sorted, list values sorted and joined with '+', pairs joined with ';', and the
// characters % ; = + inside values percent-encoded:
//   case_id=嵊应急罚〔2024〕14号
//   inspection_ids=JC2024051400014+JC2024052600001;subject_id=92330922343756424H
// ref is a short digest of rule + hit_key (10 hex digits) that carries no personal data: what an
// evidence pack prints and what a reviewer can type.
import { createHash } from 'node:crypto';

function encode(v: unknown): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.replace(/[%;=+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The canonical key string of a hit; NULL keys are left out. */
export function hitKey(keys: Readonly<Record<string, unknown>>): string {
  return Object.keys(keys)
    .filter((k) => keys[k] !== null && keys[k] !== undefined)
    .sort()
    .map((k) => {
      const v = keys[k];
      return `${k}=${Array.isArray(v) ? v.map(encode).sort().join('+') : encode(v)}`;
    })
    .join(';');
}

/** The key names of a hit_key (to check it against a rule's declared keys). */
export function hitKeyNames(key: string): string[] {
  return key
    .split(';')
    .filter(Boolean)
    .map((part) => part.split('=')[0]!);
}

export function hitRef(rule: string, key: string): string {
  return createHash('sha256').update(`${rule}\u0000${key}`).digest('hex').slice(0, 10);
}

/** A ref (10 hex digits), as opposed to a hit_key (which always holds a '='). */
export function isRef(s: string): boolean {
  return /^[0-9a-f]{10}$/.test(s);
}
