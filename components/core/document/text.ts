// The words of a printed document's own parts (the 附件说明, the attachments' labels, the 版记).
import { textTable } from '../text-table.js';
import { zhTW } from './text.zh-TW.js';

const zh = {
  attachments: '附件：',
  attachment: '附件{n}',
  attachmentOne: '附件',
  copyTo: '抄送：',
  printed: '{date}印发',
  seal: '（盖章）',
};

export type DocumentKey = keyof typeof zh;

const en: Record<DocumentKey, string> = {
  attachments: 'Attachments: ',
  attachment: 'Attachment {n}',
  attachmentOne: 'Attachment',
  copyTo: 'Copy to: ',
  printed: 'Printed {date}',
  seal: '(seal)',
};

export const documentText = textTable('document', { 'zh-CN': zh, en, 'zh-TW': zhTW });
