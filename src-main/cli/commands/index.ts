import type { AnyCommand } from '../command';
import { importExportCommands } from './import-export';
import { surveyCommands } from './survey';
import { reviewCommands } from './review';
import { systemCommands } from './system';
import { targetCommands } from './targets';
import { teamBuildingCommands } from './team-building';

/** Every command of the command line; each domain adds its list here. */
export const COMMANDS: AnyCommand[] = [...systemCommands, ...importExportCommands, ...surveyCommands, ...reviewCommands, ...targetCommands, ...teamBuildingCommands];
