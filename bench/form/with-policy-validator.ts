// <azx-form> with the validator Ajv generated ahead of time for the built-in policy definition.
import '../../components/core/index.js';
import '../../components/validators/policy.js';
