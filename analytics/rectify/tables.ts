// The ledger tables index-system and rule SQL may read besides the canonical tables (the
// rectification indicators of the default index read them). Kept apart so the index validator
// does not load the rest of the module.
export const INDEX_READABLE_TABLES = ['rectify_item', 'rectify_check'] as const;
