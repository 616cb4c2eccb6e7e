import { runCli } from './run';

// `npm run -s cli -- <command> [options]`: the same services as the window, for batch work.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
