import { Field } from './Field.tsx';
import { CURRENCY } from './money.ts';

/** An amount typed as "12.34"; parse it with parseAmount. */
export function AmountField({
  value,
  onChange,
  label = 'Amount',
  name = 'amount',
  required = true,
}: {
  value: string;
  onChange(value: string): void;
  label?: string;
  name?: string;
  required?: boolean;
}) {
  return (
    <Field
      label={`${label} (${CURRENCY})`}
      name={name}
      value={value}
      onChange={onChange}
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      required={required}
    />
  );
}
