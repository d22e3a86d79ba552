// <azx-form> on a page that allows eval and installs Ajv's run-time compiler (azx/ajv).
import '../../components/core/index.js';
import '../../components/core/ajv.js';
