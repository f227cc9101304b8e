/** The bench page: the app's real modules, driven by bench/run.ts through window.rewindBench. */
import { baselines } from './baselines.ts';
import { commands } from './commands.ts';
import { exportLog, importLog } from './files.ts';
import type { BenchApi } from './protocol.ts';
import { fullReplay, holdSnapshot, keyframes, snapshots, timeTravel, whatIf } from './replay.ts';
import { seed } from './seed.ts';

const api: BenchApi = { seed, baselines, fullReplay, keyframes, snapshots, holdSnapshot, timeTravel, whatIf, exportLog, importLog, commands };
window.rewindBench = api;
document.title = 'Rewind bench: ready';
