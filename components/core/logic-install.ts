// `azx/logic`: installs the JSON Logic evaluator up front, so a form with x-rules, x-compute or
// x-visible renders at once instead of fetching it first.
import { logicEvaluator } from './logic-evaluator.js';
import { useLogicEvaluator } from './logic.js';

useLogicEvaluator(logicEvaluator);
