import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { StoreHealth } from '../../../src/eventstore/index.ts';
import type { Ledger } from '../../../src/app/index.ts';
import { LedgerProvider } from '../../../src/ui/ledger/LedgerContext.tsx';
import { DamagedLogExport } from '../../../src/ui/status/DamagedLogExport.tsx';
import { StatusBanner } from '../../../src/ui/status/index.ts';

function render(health: StoreHealth, element = <StatusBanner />): string {
  const ledger = { health: createStore<StoreHealth>(() => health) } as unknown as Ledger;
  return renderToStaticMarkup(<LedgerProvider ledger={ledger}>{element}</LedgerProvider>);
}

describe('the status banner', () => {
  it('shows nothing while the log can be saved to', () => {
    expect(render({ state: 'ok' })).toBe('');
    expect(render({ state: 'closed' })).toBe('');
  });

  it.each([
    [{ state: 'newer-version' }, 'A newer version is open', 'Reload'],
    [{ state: 'replaced', here: false }, 'The log was replaced in another tab', 'Reload'],
    [{ state: 'replaced', here: true }, 'The log was replaced', 'Reload'],
    [{ state: 'unavailable' }, 'Rewind lost its connection to the browser’s storage', 'Reload'],
    [{ state: 'deleted' }, 'Rewind’s data was deleted', 'Reload'],
    [{ state: 'full' }, 'Storage is full', 'Export log'],
  ] as [StoreHealth, string, string][])('%o: says "%s" as an alert, and offers %s', (health, title, action) => {
    const html = render(health);
    expect(html).toMatch(/^<section class="status-banner status-(problem|notice)" role="alert"/);
    expect(html).toContain(`>${title}</strong>`);
    expect(html).toContain(`>${action}</`);
  });

  it('for a full disk, the way out is the Data screen', () => {
    expect(render({ state: 'full' })).toContain('href="#/data"');
  });
});

describe('the export offered for a damaged log', () => {
  it('names the events before the damaged one', () => {
    expect(render({ state: 'ok' }, <DamagedLogExport seq={1234} />)).toContain('Export events 1 to 1,233');
  });

  it('says so when no event comes before it', () => {
    expect(render({ state: 'ok' }, <DamagedLogExport seq={1} />)).toContain('no event before it can be exported');
  });
});
