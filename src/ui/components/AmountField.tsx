import type { ReactNode } from 'react';
import { Field } from './Field.tsx';
import { CURRENCY, amountPlaceholder } from './money.ts';

/** An amount typed the person's way ("12,34" in de-DE) or the plain way ("12.34"); parse it with parseAmount. */
export function AmountField({
  value,
  onChange,
  label = 'Amount',
  name = 'amount',
  required = true,
  hint,
}: {
  value: string;
  onChange(value: string): void;
  label?: string;
  name?: string;
  required?: boolean;
  hint?: ReactNode;
}) {
  return (
    <Field
      label={`${label} (${CURRENCY})`}
      name={name}
      value={value}
      onChange={onChange}
      inputMode="decimal"
      autoComplete="off"
      placeholder={amountPlaceholder()}
      required={required}
      hint={hint}
    />
  );
}
