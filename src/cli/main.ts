/**
 * The `chuan-ngheo` command line.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { classifyCommand, classifyUsage } from './classify-command.js';
import { reportCommand, reportUsage } from './report-command.js';
import { standardsCommand, standardsUsage } from './standards-command.js';
import { validateCommand, validateUsage } from './validate-command.js';
import { describeFatal, exitStatus } from './args.js';

const usage = `chuan-ngheo: Viet Nam's multidimensional poverty standards (chuẩn nghèo đa chiều)

Commands:
  classify   classify every household of a CSV or JSON Lines file
  report     counts and rates of a survey file, by category and group
  validate   check household survey records (schema, consistency, recorded categories)
  standards  list the standards this version knows, or print one as JSON to copy and edit

${classifyUsage}

${reportUsage}

${validateUsage}

${standardsUsage}

Run 'chuan-ngheo COMMAND --help' for one command.`;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'classify':
      return classifyCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'standards':
      return standardsCommand(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${version()}\n`);
      return exitStatus.ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? exitStatus.usage : exitStatus.ok;
    default:
      process.stderr.write(`chuan-ngheo: unknown command ${JSON.stringify(command)}\n\n${usage}\n`);
      return exitStatus.usage;
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`chuan-ngheo: ${describeFatal(error)}\n`);
    process.exitCode = exitStatus.usage;
  },
);
