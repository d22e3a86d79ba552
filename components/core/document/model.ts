/**
 * An official document as data, in the parts GB/T 9704-2012 (党政机关公文格式) names: the 版头
 * (issuing body's mark and 发文字号), the title, the 主送机关, the body, the 附件说明, the
 * signature with the 成文日期 and room for the 印章, the 附注, the attachments (each on a page of
 * its own, landscape when wide) and the 版记. An element builds one from its records;
 * `renderDocument` lays it out and `printDocument` prints it alone.
 */
import type { Table } from '../export/table.js';

/**
 * A run of text in a paragraph: words, a figure (a number that a table of the document shows
 * too, under the same key; a test holds them equal), or words in bold.
 */
export type Inline = string | { readonly figure: string; readonly text: string } | { readonly strong: string };

export type Block =
  /** A paragraph: indented two characters, lines back to the margin (`indent: false`: none). */
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[]; readonly indent?: boolean }
  /** A heading of the body with its number (一、 in 黑体, （一） in 楷体, 1. in the body font). */
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  /** A table that fits the portrait page. */
  | { readonly kind: 'table'; readonly table: Table }
  /** A form of labelled values (a notice's facts, a record's fields), with a caption. */
  | { readonly kind: 'fields'; readonly caption?: string; readonly rows: readonly Field[] }
  /** Lines to sign on, side by side (告知人、签收人 with their dates). */
  | { readonly kind: 'sign-lines'; readonly parties: readonly SignParty[] };

export interface Field {
  readonly label: string;
  readonly value: string | readonly Inline[];
}

export interface SignParty {
  /** The party's line (被告知单位签收：); its name when known, else a blank to write on. */
  readonly label: string;
  readonly name?: string;
  /** Lines under it, each a label with a blank (签收人、日期). */
  readonly lines: readonly string[];
}

export interface Attachment {
  /** Named the same in the 附件说明 and over the attachment, as the standard asks. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /** On landscape pages (a table too wide for a portrait page). */
  readonly landscape?: boolean;
}

export interface Signature {
  /** 发文机关署名: the issuing body's name. */
  readonly issuer: string;
  /** 成文日期: a day, YYYY-MM-DD (written 2026年12月7日). */
  readonly date: string;
  /** Room for the 印章 over the name and the date; default true. */
  readonly seal?: boolean;
}

/** 版记: who else receives it (抄送), and who printed it when (印发机关, 印发日期). */
export interface DocumentRecord {
  readonly copyTo?: string;
  readonly printer: string;
  /** YYYY-MM-DD. */
  readonly printed: string;
}

export interface OfficialDocument {
  /** The document's language (a BCP 47 tag); default zh-CN. */
  readonly lang?: string;
  /** 标题. */
  readonly title: string;
  /** The body on landscape pages (a document that is one wide table, such as a ledger). */
  readonly landscape?: boolean;
  /**
   * A form that must fit one page (a 告知书, a record): 4号 body on a tighter grid, which the
   * standard allows for particular cases (its 7.1: "特定情况可以作适当调整"). The seal's room is
   * the same.
   */
  readonly compact?: boolean;
  /**
   * 版头: the issuing body's mark (its name, to which `suffix`, default 文件, is added) in red,
   * the 发文字号 under it and the red rule. Without it the document is letter-like.
   */
  readonly head?: { readonly issuer: string; readonly number: string; readonly suffix?: string };
  /** A number under the title for a document without a 版头 (编号：…). */
  readonly number?: string;
  /** 主送机关, without the closing colon. */
  readonly addressees?: string;
  readonly body: readonly Block[];
  readonly attachments?: readonly Attachment[];
  readonly signature?: Signature;
  /** 附注, in brackets under the 成文日期. */
  readonly note?: string;
  /** Blocks after the signature on the same page (a receipt to sign). */
  readonly after?: readonly Block[];
  readonly record?: DocumentRecord;
}
