/**
 * Public CLI entry of the identity service's batch tools, for the `hub` composition root
 * (infra/cli/registry.ts): `hub resolve` and `hub matching train`.
 */
import type { Command } from './batch/cli-types';
import { identityBatchMessages } from './batch/messages';
import { resolveCommand } from './batch/resolve-command';
import { trainCommand } from './batch/train-command';

export const identityCommands: readonly Command[] = [resolveCommand, trainCommand];
export const identityMessages = identityBatchMessages;
