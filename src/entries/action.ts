// Entry point of the bundled action (dist/index.js). It only wires: nothing else runs at import time.
import { run } from '../main.js';

await run();
