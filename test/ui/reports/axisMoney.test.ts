import { expect, test } from 'vitest';
import { axisMoneyFormat } from '../../../src/ui/reports/axisMoney.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('the chart axis names the currency, compact, the English way', () => {
  const label = axisMoneyFormat('en-US');
  expect([0, 500, 50_000, 1_250_000, -2_500].map(label)).toEqual(['€0', '€500', '€50K', '€1.3M', '-€2.5K']);
});

test('the chart axis names the currency, compact, the German way', () => {
  const label = axisMoneyFormat('de-DE');
  expect([0, 50_000, 1_250_000, 12_345.6].map((v) => nbsp(label(v)))).toEqual(['0 €', '50.000 €', '1,3 Mio. €', '12.345,6 €']);
});
