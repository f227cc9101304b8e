import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Router } from 'wouter';
import { createStore } from 'zustand/vanilla';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger, type SyncStatus } from '../../../src/app/index.ts';
import { LedgerProvider } from '../../../src/ui/ledger/LedgerContext.tsx';
import { JoinRoute } from '../../../src/ui/sync/JoinRoute.tsx';
import { RetryForm } from '../../../src/ui/sync/RetryForm.tsx';
import { SyncConflictBanner } from '../../../src/ui/sync/SyncConflictBanner.tsx';
import { SyncIndicator } from '../../../src/ui/sync/SyncIndicator.tsx';
import { SyncPanel } from '../../../src/ui/sync/SyncPanel.tsx';
import { LINK, SECRET, SERVER, SPACE, fakeSync, refusedWithdrawal } from '../support/fakeSync.ts';

let ledger: Ledger;
let alice: string;

beforeEach(async () => {
  ledger = await openLedger({ name: 'sync-screens', runProcessManagers: false });
  await ledger.image.ready;
  const opened = await ledger.dispatch({ type: 'OpenAccount', owner: 'Alice Smith', email: 'alice@example.org', initialDeposit: 2000 });
  alice = (opened.events[0]!.payload as { accountNumber: string }).accountNumber;
});

afterEach(async () => {
  await ledger.close();
});

function render(status: Partial<SyncStatus>, element: ReactNode, path = '/data', search = ''): string {
  // Rendering on the server reads a store's initial state: start the image's from the ledger's present.
  const image = createStore(() => ledger.image.getState());
  const screens = { ...ledger, image, sync: fakeSync(status) } as unknown as Ledger;
  return renderToStaticMarkup(
    <LedgerProvider ledger={screens}>
      <Router ssrPath={path} ssrSearch={search}>
        {element}
      </Router>
    </LedgerProvider>,
  );
}

const ON: Partial<SyncStatus> = { phase: 'synced', server: SERVER, spaceId: SPACE, deviceName: 'Laptop', lastContact: new Date().toISOString() };

describe('the Sync panel while sync is off', () => {
  it('explains sync and offers both ways in, with the local server as the default address', () => {
    const html = render({}, <SyncPanel />);
    expect(html).toContain('Keep this ledger on your phone and your laptop.');
    expect(html).toMatch(/<input[^>]*name="server"[^>]*value="http:\/\/127\.0\.0\.1:8787"/);
    expect(html).toMatch(/<label[^>]*>This device’s name<\/label>/);
    expect(html).toContain('>Create a sync space</button>');
    expect(html).toContain('>Join with a link</button>');
    expect(html).not.toContain('Sync now');
  });
});

describe('the Sync panel while sync is on', () => {
  it('shows the server, this device’s name, the state in words, and what can be done', () => {
    const html = render({ ...ON, phase: 'sending', waiting: 3 }, <SyncPanel />);
    expect(html).toContain(`<dd>${SERVER}</dd>`);
    expect(html).toMatch(/<input[^>]*value="Laptop"/);
    expect(html).toContain('3 changes waiting to send.');
    expect(html).toContain('just now');
    for (const action of ['Rename', 'Sync now', 'Show the pairing link', 'Disconnect this device…']) expect(html).toContain(`>${action}</button>`);
    expect(html).not.toContain('Create a sync space');
  });

  it('never shows the secret until the person asks for the pairing link', () => {
    expect(render(ON, <SyncPanel />)).not.toContain(SECRET);
  });

  it('says when this device has not heard from the server yet', () => {
    expect(render({ ...ON, lastContact: undefined, phase: 'offline' }, <SyncPanel />)).toMatch(/Last contact<\/dt><dd>Not yet<\/dd>/);
  });

  it('lists a refused conflict in words with its three ways out', () => {
    const html = render({ ...ON, phase: 'attention', conflicts: [refusedWithdrawal(alice)] }, <SyncPanel />);
    expect(html).toContain('Withdraw €30.00 from Alice Smith’s account');
    expect(html).toMatch(/Made on Phone at [^<]+\./);
    expect(html).toMatch(/Meanwhile Laptop withdrew €50\.00 from Alice Smith’s account at [^<]+\./);
    expect(html).toContain('refused: Alice Smith has €20.00: enter €20.00 or less.');
    for (const action of ['Change and retry', 'Try as what-if', 'Dismiss']) expect(html).toContain(`>${action}</button>`);
  });

  it('a conflict applied after all is only to be dismissed', () => {
    const html = render({ ...ON, conflicts: [refusedWithdrawal(alice, { outcome: 'applied', reason: undefined })] }, <SyncPanel />);
    expect(html).toContain('applied after all');
    expect(html).toContain('>Dismiss</button>');
    expect(html).not.toContain('Change and retry');
  });
});

describe('change and retry', () => {
  it('starts from the refused command’s amount', () => {
    const html = render(ON, <RetryForm conflict={refusedWithdrawal(alice)} />);
    expect(html).toMatch(/<input[^>]*name="amount"[^>]*value="30.00"/);
    expect(html).toContain('>Retry</button>');
  });
});

describe('the header’s status', () => {
  it('is not there while sync is off', () => {
    expect(render({}, <SyncIndicator />)).toBe('');
  });

  it('says where sync stands with an icon and words, and links to the Sync panel', () => {
    const html = render({ ...ON, phase: 'sending', waiting: 3 }, <SyncIndicator />);
    expect(html).toMatch(/^<a class="header-tool sync-indicator sync-waiting" href="#\/data"><svg aria-hidden="true"/);
    expect(html).toContain('<span class="visually-hidden">Sync: </span>3 waiting to send</a>');
    expect(render({ ...ON, phase: 'offline', waiting: 3 }, <SyncIndicator />)).toContain('Offline');
    expect(render({ ...ON, conflicts: [refusedWithdrawal(alice)] }, <SyncIndicator />)).toContain('Needs attention');
  });
});

describe('the accounts screen’s banner', () => {
  it('tells of refused changes until they are dismissed, and leads to the Sync panel', () => {
    const html = render({ ...ON, conflicts: [refusedWithdrawal(alice)] }, <SyncConflictBanner />);
    expect(html).toContain('A change made on this device was refused after syncing.');
    expect(html).toContain('<a href="#/data">Review in Sync</a>');
    const two = render({ ...ON, conflicts: [refusedWithdrawal(alice), refusedWithdrawal(alice, { id: 'conflict-2' })] }, <SyncConflictBanner />);
    expect(two).toContain('2 changes made on this device were refused after syncing.');
  });

  it('is not there for changes applied after all, or none', () => {
    expect(render({ ...ON, conflicts: [refusedWithdrawal(alice, { outcome: 'applied' })] }, <SyncConflictBanner />)).toBe('');
    expect(render(ON, <SyncConflictBanner />)).toBe('');
  });
});

describe('the join route', () => {
  const query = LINK.slice(LINK.indexOf('?') + 1);

  it('names the server, asks for this device’s name and offers Join, never showing the secret', () => {
    const html = render({}, <JoinRoute />, '/sync/join', query);
    expect(html).toContain('<h1');
    expect(html).toContain(`<strong>${SERVER}</strong>`);
    expect(html).toMatch(/<label[^>]*>This device’s name<\/label>/);
    expect(html).toContain('>Join</button>');
    expect(html).not.toContain(SECRET);
  });

  it('says so when the link is incomplete', () => {
    const html = render({}, <JoinRoute />, '/sync/join', query.replace(/&secret=.*/, ''));
    expect(html).toContain('This pairing link is incomplete');
    expect(html).not.toContain('>Join</button>');
  });

  it('says so when this device already syncs', () => {
    expect(render(ON, <JoinRoute />, '/sync/join', query)).toContain('This device already syncs with this sync space');
    expect(render({ ...ON, spaceId: 'another-space-id' }, <JoinRoute />, '/sync/join', query)).toContain('disconnect it on the Data screen first');
  });
});
