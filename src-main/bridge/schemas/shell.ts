// Request schemas of the shell domain: the menu-command stream takes no request.
import { z } from 'zod';
import type { ShellMethods, ShellStreams } from '../../../src-preload/contract';
import type { MethodSchemas, StreamSchemas } from './types';

export const shellMethodSchemas = {} satisfies MethodSchemas<ShellMethods>;

export const shellStreamSchemas = {
  watchMenuCommands: z.undefined(),
} satisfies StreamSchemas<ShellStreams>;
