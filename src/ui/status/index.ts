/** App-level status: storage trouble and other tabs' changes (StatusBanner), and the way out of a damaged log (DamagedLogExport). */
export { StatusBanner } from './StatusBanner.tsx';
export { DamagedLogExport } from './DamagedLogExport.tsx';
export { statusText, type StatusText } from './statusText.ts';
