import { startServer } from './http/startServer.ts';
import { openStore } from './store/openStore.ts';

/** `npm run server`: PORT (8787), HOST (127.0.0.1), and DATABASE_URL for PostgreSQL or DATA_DIR for the SQLite file. */
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const { store, where } = await openStore(process.env);
const server = await startServer({ store, port, host });
console.log(`Rewind sync server on ${server.url}, storing in ${where}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
