/**
 * 隐患整改告知书: the written notice of a hazard (DOMAIN.md: "notified in writing to the
 * enterprise"; Beijing: to its principal), generated from the record. Printed on A4 through the
 * element's print stylesheet.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StoredRecord } from '../data/store.js';

export interface NoticeParties {
  /** The notifying organization (the hazard's provider, else its insurer). */
  readonly from: string;
  readonly enterprise: string;
}

/** The major-hazard determination standards by the hazard definition's standard_id. */
export const CRITERIA: Readonly<Record<string, string>> = {
  HG2017: '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》',
  YH2017: '《烟花爆竹生产经营单位重大生产安全事故隐患判定标准》',
  GM2023: '《工贸企业重大事故隐患判定标准》',
  MK2020: '《金属非金属矿山重大事故隐患判定标准》',
  JZ2024: '《房屋市政工程生产安全重大事故隐患判定标准》',
};

const CATEGORY: Readonly<Record<string, string>> = {
  unsafe_act: '人的不安全行为', unsafe_condition: '物的不安全状态', management: '管理缺陷', environment: '环境因素',
};

function chinaDate(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  if (!s) return '____年__月__日';
  const ms = Date.parse(s.includes('T') || s.includes(' ') ? s.replace(' ', 'T') : `${s}T00:00:00Z`);
  if (Number.isNaN(ms)) return s;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(ms) : new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function noticeNumber(hazardNo: string): string {
  return `${hazardNo || '—'}-TZ`;
}

export function renderNotice(h: StoredRecord, parties: NoticeParties): TemplateResult {
  const d = h.data as Record<string, unknown>;
  const major = d['is_major'] === true;
  const criterion = (d['major_criterion'] ?? {}) as Record<string, string>;
  const rectifier = (d['rectifier'] ?? {}) as Record<string, string>;
  const deadline = chinaDate(d['deadline']);
  return html`<article class="notice" part="notice" aria-label="隐患整改告知书">
    <h2 class="notice-title" id="notice-title">事故隐患整改告知书</h2>
    <p class="notice-no">编号：${noticeNumber(String(d['hazard_no'] ?? ''))}</p>
    <p class="notice-to"><span class="blank">${parties.enterprise || '__________'}</span>（主要负责人）：</p>
    <p>
      ${chinaDate(d['found_at'])}，我单位在为你单位提供安全生产事故预防服务（隐患排查）时，在
      <strong>${String(d['location'] ?? '')}</strong>发现下列${major ? html`<strong>重大事故隐患</strong>` : '事故隐患'}，现书面告知如下：
    </p>
    <table class="notice-table">
      <tbody>
        <tr><th scope="row">隐患描述</th><td>${String(d['description'] ?? '')}</td></tr>
        <tr><th scope="row">隐患类别</th><td>${CATEGORY[String(d['category'])] ?? ''}${major ? '（重大事故隐患）' : '（一般隐患）'}</td></tr>
        ${d['basis'] ? html`<tr><th scope="row">检查依据</th><td>${String(d['basis'])}</td></tr>` : nothing}
        ${major
          ? html`<tr><th scope="row">判定依据</th><td>${CRITERIA[criterion['standard_id'] ?? ''] ?? ''}${criterion['item'] ?? ''}${criterion['title'] ? `：${criterion['title']}` : ''}</td></tr>`
          : nothing}
        <tr><th scope="row">整改建议</th><td>${String(d['recommendation'] ?? '')}</td></tr>
        <tr><th scope="row">整改责任人</th><td>${rectifier['name'] ?? ''}${rectifier['mobile'] ? `（${rectifier['mobile']}）` : ''}</td></tr>
        <tr><th scope="row">整改期限</th><td>${deadline}前</td></tr>
      </tbody>
    </table>
    <p>
      请你单位按照《中华人民共和国安全生产法》的规定，落实整改责任、措施、资金、时限和预案，于<strong>${deadline}</strong>前完成整改，
      并将整改情况及证明材料（整改前后照片、整改报告）反馈我单位，我单位将进行复查（回头看）。
      ${major ? '重大事故隐患逾期未整改或拒不整改的，我单位将立即报告属地应急管理部门和行业主管部门。' : ''}
    </p>
    <div class="notice-sign">
      <div>
        <p>告知单位（盖章）：${parties.from}</p>
        <p>告知人：__________　日期：____年__月__日</p>
      </div>
      <div>
        <p>被告知单位签收：__________</p>
        <p>签收人：__________　日期：____年__月__日</p>
      </div>
    </div>
    <p class="notice-foot">本告知书一式两份，告知单位与被告知单位各执一份。</p>
  </article>`;
}
