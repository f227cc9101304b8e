import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BootScreen } from '../../../src/ui/boot/BootScreen.tsx';
import { CodeNotLoadedError } from '../../../src/ui/boot/codeNotLoaded.ts';

describe('the boot screen when the ledger cannot be opened', () => {
  it('says the app did not load when its code did not arrive, and that the data was not touched', () => {
    const html = renderToStaticMarkup(<BootScreen error={new CodeNotLoadedError(new TypeError('Failed to fetch dynamically imported module'))} />);
    expect(html).toContain('Rewind could not load');
    expect(html).toContain('your data was not opened and nothing was changed');
    expect(html).toContain('Details: Failed to fetch dynamically imported module');
    expect(html).not.toContain('database');
  });

  it('says the data could not be opened when the database would not open', () => {
    const html = renderToStaticMarkup(<BootScreen error={new Error('UnknownError: Internal error opening backing store')} />);
    expect(html).toContain('Rewind could not open its data');
    expect(html).toContain('The browser did not let Rewind open its database.');
  });
});
