// Reading behaviour from the manifest's command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCommand } from './command.ts';

const cases: { name: string; command?: string[]; args?: string[]; expect: { exitAfterSeconds?: number; exitCode: number; ignoresSigterm: boolean } | undefined }[] = [
  { name: 'sh -c "sleep 5; exit 1" runs 5 s and exits 1', command: ['sh', '-c', 'sleep 5; exit 1'], expect: { exitAfterSeconds: 5, exitCode: 1, ignoresSigterm: true } },
  { name: 'the script may sit in args', command: ['/bin/sh', '-c'], args: ['echo starting && sleep 2 && exit 3'], expect: { exitAfterSeconds: 2, exitCode: 3, ignoresSigterm: true } },
  { name: 'sleeps add up and the last command sets the exit code', command: ['sh', '-c', 'sleep 1; sleep 2m; false'], expect: { exitAfterSeconds: 121, exitCode: 1, ignoresSigterm: true } },
  { name: 'sleep 3600 exits 0 after an hour', command: ['sleep', '3600'], expect: { exitAfterSeconds: 3600, exitCode: 0, ignoresSigterm: true } },
  { name: 'sleep infinity never exits', command: ['sleep', 'infinity'], expect: { exitCode: 0, ignoresSigterm: true } },
  { name: 'a while-true loop never exits', command: ['sh', '-c', 'while true; do echo hi; sleep 1; done'], expect: { exitCode: 0, ignoresSigterm: true } },
  { name: 'exit codes wrap at 256 like a shell', command: ['sh', '-c', 'exit 300'], expect: { exitAfterSeconds: 0, exitCode: 44, ignoresSigterm: true } },
  { name: 'false exits 1 at once', command: ['false'], expect: { exitAfterSeconds: 0, exitCode: 1, ignoresSigterm: true } },
  { name: 'an unknown program is not read', command: ['nginx', '-g', 'daemon off;'], expect: undefined },
  { name: 'a script with commands it cannot model is not read', command: ['sh', '-c', 'python app.py'], expect: undefined },
  { name: 'no command: the image decides', expect: undefined },
];

for (const c of cases) {
  test(`readCommand: ${c.name}`, () => {
    const got = readCommand(c.command, c.args);
    if (c.expect === undefined) return assert.equal(got, undefined);
    assert.ok(got);
    assert.deepEqual({ exitAfterSeconds: got.exitAfterSeconds, exitCode: got.exitCode, ignoresSigterm: got.ignoresSigterm }, { exitAfterSeconds: c.expect.exitAfterSeconds, exitCode: c.expect.exitCode, ignoresSigterm: c.expect.ignoresSigterm });
  });
}
