// Names the columns a server error can concern outside the record's data (the form shows the
// errors inside data by their fields).
import { isEnglish, type Locale } from '../core/locale.js';

const COLUMNS: Record<string, [string, string]> = {
  provider: ['服务机构', 'Service provider'],
  policy: ['保单', 'Policy'],
  evidence: ['证据材料', 'Evidence'],
  id: ['提交编号', 'Submission key'],
  correction_reason: ['更正原因', 'Correction reason'],
};

export function labelOfColumn(path: string, locale: Locale): string {
  const column = COLUMNS[path];
  return column ? column[isEnglish(locale) ? 1 : 0] : path;
}
