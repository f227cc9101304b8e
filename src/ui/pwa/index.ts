export { OfflineIndicator } from './OfflineIndicator.tsx';
export { StoragePanel, type StoragePanelProps } from './StoragePanel.tsx';
export { UpdatePrompt } from './UpdatePrompt.tsx';
export { usePwa } from './usePwa.ts';
