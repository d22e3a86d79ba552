// The JSON Logic evaluator of x-rules, x-compute and x-visible: json-logic-js with AZX's
// operations. It imports nothing of logic.ts, so a bundle keeps it a chunk of its own that a form
// fetches the first time a schema has logic (logic.ts loadLogicEvaluator); a page that wants it
// without the wait imports `azx/logic` (logic-install.ts).
import jsonLogic from 'json-logic-js';
import { installOperations } from './logic-operations.js';
import type { LogicEvaluator } from './logic.js';

installOperations(jsonLogic);

export const logicEvaluator: LogicEvaluator = {
  apply: (logic, data) => jsonLogic.apply(logic, data),
  truthy: (value) => jsonLogic.truthy(value),
};
