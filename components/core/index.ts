// azx/form: the form engine. Importing it defines <azx-form>.
export { AzxForm } from './form.js';
export {
  registerRenderer,
  findRenderer,
  rankWith,
  and,
  isType,
  hasFormat,
  hasWidget,
  isEnum,
  NOT_APPLICABLE,
  type Renderer,
  type RendererEntry,
  type Tester,
  type TesterContext,
  type Predicate,
} from './registry.js';
export { fieldShell, displayShell } from './renderers/index.js';
export { fieldId, type FieldContext, type ChildOptions } from './field.js';
export type { JsonSchema } from './schema.js';
export { deref, effectiveSchema } from './conditional.js';
export type { Locale } from './locale.js';
export { compileSchema, loadFormats, type Compiled, type Issue } from './validator.js';
export { checkLogic, logicOf, settle, ruleIssues, loadLogicEvaluator, logicEvaluatorReady, type LogicSpec, type LogicIssue, type Settled } from './logic.js';
export { issueMessage } from './messages.js';
export { isValidUscc, usccCheckChar, usccProblem, USCC_ALPHABET, type UsccProblem } from './uscc.js';
export { isCnMobile, isCnRegion } from './formats.js';
export { X_KEYWORDS } from './vocabulary.js';
export { hostReset } from './host-styles.js';
export type { ServerErrors, ServerFieldError } from './server-errors.js';
export { registerTranslations, loadTranslations, translate, translationKeys, translationLanguages, fallbackChain, type TranslationTable } from './translations.js';
export { isEnglish, localeOf } from './locale.js';
export { TOKENS, token, themeCss, type DesignToken } from './tokens.js';
export { FormAssociated, type FormAssociatedElement, FormControlController, VALID, validityOf, type ControlValidity, type FormControlOptions } from './form-control.js';
export { LocaleController } from './lang-controller.js';
export { formatMoney, formatCount, formatPercent, formatDate, formatDateTime, chinaDay, CHINA_TIME_ZONE } from './format.js';
export { properName, nameLang, withNames } from './proper-name.js';
