// Migration 9: the workspace's identity and the secret its rectification feedback forms are signed
// with (整改反馈表: the hidden marker sheet carries an HMAC-SHA256 over the workspace id, the unit,
// the period, the export time and the items of the form). Both made once, here, from node:crypto's
// generator, and kept in tijian_meta; a copy of the workspace file keeps them. A form without a
// valid signature is refused on import (a form made before this version included: it has none).
import { randomBytes, randomUUID } from 'node:crypto';

export function v009(): string {
  return `
INSERT INTO tijian_meta VALUES ('workspace_id', '${randomUUID()}') ON CONFLICT DO NOTHING;
INSERT INTO tijian_meta VALUES ('rectify_form_key', '${randomBytes(32).toString('hex')}') ON CONFLICT DO NOTHING;
`;
}
