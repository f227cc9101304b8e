import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Ledger } from '../../../src/app/index.ts';
import type { ImageState, ImageStatus } from '../../../src/app/image/memoryImage.ts';
import { LedgerProvider } from '../../../src/ui/ledger/LedgerContext.tsx';
import { WholeImage } from '../../../src/ui/ledger/WholeImage.tsx';

function render(status: ImageStatus): string {
  const image = createStore<Pick<ImageState, 'status'>>(() => ({ status }));
  const ledger = { image } as unknown as Ledger;
  return renderToStaticMarkup(
    <LedgerProvider ledger={ledger}>
      <WholeImage what="the outbox">
        <p>the messages</p>
      </WholeImage>
    </LedgerProvider>,
  );
}

describe('a screen that reads the read models loaded after the first screen', () => {
  it('says it is loading while the image is partial, and never renders what would read them', () => {
    const html = render('partial');
    expect(html).toContain('Loading the outbox…');
    expect(html).not.toContain('the messages');
  });

  it('shows once every read model is in', () => {
    expect(render('ready')).toBe('<p>the messages</p>');
  });
});
