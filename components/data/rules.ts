// azx/rules: a record judged by rule packs with JSON Logic, as the server judges it (rule-set.ts).
// Its own entry point, apart from azx/form: a form does not need it (issue 15's size target).
export { judge, evaluateLogic, type JudgedRuleSet, type RuleContext, type RuleProblem, type RuleVerdict } from './rule-set.js';
