// The registered sub-commands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { renderCommand } from './render';
import { runCommand } from './run';
import { validateCommand } from './validate';

export const commands: CliCommand[] = [validateCommand, runCommand, renderCommand];
