// Entry point of the post step (dist/post/index.js). It only wires: nothing else runs at import time.
import { runCleanup } from '../post-step.js';

await runCleanup();
