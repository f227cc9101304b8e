/** The bench page: the app's real modules, driven by bench/run.ts through window.rewindBench. */
import { baselineNaive, baselinePacked, baselineRows } from './baselines.ts';
import { closeLedgers, commands } from './commands.ts';
import { exportLog, importLog, verifyLog } from './files.ts';
import type { BenchApi } from './protocol.ts';
import { fullReplay, holdSnapshot, keyframes, snapshots, timeTravel, whatIf } from './replay.ts';
import { seed } from './seed.ts';
import { upcastReplay } from './upcastReplay.ts';

const api: BenchApi = {
  seed,
  baselineRows,
  baselinePacked,
  baselineNaive,
  fullReplay,
  upcastReplay,
  keyframes,
  snapshots,
  holdSnapshot,
  timeTravel,
  whatIf,
  exportLog,
  verifyLog,
  importLog,
  commands,
  closeLedgers,
};
window.rewindBench = api;
document.title = 'Rewind bench: ready';
