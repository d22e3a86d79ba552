/** Errors every Store implementation rejects with, in both languages the UI speaks. */

/** One refused field: a code for programs, messages for people. */
export interface FieldError {
  readonly code: string;
  /** In the language the request asked for (zh-CN by default). */
  readonly message: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/**
 * Refused fields by path: `data.<path>` for a property inside the record (dots into nested
 * objects, numbers into arrays), the column name for a column, e.g. `correction_reason`.
 */
export type FieldErrors = Readonly<Record<string, FieldError>>;

export type StoreErrorCode =
  /** The record (or request) was refused; see `fieldErrors`. */
  | 'validation'
  /** Wrong email or password. */
  | 'auth_failed'
  /** The request needs a signed-in party. */
  | 'unauthenticated'
  /** The party may not do this. */
  | 'forbidden'
  /** It does not exist, or the party may not see it. */
  | 'not_found'
  /** The server could not be reached. */
  | 'network'
  | 'unknown';

interface StoreErrorInit {
  readonly code: StoreErrorCode;
  readonly status: number;
  readonly message_zh: string;
  readonly message_en: string;
  readonly fieldErrors?: FieldErrors;
  readonly cause?: unknown;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** The HTTP status, or 0 when the server was not reached. */
  readonly status: number;
  readonly message_zh: string;
  readonly message_en: string;
  readonly fieldErrors: FieldErrors;

  constructor(init: StoreErrorInit) {
    // `message` stays readable in logs whichever language the UI shows.
    super(`${init.message_zh} / ${init.message_en}`, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.message_zh = init.message_zh;
    this.message_en = init.message_en;
    this.fieldErrors = init.fieldErrors ?? {};
  }
}

/** True for a StoreError, also one thrown by another copy of this module. */
export function isStoreError(err: unknown): err is StoreError {
  return err instanceof StoreError || (err instanceof Error && err.name === 'StoreError' && 'fieldErrors' in err);
}

/** Default messages per code, for errors the server does not describe itself. */
export const CODE_MESSAGES: Readonly<Record<StoreErrorCode, readonly [zh: string, en: string]>> = {
  validation: ['记录未通过校验', 'The record failed validation.'],
  auth_failed: ['邮箱或密码不正确', 'The email or password is incorrect.'],
  unauthenticated: ['请先登录', 'Please sign in first.'],
  forbidden: ['无权执行此操作', 'You are not allowed to do this.'],
  not_found: ['记录不存在或无权查看', 'The record does not exist or you may not see it.'],
  network: ['无法连接服务器', 'The server could not be reached.'],
  unknown: ['服务器出错，请稍后重试', 'The server failed; please try again later.'],
};

export function storeError(
  code: StoreErrorCode,
  status: number,
  fieldErrors?: FieldErrors,
  cause?: unknown,
): StoreError {
  const [zh, en] = CODE_MESSAGES[code];
  return new StoreError({ code, status, message_zh: zh, message_en: en, fieldErrors, cause });
}

/** A field error from a code and both messages; `lang` picks `message`. */
export function fieldError(code: string, zh: string, en: string, lang: 'zh' | 'en' = 'zh'): FieldError {
  return { code, message: lang === 'en' ? en : zh, message_zh: zh, message_en: en };
}
