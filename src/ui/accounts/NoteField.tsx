import { MAX_NOTE_CHARS } from '../../domain/index.ts';
import { Field } from '../components/Field.tsx';

export function NoteField({ value, onChange }: { value: string; onChange(value: string): void }) {
  return <Field label="Note, optional" name="note" value={value} onChange={onChange} maxLength={MAX_NOTE_CHARS} autoComplete="off" />;
}
