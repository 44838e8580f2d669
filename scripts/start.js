// npm start — build the app when the build is missing or older than its sources, then serve it.
// The server migrates the database and seeds it on first run (src/hooks.server.ts).
import { join } from 'node:path';
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.PORT ??= '3000';
// adapter-node takes the site to be https:// unless told, and would refuse form posts from http://localhost.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Imports take files up to 25 MB and boundary uploads 20 MB; adapter-node's default is 512 kB.
process.env.BODY_SIZE_LIMIT ??= '26M';
console.log(`Gõ Từng Nhà: http://localhost:${process.env.PORT} (first run creates and seeds the database)`);
// Our server around adapter-node's handler (scripts/server.js says why).
await import(join(process.cwd(), 'scripts', 'server.js'));
