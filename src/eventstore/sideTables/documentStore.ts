import type { Connection } from '../storage/connection.ts';
import type { RewindDatabase } from '../storage/database.ts';
import type { DocumentStore } from '../interfaces.ts';

/** Documents beside the log: never events, and copied along when an import replaces the log. */
export function documentStore(db: RewindDatabase, run: Connection['run']): DocumentStore {
  return {
    putDocument: async (document) => {
      await run(() => db.documents.put({ ...document }), 'write');
    },
    getDocument: (id) => run(() => db.documents.get(id), 'read'),
    documentsOfKind: (kind) => run(() => db.documents.where('kind').equals(kind).toArray(), 'read'),
    deleteDocument: async (id) => {
      await run(() => db.documents.delete(id), 'write');
    },
  };
}
