// Words the engine itself shows (not field titles, which come from the schema).
import type { Locale } from './locale.js';

const zh = {
  submit: '提交',
  addRow: '添加一行',
  removeRow: '删除第 {n} 行',
  moveUp: '上移第 {n} 行',
  moveDown: '下移第 {n} 行',
  row: '第 {n} 行',
  actions: '操作',
  choose: '请选择',
  yes: '是',
  no: '否',
  empty: '—',
  noRows: '暂无数据',
  summary: '请修改以下 {n} 处问题后再提交：',
  badSchema: '表单定义有误，无法显示此表单。',
  cspBlocked: '当前页面的内容安全策略（CSP）禁止生成校验代码，无法校验此表单。',
  unsupported: '暂不支持此类字段：{field}',
  requiredMark: '必填',
  formEmpty: '请填写表单',
  organization: '机构',
  definition: '表单定义',
  version: '版本',
  draftTitle: '本地草稿',
  draftFound: '发现 {when} 在本机保存的未提交草稿。',
  draftRestore: '恢复草稿',
  draftDiscard: '丢弃草稿',
  saving: '正在提交…',
  queued: '网络不可用：已在本机保存，联网后将自动提交（不会重复提交）。',
  saved: '已提交，服务器已接受。',
  attach: '添加文件',
  attachPhoto: '添加照片',
  removeFile: '移除 {name}',
  noFiles: '未添加文件',
};

export type UiKey = keyof typeof zh;

const en: Record<UiKey, string> = {
  submit: 'Submit',
  addRow: 'Add a row',
  removeRow: 'Remove row {n}',
  moveUp: 'Move row {n} up',
  moveDown: 'Move row {n} down',
  row: 'Row {n}',
  actions: 'Actions',
  choose: 'Choose…',
  yes: 'Yes',
  no: 'No',
  empty: '—',
  noRows: 'No rows yet',
  summary: 'Fix these {n} problems before submitting:',
  badSchema: 'The form definition is invalid, so this form cannot be shown.',
  cspBlocked: "This page's Content-Security-Policy forbids generating validation code, so this form cannot be validated.",
  unsupported: 'This kind of field is not supported yet: {field}',
  requiredMark: 'required',
  formEmpty: 'Please fill in the form',
  organization: 'Organisation',
  definition: 'Definition',
  version: 'Version',
  draftTitle: 'Local draft',
  draftFound: 'An unsubmitted draft saved on this device at {when} was found.',
  draftRestore: 'Restore draft',
  draftDiscard: 'Discard draft',
  saving: 'Submitting…',
  queued: 'No connection: saved on this device; it will be submitted when you are back online (never twice).',
  saved: 'Submitted; the server accepted it.',
  attach: 'Add files',
  attachPhoto: 'Add photos',
  removeFile: 'Remove {name}',
  noFiles: 'No files added',
};

export function uiText(locale: Locale, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = (locale === 'en' ? en : zh)[key];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
