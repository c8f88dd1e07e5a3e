// Entry point of the git credential helper (dist/git-credential-helper/index.js), which git runs as
// `node index.js --hub-url … <get|store|erase>`. It only wires: nothing else runs at import time.
import { runCredentialHelper } from '../git/helper.js';

await runCredentialHelper();
