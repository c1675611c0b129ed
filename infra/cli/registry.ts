import type { Catalogue } from '../../services/platform/i18n/i18n';
import type { Command } from './command';
import { cliMessages } from './messages';
import { prepareCommand, startCommand } from '../supervisor/commands';
import { supervisorMessages } from '../supervisor/messages';
import { schemaCommands } from '../schemas/commands';
import { schemaMessages } from '../schemas/messages';
import { stackCommands } from '../stack/commands';
import { stackMessages } from '../stack/messages';
import { syntheticCommands } from '../synthetic/commands';
import { syntheticMessages } from '../synthetic/messages';
import { importCommand } from '../import/commands';
import { importMessages } from '../import/messages';
import { credentialCommands } from '../credentials/commands';
import { credentialMessages } from '../credentials/messages';
import { identityCommands, identityMessages } from '../../services/identity/commands';
import { lagCommand } from '../lag/commands';
import { lagMessages } from '../lag/messages';
import { dlqCommands } from '../dlq/commands';
import { dlqMessages } from '../dlq/messages';
import { indicatorsCommand } from '../indicators/commands';
import { indicatorsMessages } from '../indicators/messages';
import { demoCommand } from '../demo/command';

/**
 * Every `hub` sub-command, and every message catalogue they use. A feature adds its commands
 * here; the CLI is a composition root, so it may import each service's public `commands.ts`.
 */
export const COMMANDS: readonly Command[] = [
  startCommand,
  prepareCommand,
  ...schemaCommands,
  ...stackCommands,
  importCommand,
  ...syntheticCommands,
  ...credentialCommands,
  ...identityCommands,
  lagCommand,
  ...dlqCommands,
  indicatorsCommand,
  demoCommand,
];

export const CATALOGUES: readonly { es: Catalogue; en: Catalogue }[] = [
  cliMessages,
  supervisorMessages,
  schemaMessages,
  stackMessages,
  importMessages,
  syntheticMessages,
  credentialMessages,
  identityMessages,
  lagMessages,
  dlqMessages,
  indicatorsMessages,
];
