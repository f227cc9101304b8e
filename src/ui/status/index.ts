/** App-level status: storage trouble and other tabs' changes (StatusBanner). DamagedLogExport.tsx, the way out of a damaged log, is loaded on demand by App.tsx. */
export { StatusBanner } from './StatusBanner.tsx';
export { statusText, type StatusText } from './statusText.ts';
