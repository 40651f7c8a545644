import type { z } from 'zod';

export type MethodSchemas<Methods extends { [M in keyof Methods]: { request: unknown } }> = {
  [M in keyof Methods]: z.ZodType<Methods[M]['request']>;
};
export type StreamSchemas<Streams extends { [S in keyof Streams]: { request: unknown } }> = {
  [S in keyof Streams]: z.ZodType<Streams[S]['request']>;
};
