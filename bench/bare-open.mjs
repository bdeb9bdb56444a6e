// The floor `npm run bench:cli` compares `amity figures` with: a bare Node process that opens an
// embedded database with PGlite, runs one query and closes it. Usage: node bench/bare-open.mjs DIR
import { PGlite } from '@electric-sql/pglite';

const client = new PGlite({ dataDir: process.argv[2] });
await client.waitReady;
const { rows } = await client.query('SELECT count(*)::int AS n FROM partnerships');
console.log(rows[0].n);
await client.close();
