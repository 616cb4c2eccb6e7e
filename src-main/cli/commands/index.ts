import type { AnyCommand } from '../command';
import { importExportCommands } from './import-export';
import { surveyCommands } from './survey';
import { reviewCommands } from './review';
import { salesCommands } from './sales';
import { systemCommands } from './system';
import { targetCommands } from './targets';

/** Every command of the command line; each domain adds its list here. */
export const COMMANDS: AnyCommand[] = [...systemCommands, ...importExportCommands, ...surveyCommands, ...reviewCommands, ...targetCommands, ...salesCommands];
