import { useId } from 'react';

/** A stream's name, typed or picked from the log's streams. */
export function StreamField({ value, onChange, streams, onFocus }: {
  value: string;
  onChange(value: string): void;
  streams: readonly string[];
  onFocus?(): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Stream</label>
      <input
        id={id}
        list={`${id}-streams`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        autoComplete="off"
        spellCheck={false}
        placeholder="account-…"
      />
      <datalist id={`${id}-streams`}>
        {streams.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
