import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { MemoryImage } from '../../app/index.ts';
import { BootFailure } from './BootFailure.tsx';
import { CodeNotLoadedError } from './codeNotLoaded.ts';
import { BootProgress } from './BootProgress.tsx';

/**
 * What shows before the screens can: opening the database, replaying the log into the memory image (with
 * progress), or why that failed.
 */
export function BootScreen({ image, error, children }: { image?: MemoryImage; error?: unknown; children?: ReactNode }) {
  if (error !== undefined)
    return <BootFailure message={error instanceof Error ? error.message : String(error)} opening={error instanceof CodeNotLoadedError ? 'code' : 'database'} />;
  if (!image) return <BootProgress />;
  return <ImageBoot image={image}>{children}</ImageBoot>;
}

function ImageBoot({ image, children }: { image: MemoryImage; children?: ReactNode }) {
  const status = useStore(image, (s) => s.status);
  const progress = useStore(image, (s) => s.progress);
  const error = useStore(image, (s) => s.error);
  if (status === 'failed')
    return (
      <BootFailure message={error?.message ?? 'The replay stopped.'} seq={error?.seq}>
        {children}
      </BootFailure>
    );
  return <BootProgress done={progress.done} total={progress.total} />;
}
