/**
 * The `chuan-ngheo` command line.
 *
 * @module
 */
import { classifyCommand, classifyUsage } from './classify-command.js';
import { reportCommand, reportUsage } from './report-command.js';
import { mpiCommand, mpiUsage } from './mpi-command.js';
import { standardsCommand, standardsUsage } from './standards-command.js';
import { validateCommand, validateUsage } from './validate-command.js';
import { describeFatal, exitStatus, listenToStandardStreams, packageVersion, standardOutputError, usageAfter } from './args.js';
import { didYouMean } from '../nearest.js';
import { OutputFileError } from '../node/atomic-output.js';

const usage = `chuan-ngheo: Viet Nam's multidimensional poverty standards (chuẩn nghèo đa chiều)

Commands:
  classify   classify every household of a CSV, JSON Lines or .xlsx file
  report     counts and rates of a survey file, by category and group
  mpi        Alkire-Foster measures with standard errors under a survey design, as mpitbR
  validate   check household survey records (schema, consistency, recorded categories)
  standards  list the standards this version knows, or print one as JSON to copy and edit

${classifyUsage}

${reportUsage}

${mpiUsage}

${validateUsage}

${standardsUsage}

Run 'chuan-ngheo COMMAND --help' for one command.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'classify':
      return classifyCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'mpi':
      return mpiCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'standards':
      return standardsCommand(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${packageVersion()}\n`);
      return exitStatus.ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? exitStatus.usage : exitStatus.ok;
    default:
      process.stderr.write(`chuan-ngheo: unknown command ${JSON.stringify(command)}${didYouMean(command, ['classify', 'report', 'validate', 'mpi', 'standards'])}\n\n${usage}\n`);
      return exitStatus.usage;
  }
}

/** The code of a system error, if it is one (an output file's error carries it as `systemCode`). */
function codeOf(error: unknown): unknown {
  if (error instanceof OutputFileError) return error.systemCode;
  return error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;
}

/** Ends the command: a failure is one line on stderr and exit status 2. */
function fail(error: unknown): void {
  // A reader that stopped early (`| head`) closed the pipe: nothing more is wanted, end quietly.
  if (codeOf(error) === 'EPIPE') {
    process.exitCode = exitStatus.ok;
    return;
  }
  process.stderr.write(`chuan-ngheo: ${describeFatal(error)}\n${usageAfter(error)}`);
  process.exitCode = exitStatus.usage;
}

listenToStandardStreams();
main(process.argv.slice(2)).then(
  (status) => {
    const failure = standardOutputError();
    if (failure) fail(failure);
    else process.exitCode = status;
  },
  (error: unknown) => fail(standardOutputError() ?? error),
);
