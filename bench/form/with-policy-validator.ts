// <azx-form> with the validator Ajv generated ahead of time for the built-in policy definition,
// and the JSON Logic evaluator of its rules loaded up front (azx/logic), so both are counted.
import '../../components/core/index.js';
import '../../components/core/logic-install.js';
import '../../components/validators/policy.js';
