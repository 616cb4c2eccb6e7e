import type { CliCommand } from '../command';
import { systemCommands } from './system';

/** Every command of the command line; each domain adds its list here. */
export const COMMANDS: CliCommand[] = [...systemCommands];
