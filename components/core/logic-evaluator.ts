// The JSON Logic evaluator of x-rules, x-compute and x-visible: json-logic-js with AZX's
// operations. Importing this module installs it (logic.ts useLogicEvaluator); a form fetches it
// the first time a schema has logic, and a page that wants it without the wait imports `azx/logic`.
import jsonLogic from 'json-logic-js';
import { installOperations } from './logic-operations.js';
import { useLogicEvaluator } from './logic.js';

installOperations(jsonLogic);
useLogicEvaluator({
  apply: (logic, data) => jsonLogic.apply(logic, data),
  truthy: (value) => jsonLogic.truthy(value),
});
