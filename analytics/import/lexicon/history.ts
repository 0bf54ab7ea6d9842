// The recognition lexicon, part 4: the columns data-sharing and synchronisation platforms add to a
// record of their own — whether the source system deleted or voided it, and which version of the
// record a row is. Written from general knowledge of such exports (交换库/共享库/中间表 tables,
// change-data-capture logs, the soft-delete flags of Java ORMs and MySQL schemas: is_deleted,
// del_flag, gmt_modified), never from the test sets. Headers are compared as historyHeaderKey
// writes them: lower case, without spaces, underscores, hyphens and brackets' contents.

/**
 * How a deletion marker's values are read:
 * - flag: a yes/no "deleted" (删除标记 1, is_deleted true) — yes is deleted;
 * - valid: a yes/no "valid" (有效标志 0, 是否有效 否) — no is deleted;
 * - status: a record status in words (数据状态 有效/作废/已删除);
 * - operation: a change log's operation (操作类型 新增/修改/删除, cd_operation I/U/D).
 */
export type MarkerKind = 'flag' | 'valid' | 'status' | 'operation';

/** Header → how its values read. */
export const MARKER_HEADERS: Readonly<Record<MarkerKind, readonly string[]>> = {
  flag: [
    '删除标记', '删除标志', '删除标识', '是否删除', '是否已删除', '已删除', '删除', '逻辑删除', '逻辑删除标记', '删除状态',
    '作废标记', '作废标志', '作废标识', '是否作废', '是否已作废', '作废状态',
    'isdeleted', 'isdelete', 'isdel', 'deleted', 'delete', 'delflag', 'deleteflag', 'deletedflag', 'delmark', 'deletemark', 'delstatus',
    'deletestatus', 'removed', 'isremoved', 'isvoid', 'voided', 'voidflag', 'invalidflag', 'isinvalid',
  ],
  // (not the pinyin initials sfsc / sczt / scbz / scbj: as often 是否上传 / 上传状态 / 上传标志 — a
  // record sent up to the provincial platform, 1 on most rows — as 是否删除; probe 16 lost 5 of 6
  // cases of an export whose sfsc was 是否上传)
  // (not 是否启用 / enabled / active: a unit or an account switched off is a record still — a unit
  // list's 是否启用 否 is a unit no longer in use, acceptance set 4; nor 是否有效 / is_valid / sfyx,
  // nor 是否注销 / 注销标记: a permit or a certificate no longer in force, or a permit cancelled, is a
  // record the evaluation counts — 持证上岗率 is about exactly such certificates)
  valid: ['有效标志', '有效标识', '有效标记', '数据有效性', '数据是否有效', '记录是否有效', 'validflag', 'yxbz'],
  // (not 有效状态 alone: a permit's or a certificate's own state — 有效/失效/注销 — probe 16)
  status: [
    '数据状态', '记录状态', '数据记录状态', '数据有效状态', '数据标志', '数据标识', '数据有效标志', '记录标志',
    'datastatus', 'datastate', 'recordstatus', 'recordstate', 'recstatus', 'rowstatus', 'sjzt', 'jlzt',
  ],
  operation: [
    '操作类型', '操作标识', '操作标志', '操作标记', '操作方式', '变更类型', '变更标识', '变更标志', '增量标识', '增量标志', '增量类型',
    '数据操作类型', '同步操作类型', '同步标识', '同步类型', '数据变更类型',
    'cdoperation', 'operation', 'operationtype', 'optype', 'opflag', 'op', 'opcode', 'operationflag', 'opertype', 'dmltype', 'dmlflag',
    'changetype', 'cdctype', 'cdcop', 'synctype', 'syncflag', 'actiontype', 'rowkind', 'czlx', 'czbz',
  ],
};

/** Values (upper case) a marker of each kind writes for a live record and for a deleted or void one.
 *  A column whose sampled values are not all among them is no marker. */
const YES = ['1', '是', 'Y', 'YES', 'T', 'TRUE', '√'];
const NO = ['0', '否', 'N', 'NO', 'F', 'FALSE', '×'];
/** What ended the thing a record describes — a unit abolished, an officer's registration or a permit
 *  cancelled, a certificate lapsed — not its record: such a record is one the evaluation counts
 *  (a unit's earlier cases, 持证上岗率, permits issued). Known (so the column can still be a marker
 *  for its 作废/已删除 rows) and live (probe 16: 数据状态 注销 took an abolished unit and two officers
 *  out of their lists). */
const ENDED = ['注销', '已注销', '失效', '已失效', '过期', '已过期', '吊销', '已吊销', '撤销', '已撤销'];
export const MARKER_VALUES: Readonly<Record<MarkerKind, { deleted: readonly string[]; live: readonly string[] }>> = {
  flag: { deleted: [...YES, '已删除', '删除', '已作废', '作废', 'D', 'DELETED'], live: [...NO, '未删除', '正常', '有效', '未作废', '未注销'] },
  valid: { deleted: [...NO, '无效', '作废', '已作废', '已删除', '删除'], live: [...YES, '有效', '正常', ...ENDED] },
  status: {
    deleted: ['作废', '已作废', '删除', '已删除', '无效', '逻辑删除', 'D', 'DELETED', 'INVALID', 'VOID'],
    live: ['有效', '正常', '在用', '启用', '新增', '修改', '更新', '变更', '正式', '当前', 'VALID', 'NORMAL', 'ACTIVE', 'A', 'I', 'U', ...ENDED],
  },
  operation: {
    deleted: ['D', 'DEL', 'DELETE', 'DELETED', '删除', '已删除', '作废'],
    live: ['I', 'U', 'A', 'C', 'M', 'INSERT', 'UPDATE', 'ADD', 'CREATE', 'MODIFY', 'UPSERT', 'R', 'REPLACE', 'SNAPSHOT', '新增', '增加', '修改', '更新', '变更', '插入', '全量'],
  },
};

/** Headers of a record's version number (版本号 1, 2, 3…). */
export const VERSION_HEADERS: readonly string[] = [
  '版本号', '数据版本', '数据版本号', '记录版本', '记录版本号', '版本', '版次', '版本序号', '修订版本', '修订次数', '更新次数', '变更次数',
  'version', 'versionno', 'versionnum', 'versionnumber', 'ver', 'datavesion', 'dataversion', 'dataver', 'recversion', 'rowversion', 'revision', 'rev',
  'bbh', 'sjbb',
];

/** Headers of the time a record was last changed, most telling first: a column later in the list
 *  is taken only when none before it is there (a change time before a synchronisation time). */
export const UPDATE_TIME_HEADERS: readonly string[] = [
  '更新时间', '最后更新时间', '最近更新时间', '数据更新时间', '记录更新时间', '修改时间', '最后修改时间', '最近修改时间', '数据修改时间', '变更时间', '数据变更时间',
  '操作时间', '更新日期', '修改日期', '最后更新日期', '更新时间戳', '时间戳',
  'updatetime', 'updatedtime', 'updatedat', 'updateat', 'updatedate', 'updatedon', 'lastupdatetime', 'lastupdated', 'lastmodified', 'lastmodifiedtime',
  'modifytime', 'modifiedtime', 'modifiedat', 'modifydate', 'gmtmodified', 'gmtupdate', 'mtime', 'utime', 'cdtime', 'optime', 'operationtime', 'changetime',
  'timestamp', 'ts', 'gxsj', 'xgsj',
  // a synchronisation's time: when the platform copied the record, the latest copy the newest
  '同步时间', '数据同步时间', '最后同步时间', '交换时间', '入库时间', '抽取时间',
  'synctime', 'synctimestamp', 'tongtime', 'etltime', 'loadtime', 'dwdtime', 'tbsj', 'rksj',
];

/** Headers of the period a row of a 拉链表 (a data warehouse's zipper history table) is the record's
 *  version for: its start, and its end — 9999-12-31 (or 9999-99-99, or empty) while the version is
 *  current. Only names that say the period is the row's or the record's own (start_dt, 拉链开始日期,
 *  记录生效日期), never a thing's validity (有效期至, 生效日期, valid_to, 开始日期: a permit's or a
 *  plan's dates are business data). Both are needed: a start alone, or an end alone, is none. */
export const VALIDITY_START_HEADERS: readonly string[] = [
  'startdt', 'begindt', 'dwstartdt', 'dwstartdate', 'dwbegindt', 'dwbegindate', 'rowstartdt', 'rowstartdate', 'roweffectivedate', 'roweffdt',
  'hisstartdt', 'hisstartdate', 'zipstartdt', 'zipstartdate', 'chainstartdt', 'chainstartdate',
  '拉链开始日期', '拉链开始时间', '拉链起始日期', '拉链起始时间', '开链日期', '开链时间', '记录生效日期', '记录生效时间', '记录开始日期', '记录开始时间',
  '数据生效日期', '数据生效时间', '版本生效日期', '版本生效时间', '版本开始日期', '版本开始时间', '版本起始日期', '版本起始时间',
];
export const VALIDITY_END_HEADERS: readonly string[] = [
  'enddt', 'dwenddt', 'dwenddate', 'rowenddt', 'rowenddate', 'rowexpirationdate', 'rowexpdt',
  'hisenddt', 'hisenddate', 'zipenddt', 'zipenddate', 'chainenddt', 'chainenddate',
  '拉链结束日期', '拉链结束时间', '拉链截止日期', '拉链截止时间', '闭链日期', '闭链时间', '记录失效日期', '记录失效时间', '记录结束日期', '记录结束时间',
  '数据失效日期', '数据失效时间', '版本失效日期', '版本失效时间', '版本结束日期', '版本结束时间', '版本截止日期', '版本截止时间',
];
