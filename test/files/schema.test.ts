import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { fixture } from './fixtures.ts';

// The published JSON Schema and the reader must agree on what a line may be.
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'log-file.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
ajv.addSchema(schema);
const id = (schema as { $id: string }).$id;
const header = ajv.getSchema(`${id}#/$defs/header`)!;
const event = ajv.getSchema(`${id}#/$defs/event`)!;

function lines(name: string): unknown[] {
  return new TextDecoder()
    .decode(fixture(name))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
}

describe('docs/log-file.schema.json', () => {
  test.each([
    'valid.ndjson',
    'zero-events.ndjson',
    'hypothetical.ndjson',
    'partial-range.ndjson',
    'schema-1/household.ndjson',
    'schema-1/small.ndjson',
    'newer-version/small-from-v9.ndjson',
  ])('accepts every line of %s', (name) => {
    const [first, ...rest] = lines(name);
    expect(header(first), JSON.stringify(header.errors)).toBe(true);
    for (const line of rest) expect(event(line), JSON.stringify(event.errors)).toBe(true);
  });

  test.each([
    ['bad-event-type.ndjson', 6],
    ['bad-event-key.ndjson', 3],
    ['bad-event-meta.ndjson', 7],
  ])('refuses the bad event line of %s, as the reader does', (name, index) => {
    expect(event(lines(name)[index])).toBe(false);
  });

  test('accepts meta.schema as a whole number from 1 on any type, with any payload, and nothing else', () => {
    const [, deposit] = lines('newer-version/small-from-v9.ndjson').slice(16) as { meta: Record<string, unknown> }[];
    const withSchema = (schema: unknown, type = 'FundsAdded', payload: unknown = {}) => ({ ...deposit, type, payload, meta: { ...deposit!.meta, schema } });
    expect(event(withSchema(1))).toBe(true);
    expect(event(withSchema(40, 'SomethingNew', [1, 'two']))).toBe(true);
    for (const bad of [0, -1, 2.5, '2', null]) expect(event(withSchema(bad)), String(bad)).toBe(false);
  });

  test('refuses a header of another format or a newer version', () => {
    expect(header(lines('other-format.ndjson')[0])).toBe(false);
    expect(header(lines('newer-version.ndjson')[0])).toBe(false);
    expect(header(lines('missing-header.ndjson')[0])).toBe(false);
  });
});
