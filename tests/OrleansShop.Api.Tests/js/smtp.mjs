// A mail server on loopback for the order mailer's tests (smtp-server). Prints one JSON line per event on stdout:
// {"listening":PORT} first, then {"accepted":BASE64 of the raw message, "to":[...]} or {"refused":N,"code":451}.
// Runs until its standard input closes (the test disposing it).
//   node smtp.mjs [--port 0] [--refuse N] [--code 451] [--user U --password P]
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    refuse: { type: 'string', default: '0' },
    code: { type: 'string', default: '451' },
    user: { type: 'string' },
    password: { type: 'string' },
  },
});

const say = (event) => process.stdout.write(JSON.stringify(event) + '\n');
let refused = 0;

const server = new SMTPServer({
  // Plain text on loopback: the shop's tests set OrleansShop:Mail:Tls=None.
  disabledCommands: values.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  allowInsecureAuth: true,
  authOptional: !values.user,
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === values.user && auth.password === values.password) return callback(null, { user: auth.username });
    return callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      // The whole message was read before the answer: a refusal here is the server's last word on the DATA command.
      if (refused < Number(values.refuse)) {
        refused++;
        say({ refused, code: Number(values.code) });
        return callback(Object.assign(new Error('Try again later'), { responseCode: Number(values.code) }));
      }
      say({ accepted: Buffer.concat(chunks).toString('base64'), to: session.envelope.rcptTo.map((r) => r.address) });
      return callback(null, 'Queued');
    });
  },
});

server.on('error', (error) => { console.error(error); process.exit(1); });
server.listen(Number(values.port), '127.0.0.1', () => say({ listening: server.server.address().port }));
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
