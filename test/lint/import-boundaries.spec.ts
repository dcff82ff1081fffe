import { execFileSync } from 'node:child_process';

type Case = [name: string, filePath: string, code: string];

const refused: Case[] = [
  ['a contract importing Nest', 'libs/contracts/src/identity/x.contracts.ts', "import { Injectable as x } from '@nestjs/common';"],
  ['a contract importing the platform', 'libs/contracts/src/identity/x.contracts.ts', "import { RpcClient as x } from '@app/platform';"],
  ['the platform importing an app', 'libs/platform/src/transport/x.ts', "import { x } from '../../../../apps/gateway/src/config';"],
  ['the gateway importing MikroORM', 'apps/gateway/src/x.ts', "import { MikroORM as x } from '@mikro-orm/postgresql';"],
  ['the gateway importing nodemailer', 'apps/gateway/src/x.ts', "import x from 'nodemailer';"],
  ["the gateway importing the services' platform", 'apps/gateway/src/x.ts', "import { Mailer as x } from '@app/platform/service';"],
  ['the gateway importing a service', 'apps/gateway/src/me/x.ts', "import { x } from '../../../identity/src/config';"],
  ['a service importing another', 'apps/tenancy/src/x/x.ts', "import { x } from '../../../mfa/src/config';"],
  ['the portal importing server code', 'apps/portal-web/src/x.ts', "import { x } from '@app/platform';"],
];

const allowed: Case[] = [
  ['a service importing the platform and contracts', 'apps/tenancy/src/x/x.ts', "import { Mailer as x } from '@app/platform/service';"],
  ['the gateway importing contracts and the platform', 'apps/gateway/src/x.ts', "import { RpcClient as x } from '@app/platform';\nimport { Id } from '@app/contracts';"],
];

/**
 * ESLint's flat configuration is an ES module, which Jest's module system
 * cannot load: the snippets are linted in one child process, with the
 * project's own configuration, as `npm run lint` lints them.
 */
function refusalsOf(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [, filePath, code] of cases) {
        const [result] = await eslint.lintText(code + '\\nexport const used = [x];\\n', { filePath });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { encoding: 'utf8' })) as string[][];
}

/** The import rules of eslint.config.mjs, each shown refusing the import it exists for. */
describe('import boundaries', () => {
  const answers = refusalsOf([...refused, ...allowed]);

  it.each(refused.map((entry, index) => [entry[0], index] as const))('refuses %s', (_name, index) => {
    expect(answers[index]).toHaveLength(1);
  });

  it.each(allowed.map((entry, index) => [entry[0], refused.length + index] as const))('allows %s', (_name, index) => {
    expect(answers[index]).toEqual([]);
  });
});
