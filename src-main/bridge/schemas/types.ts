import type { z } from 'zod';

export type MethodSchemas<Methods extends { [M in keyof Methods]: { request: unknown } }> = {
  [M in keyof Methods]: z.ZodType<Methods[M]['request']>;
};
export type StreamSchemas<Streams extends { [S in keyof Streams]: { request: unknown } }> = {
  [S in keyof Streams]: z.ZodType<Streams[S]['request']>;
};

/** True when each type is assignable to the other: a schema that accepts less, or more, is caught. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A request of `void` (no argument) is what `z.undefined()` reads. */
type Normalized<R> = [R] extends [void] ? undefined : R;

/**
 * The names whose schema does not accept exactly the contract's request type (empty when all do).
 * `z.ZodType<Request>` alone only checks one way: a schema dropping an enum member still compiled.
 */
export type SchemaMismatches<Contract, Schemas extends { [K in keyof Contract]: z.ZodType }> = {
  [K in keyof Contract]: Contract[K] extends { request: infer R }
    ? MutuallyAssignable<z.output<Schemas[K]>, Normalized<R>> extends true
      ? never
      : K
    : never;
}[keyof Contract];
