/**
 * Rewind files: export and import the event log (docs/file-format.md).
 * What the UI calls; everything else in this folder serves these.
 */
export { exportLog, exportEvents, suggestedFileName } from './exportLog.ts';
export type { ExportOptions, ExportProgress, LogExport } from './exportLog.ts';
export { exportLogToFile } from './exportToFile.ts';
export { chooseSaveTarget } from './saveFile.ts';
export type { SaveTarget } from './saveFile.ts';
export { importLog } from './importLog.ts';
export type { ImportMode, ImportOptions, ImportProgress, ImportResult } from './importLog.ts';
export { describeBackup, restoreBackup, discardBackup } from './backup.ts';
export type { BackupInfo } from './backup.ts';
export { readLogFile, verifyLogFile } from './reader.ts';
export type { BatchInfo, ByteSource, LogFileSummary, ReadLogOptions, ReadProgress } from './reader.ts';
export { LogFileError, MergeConflictError } from './errors.ts';
export type { LogFileErrorCode, LogFileWarning, LogFileWarningCode, StreamConflict } from './errors.ts';
export { FORMAT_NAME, FORMAT_VERSION, FILE_EXTENSION, MEDIA_TYPE } from './format.ts';
export type { LogFileHeader, LogSelection } from './format.ts';
export { onLogReplaced, LogReplacedError } from '../eventstore/index.ts';
export type { LogReplacedInfo } from '../eventstore/index.ts';
