// Runs before each end-to-end test file: every run of dist/ that names no Node runs on the
// action's runtime (runtimes.ts), not on the Node running the tests.
import { ACTION_NODE_VARIABLE } from '../support/run-action.js';
import { ACTION_RUNTIME } from './runtimes.js';

process.env[ACTION_NODE_VARIABLE] = ACTION_RUNTIME.node;
