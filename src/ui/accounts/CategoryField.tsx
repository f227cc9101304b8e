import { useId } from 'react';
import { MAX_CATEGORY_CHARS, UNCATEGORIZED } from '../../domain/index.ts';
import { Field } from '../components/Field.tsx';

/**
 * What the money is for: the presets and the custom categories already in use are offered as the person
 * types (a native suggestion list, which keyboards and screen readers know), and any new name can be typed.
 */
export function CategoryField({ value, onChange, suggestions }: { value: string; onChange(value: string): void; suggestions: readonly string[] }) {
  const listId = useId();
  return (
    <>
      <Field
        label="Category, optional"
        name="category"
        value={value}
        onChange={onChange}
        list={listId}
        maxLength={MAX_CATEGORY_CHARS}
        autoComplete="off"
        placeholder="Salary, Groceries, Rent…"
        hint={`Choose one or type a new one. Left empty, it is ${UNCATEGORIZED}.`}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
