import { isEnglish, type Locale } from '../core/locale.js';
import { textTable } from '../core/text-table.js';
import { zhTW } from './text.zh-TW.js';

const zh = {
  title: '安责险覆盖情况',
  mapView: '地图',
  tableView: '表格',
  metric: '指标',
  industry: '行业',
  allIndustries: '全部行业',
  from: '起始日期',
  to: '截止日期',
  apply: '查询',
  up: '返回上级',
  region: '地区',
  total: '合计',
  legend: '图例',
  noData: '无数据',
  loading: '正在加载…',
  exportCsv: '导出 CSV',
  records: '{region} · {metric}：共 {n} 条',
  recordsOf: '明细',
  closeRecords: '关闭明细',
  more: '加载更多',
  enterprise: '企业',
  uscc: '统一社会信用代码',
  policyNo: '保单号',
  insurer: '保险机构',
  status: '状态',
  headcount: '职工人数',
  deadline: '整改期限',
  mapHelp: '方向键在地区间移动，回车查看下级或明细，Backspace 返回上级。',
  mapLabel: '{region}各{level}{metric}',
  tileLabel: '{name}：{metric} {value}',
  province: '省',
  city: '市',
  county: '县（市、区）',
  openList: '查看 {region}{metric}明细',
  errorLoad: '无法加载统计数据：{message}',
  period: '统计期间',
  whole: '当前',
};

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  title: 'Work-safety liability insurance coverage',
  mapView: 'Map',
  tableView: 'Table',
  metric: 'Figure',
  industry: 'Industry',
  allIndustries: 'All industries',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  up: 'Up one level',
  region: 'Region',
  total: 'Total',
  legend: 'Legend',
  noData: 'No data',
  loading: 'Loading…',
  exportCsv: 'Export CSV',
  records: '{region} · {metric}: {n} records',
  recordsOf: 'Records',
  closeRecords: 'Close the records',
  more: 'Load more',
  enterprise: 'Enterprise',
  uscc: 'USCC',
  policyNo: 'Policy no.',
  insurer: 'Insurer',
  status: 'Status',
  headcount: 'Headcount',
  deadline: 'Deadline',
  mapHelp: 'Arrow keys move between regions, Enter opens the level below or the records, Backspace goes up.',
  mapLabel: '{metric} by {level} in {region}',
  tileLabel: '{name}: {metric} {value}',
  province: 'province',
  city: 'city',
  county: 'county',
  openList: 'Records of {metric} in {region}',
  errorLoad: 'The figures could not be loaded: {message}',
  period: 'Period',
  whole: 'Now',
};

export const t = textTable('coverage-map', { 'zh-CN': zh, en, 'zh-TW': zhTW });

/** Industry codes of the registry with their names (the portal may pass its own list). */
export const INDUSTRIES: readonly { code: string; zh: string; en: string }[] = [
  { code: 'coal_mining', zh: '煤矿', en: 'Coal mining' },
  { code: 'non_coal_mining', zh: '非煤矿山', en: 'Non-coal mining' },
  { code: 'hazardous_chemicals', zh: '危险化学品', en: 'Hazardous chemicals' },
  { code: 'fireworks', zh: '烟花爆竹', en: 'Fireworks' },
  { code: 'transport', zh: '交通运输', en: 'Transport' },
  { code: 'construction', zh: '建筑施工', en: 'Construction' },
  { code: 'civil_explosives', zh: '民用爆炸物品', en: 'Civil explosives' },
  { code: 'metal_smelting', zh: '金属冶炼', en: 'Metal smelting' },
  { code: 'fishing', zh: '渔业生产', en: 'Fishing' },
  { code: 'fuel_station', zh: '加油站', en: 'Fuel stations' },
  { code: 'pharmaceutical', zh: '医药', en: 'Pharmaceuticals' },
  { code: 'hazchem_user', zh: '使用危化品的其他重点企业', en: 'Other key users of hazardous chemicals' },
  { code: 'combustible_dust', zh: '粉尘涉爆', en: 'Combustible dust' },
];

export function industryName(code: string, locale: Locale): string {
  const i = INDUSTRIES.find((x) => x.code === code);
  return i ? (isEnglish(locale) ? i.en : i.zh) : code;
}
