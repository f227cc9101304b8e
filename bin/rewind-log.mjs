#!/usr/bin/env node
// `rewind-log verify FILE`: checks a Rewind log file with the app's own reader
// (src/files/reader.ts), run through tsx's loader so there is one reader, not two.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./verifyCommand.ts');
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
