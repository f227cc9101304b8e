import { useId, useState, type FormEvent } from 'react';
import type { LogSelection } from '../../app/index.ts';
import { Field } from '../components/Field.tsx';
import { StreamField } from '../components/StreamField.tsx';
import { useViewInfo } from '../ledger/useView.ts';
import { formatBytes } from '../components/formatBytes.ts';
import { formatCount } from '../components/formatCount.ts';
import type { LogExporter } from './useLogExport.ts';

type Kind = LogSelection['kind'];

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'all', label: 'The whole log' },
  { kind: 'seq', label: 'A range of events' },
  { kind: 'time', label: 'A period of time' },
  { kind: 'stream', label: 'One stream' },
];

/** The selection the form describes, or what is wrong with it. */
function selectionOf(kind: Kind, f: { fromSeq: string; toSeq: string; from: string; to: string; stream: string }): LogSelection | string {
  switch (kind) {
    case 'all':
      return { kind };
    case 'seq': {
      const fromSeq = Number(f.fromSeq.trim());
      const toSeq = Number(f.toSeq.trim());
      if (!Number.isSafeInteger(fromSeq) || !Number.isSafeInteger(toSeq) || fromSeq < 1 || toSeq < fromSeq || f.fromSeq.trim() === '' || f.toSeq.trim() === '')
        return 'Enter event numbers from 1 up, the first no larger than the last.';
      return { kind, fromSeq, toSeq };
    }
    case 'time': {
      const from = new Date(f.from);
      const to = new Date(f.to);
      if (f.from === '' || f.to === '' || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from)
        return 'Choose when the period starts and ends; the end cannot be before the start.';
      return { kind, from: from.toISOString(), to: to.toISOString() };
    }
    case 'stream':
      return f.stream.trim() === '' ? 'Enter the name of a stream, such as account-1234….' : { kind, stream: f.stream.trim() };
  }
}

/** "Export log": the whole log, a range of events or time, or one stream, as a file. */
export function ExportPanel({ id: cardId, exporter, streams }: { id: string; exporter: LogExporter; streams: readonly string[] }) {
  const { liveSeq } = useViewInfo();
  const id = useId();
  const [kind, setKind] = useState<Kind>('all');
  const [fields, setFields] = useState({ fromSeq: '1', toSeq: String(liveSeq), from: '', to: '', stream: '' });
  const [problem, setProblem] = useState<string>();
  const set = (key: keyof typeof fields) => (value: string) => setFields({ ...fields, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const selection = selectionOf(kind, fields);
    if (typeof selection === 'string') return setProblem(selection);
    setProblem(undefined);
    void exporter.start(selection);
  };

  const { progress } = exporter;
  return (
    <form id={cardId} className="card data-card" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>Export</h2>
      <p>Save the log as a file (newline-delimited JSON) to keep a backup or move it to another device.</p>
      <fieldset className="data-choice">
        <legend>What to export</legend>
        {KINDS.map((k) => (
          <label key={k.kind}>
            <input type="radio" name={`${id}-kind`} value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} /> {k.label}
          </label>
        ))}
      </fieldset>
      {kind === 'seq' && (
        <div className="data-fields">
          <Field label="From event" name="fromSeq" value={fields.fromSeq} onChange={set('fromSeq')} inputMode="numeric" autoComplete="off" />
          <Field label="To event" name="toSeq" value={fields.toSeq} onChange={set('toSeq')} inputMode="numeric" autoComplete="off" />
        </div>
      )}
      {kind === 'time' && (
        <div className="data-fields">
          <Field label="From" name="from" type="datetime-local" step={1} value={fields.from} onChange={set('from')} />
          <Field label="To" name="to" type="datetime-local" step={1} value={fields.to} onChange={set('to')} />
        </div>
      )}
      {kind === 'stream' && (
        <div className="data-fields">
          <StreamField value={fields.stream} onChange={set('stream')} streams={streams} />
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" className="button button-primary" aria-disabled={exporter.running || undefined}>
          Export log
        </button>
        {exporter.running && (
          <button type="button" className="button" onClick={exporter.cancel}>
            Cancel export
          </button>
        )}
      </div>
      {exporter.running && (
        <div className="data-progress">
          <progress value={progress?.events ?? 0} max={progress?.totalEvents || 1} aria-label="Export progress" />
          <span>
            {progress
              ? `${formatCount(progress.events)} of ${formatCount(progress.totalEvents ?? progress.events)} events, ${formatBytes(progress.bytes)}`
              : 'Starting…'}
          </span>
        </div>
      )}
      <p className="form-problem" role="alert">
        {problem ?? exporter.problem}
      </p>
      <p className="form-success" role="status">
        {exporter.done}
      </p>
    </form>
  );
}
