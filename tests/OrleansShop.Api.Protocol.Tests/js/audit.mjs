// Runs every audit of graphql-http's server audit suite against the URL given as the first argument; prints the results as JSON.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const report = results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
process.stdout.write(JSON.stringify(report));
