/**
 * Rewind files: export and import the event log (docs/file-format.md).
 * What the UI calls; everything else in this folder serves these.
 *
 * Reading files (import, merge, restore, opening a scenario file) is loaded on
 * first use: screens on the boot path import this module for export, and a
 * module re-exported here statically would land in the boot bundle with it.
 */
import type * as Backup from './backup.ts';
import type * as Erase from './eraseLog.ts';
import type * as Import from './importLog.ts';
import type * as Reader from './reader.ts';

export { exportLog, exportEvents, suggestedFileName } from './exportLog.ts';
export type { ExportOptions, ExportProgress, LogExport } from './exportLog.ts';
export { exportLogToFile } from './exportToFile.ts';
export { chooseSaveTarget } from './saveFile.ts';
export type { SaveTarget } from './saveFile.ts';
export type { ImportMode, ImportOptions, ImportProgress, ImportResult } from './importLog.ts';
export type { BackupInfo } from './backup.ts';
export type { BatchInfo, ByteSource, LogFileSummary, NewerEventKind, NewerEvents, ReadLogOptions, ReadProgress } from './reader.ts';
export { LogFileError, MergeConflictError } from './errors.ts';
export type { LogFileErrorCode, LogFileWarning, LogFileWarningCode, StreamConflict } from './errors.ts';
export { FORMAT_NAME, FORMAT_VERSION, FILE_EXTENSION, MEDIA_TYPE } from './format.ts';
export type { LogFileHeader, LogSelection } from './format.ts';
export { onLogReplaced, LogReplacedError } from '../eventstore/index.ts';
export type { LogReplacedInfo } from '../eventstore/index.ts';

export const importLog: typeof Import.importLog = async (...args) => (await import('./importLog.ts')).importLog(...args);
export const readLogFile: typeof Reader.readLogFile = async (...args) => (await import('./reader.ts')).readLogFile(...args);
export const verifyLogFile: typeof Reader.verifyLogFile = async (...args) => (await import('./reader.ts')).verifyLogFile(...args);
export const describeBackup: typeof Backup.describeBackup = async (...args) => (await import('./backup.ts')).describeBackup(...args);
export const restoreBackup: typeof Backup.restoreBackup = async (...args) => (await import('./backup.ts')).restoreBackup(...args);
export const discardBackup: typeof Backup.discardBackup = async (...args) => (await import('./backup.ts')).discardBackup(...args);
export const eraseLog: typeof Erase.eraseLog = async (...args) => (await import('./eraseLog.ts')).eraseLog(...args);
