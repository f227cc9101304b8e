import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Ledger } from '../../../src/app/index.ts';
import type { ImageState, ImageStatus } from '../../../src/app/image/memoryImage.ts';
import type { TimeTravelState } from '../../../src/app/timetravel/timeTravel.ts';
import { LedgerProvider } from '../../../src/ui/ledger/LedgerContext.tsx';
import { WholeImage } from '../../../src/ui/ledger/WholeImage.tsx';

function render(status: ImageStatus, past?: { pending: string[] }): string {
  const image = createStore<Pick<ImageState, 'status'>>(() => ({ status }));
  const travel = createStore<TimeTravelState>(() => ({
    loading: false,
    ...(past && { past: { seq: 10, states: {}, pending: past.pending } }),
  }));
  const ledger = { image, travel } as unknown as Ledger;
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

  it('waits, viewing the past, until the jump’s later read models have followed it', () => {
    expect(render('ready', { pending: ['outbox', 'reports'] })).toContain('Loading the outbox…');
    expect(render('ready', { pending: [] })).toBe('<p>the messages</p>');
  });
});
