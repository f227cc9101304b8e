import type { StoredEvent } from '../../eventstore/index.ts';
import { pick, type RandomSource } from '../random.ts';
import { createLedgerBuilder, type LedgerBuilder } from './ledgerBuilder.ts';

const DAY = 24 * 60 * 60 * 1000;

type Plan = { at: number; act: (b: LedgerBuilder, at: Date) => void };

const PEOPLE = [
  { key: 'joint', owner: 'Ana & Ben Okafor-Lind', email: 'household@okafor-lind.example.org', deposit: 250_000 },
  { key: 'ana', owner: 'Ana Okafor-Lind', email: 'ana@okafor-lind.example.org', deposit: 120_000 },
  { key: 'ben', owner: 'Ben Okafor-Lind', email: 'ben@okafor-lind.example.org', deposit: 90_000 },
  { key: 'holiday', owner: 'Holiday fund', email: 'holiday@okafor-lind.example.org', deposit: 30_000 },
  { key: 'mia', owner: 'Mia Okafor-Lind', email: 'mia@okafor-lind.example.org', deposit: 2_000 },
  { key: 'savings', owner: "Ben's old savings", email: 'ben.savings@okafor-lind.example.org', deposit: 185_000 },
] as const;
type Who = (typeof PEOPLE)[number]['key'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const GROCERIES = ['Groceries — market', 'Supermarket', 'Bakery and greengrocer', 'Groceries for the week', 'Corner shop'];
const MIA_SPENDING = ['Cinema with friends', 'Comics', 'Ice cream', 'Swimming pool', 'Stickers', 'Birthday gift for Noor'];
const ONE_OFFS = [
  { who: 'joint', amount: 48_500, note: 'Car repair — brakes', category: 'Transport' },
  { who: 'joint', amount: 12_900, note: 'Dentist', category: 'Health' },
  { who: 'ana', amount: 6_450, note: 'Birthday present for Grandma', category: 'Gifts' },
  { who: 'ben', amount: 22_000, note: 'New phone', category: 'Other' },
  { who: 'joint', amount: 31_999, note: "Bike for Mia's birthday", category: 'Gifts' },
  { who: 'ana', amount: 8_800, note: 'Concert tickets', category: 'Leisure' },
  { who: 'joint', amount: 15_750, note: 'Winter coats', category: 'Other' },
] as const;

/**
 * A year of a household's accounts, for newcomers to try time travel and what-if:
 * a joint account, two personal accounts, a holiday fund, a child's pocket-money
 * account and an old savings account that is emptied and closed in spring.
 * Salaries, rent, bills, weekly groceries, pocket money, a summer holiday and the
 * odd surprise, with verification and withdrawal messages, every one sent. Several
 * hundred events, every one marked `meta.sample`, `meta.at` spread over the year
 * from `start`, in the order and with the positions an empty log would give them.
 */
export function sampleLedger({ start, random }: { start: Date; random: RandomSource }): StoredEvent[] {
  const builder = createLedgerBuilder(random);
  const t0 = start.getTime();
  const numbers = new Map<Who, string>();
  const plans: Plan[] = [];
  const at = (day: number, hour = 9 + random.int(11)) => t0 + day * DAY + hour * 3_600_000 + random.int(3_600_000);
  const plan = (time: number, act: Plan['act']) => plans.push({ at: time, act });
  const account = (who: Who) => numbers.get(who)!;
  const spend = (who: Who, amount: number, note: string, category: string) => (b: LedgerBuilder, when: Date) => {
    const notice = b.run({ type: 'Withdraw', account: account(who), amount, category, note }, when)?.find((e) => e.type === 'WithdrawalMessageQueued');
    // Each withdrawal notice is sent by hand a day or two later: a sample leaves nothing waiting that nobody will send.
    if (!notice) return;
    const { messageId } = notice.payload as { messageId: string };
    plan(when.getTime() + (1 + random.int(2)) * DAY, (b2, w) => b2.run({ type: 'MarkMessageSent', account: account(who), messageId }, w));
  };
  const move = (from: Who, to: Who, amount: number, note: string, category: string) => (b: LedgerBuilder, when: Date) =>
    b.run({ type: 'Transfer', from: account(from), to: account(to), amount, category, note }, when);
  const vary = (amount: number, spread: number) => amount + random.int(spread) - Math.floor(spread / 2);

  PEOPLE.forEach((person, i) => {
    const openedAt = at(i === 5 ? 0 : Math.floor(i / 2), 8 + i);
    plan(openedAt, (b, when) => {
      const events = b.run({ type: 'OpenAccount', owner: person.owner, email: person.email, initialDeposit: person.deposit }, when);
      const opened = events?.find((e) => e.type === 'AccountOpened');
      if (!opened) return;
      const number = (opened.payload as { accountNumber: string }).accountNumber;
      numbers.set(person.key, number);
      const queued = events!.find((e) => e.type === 'VerificationMessageQueued')!.payload as { code: string; messageId: string };
      // Mia reads her e-mail a few days late; the others verify within hours.
      const delay = person.key === 'mia' ? 4 * DAY : (2 + random.int(20)) * 3_600_000;
      plan(when.getTime() + delay - 600_000, (b2, w) => b2.run({ type: 'MarkMessageSent', account: number, messageId: queued.messageId }, w));
      plan(when.getTime() + delay, (b2, w) => b2.run({ type: 'VerifyAccount', account: number, code: queued.code }, w));
    });
  });

  for (let month = 0; month < 12; month++) {
    const d = month * 30.4;
    const name = MONTHS[(start.getUTCMonth() + month) % 12]!;
    plan(at(d + 1, 8), (b, w) => b.run({ type: 'AddFunds', account: account('ana'), amount: vary(312_000, 4_000), category: 'Salary', note: `Salary ${name}` }, w));
    plan(at(d + 1, 9), (b, w) => b.run({ type: 'AddFunds', account: account('ben'), amount: vary(268_000, 4_000), category: 'Salary', note: `Salary ${name}` }, w));
    plan(at(d + 2), move('ana', 'joint', 150_000, `Household share ${name}`, 'Household'));
    plan(at(d + 2), move('ben', 'joint', 130_000, `Household share ${name}`, 'Household'));
    plan(at(d + 3), spend('joint', 145_000, `Rent ${name}`, 'Rent'));
    plan(at(d + 6), spend('joint', vary(11_800, 3_000), 'Electricity and water', 'Utilities'));
    plan(at(d + 8), spend('joint', 3_999, 'Internet', 'Utilities'));
    plan(at(d + 4), move('ana', 'holiday', 20_000, 'Saving for the summer', 'Savings'));
    plan(at(d + 4), move('ben', 'holiday', 20_000, 'Saving for the summer', 'Savings'));
    if (month % 3 === 1) plan(at(d + 20), spend('ben', vary(4_500, 2_000), 'Football club membership', 'Leisure'));
  }
  for (let week = 1; week < 52; week++) {
    const d = week * 7;
    plan(at(d - 1), spend('joint', vary(9_500, 5_000), pick(random, GROCERIES), 'Groceries'));
    plan(at(d, 18), move('joint', 'mia', 1_000, 'Pocket money', 'Pocket money'));
    if (random.int(3) > 0) plan(at(d + 2 + random.int(4), 15), spend('mia', 300 + random.int(6) * 100, pick(random, MIA_SPENDING), 'Leisure'));
    if (random.int(2) === 0) plan(at(d + 3), spend(random.int(2) ? 'ana' : 'ben', vary(3_200, 2_400), 'Lunch and coffee', 'Eating out'));
  }
  plan(at(75), move('savings', 'holiday', 185_000, 'Moving old savings to the holiday fund', 'Savings'));
  plan(at(76), (b, w) => b.run({ type: 'CloseAccount', account: account('savings') }, w));
  plan(at(190), spend('holiday', 96_000, 'Summer holiday — ferry tickets', 'Transport'));
  plan(at(196), spend('holiday', 142_000, 'Campsite by the lake, two weeks', 'Holiday'));
  plan(at(205), spend('holiday', 38_500, 'Holiday meals and excursions', 'Holiday'));
  ONE_OFFS.forEach((o, i) => plan(at(30 + i * 45 + random.int(20)), spend(o.who, o.amount, o.note, o.category)));

  // Run the plan in time order; actions may schedule follow-ups (verification), which join the queue.
  const done = new Set<Plan>();
  for (;;) {
    let next: Plan | undefined;
    for (const p of plans) if (!done.has(p) && (!next || p.at < next.at)) next = p;
    if (!next) break;
    done.add(next);
    next.act(builder, new Date(next.at));
  }
  return builder.events();
}
