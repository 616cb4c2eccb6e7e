import type { AnyCommand } from '../command';
import { customerCommands } from './customers';
import { importExportCommands } from './import-export';
import { surveyCommands } from './survey';
import { appraisalCommands } from './appraisal';
import { salesCommands } from './sales';
import { systemCommands } from './system';
import { targetCommands } from './targets';
import { planCommands, withSalesReport } from './plans';
import { teamBuildingCommands } from './team-building';

/** Every command of the command line; each domain adds its list here. */
export const COMMANDS: AnyCommand[] = withSalesReport([
  ...systemCommands,
  ...importExportCommands,
  ...surveyCommands,
  ...appraisalCommands,
  ...targetCommands,
  ...planCommands,
  ...customerCommands,
  ...salesCommands,
  ...teamBuildingCommands,
]);
