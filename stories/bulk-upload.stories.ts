import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MemoryStore, provideStore, type BulkKind, type BulkResult, type BulkUploadOptions } from '../components/data/index.js';
import '../components/bulk-upload/index.js';

/** A store without a server whose upload goes up in ten steps and answers with refused and flagged rows. */
class StoryStore extends MemoryStore {
  override async bulkUpload(_kind: BulkKind, file: Blob, o: BulkUploadOptions = {}): Promise<BulkResult> {
    for (let i = 1; i <= 10; i++) {
      await new Promise((r) => setTimeout(r, 150));
      o.onProgress?.((file.size * i) / 10, file.size);
    }
    await new Promise((r) => setTimeout(r, 600));
    const err = (zh: string, en: string, code: string) => ({ code, message: zh, message_zh: zh, message_en: en });
    return {
      created: 47,
      unchanged: 0,
      failed_count: 1,
      flagged_count: 1,
      complete: true,
      results: '',
      mode: o.mode ?? 'entry',
      encoding: 'gb18030',
      failed: [{ row: 12, key: 'PICC-320500-2024-000112', errors: { premium: err('须大于 0', 'Must be greater than 0', 'schema_exclusive_minimum') } }],
      flagged: [
        {
          row: 31,
          key: 'PICC-320500-2024-000131',
          rules: [{ code: 'not_fully_insured', path: 'insured_persons', source: '苏应急〔2024〕132号', source_en: 'Su Emergency [2024] No. 132', message_zh: '投保人数少于企业从业人员数', message_en: 'Fewer insured than the enterprise employs' }],
        },
      ],
    };
  }
}

function mount({ lang = 'zh-CN', mode = 'import' as 'import' | 'entry' } = {}) {
  const host = document.createElement('div');
  provideStore(host, new StoryStore());
  const el = document.createElement('azx-bulk-upload');
  el.lang = lang;
  el.mode = mode;
  host.append(el);
  return host;
}

const meta: Meta = {
  title: 'Elements/azx-bulk-upload',
  component: 'azx-bulk-upload',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '批量上传保单或企业名录（CSV（UTF-8 或 GBK）、XLSX、JSON）：上传进度、逐行结果（中英文）、下载拒收和标记行（XLSX），连接中断后续传不重复存储。选择任意文件试用。Bulk upload with progress, per-row results, an XLSX of refused and flagged rows, and resumption; choose any file to try it.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Import: Story = { name: '历史数据导入 Import', render: () => mount() };
export const Entry: Story = { name: '批量录入 Bulk entry', render: () => mount({ mode: 'entry' }) };
export const English: Story = { name: 'English', render: () => mount({ lang: 'en' }) };
