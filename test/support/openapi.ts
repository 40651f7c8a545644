// Validates sandbox answers against the official DigitalOcean OpenAPI description, with the
// documented spec-gap overlay (resources/openapi/spec-gaps.json), using openapi-backend (ajv).
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';
import { expect } from 'vitest';
import subset from '../../resources/openapi/digitalocean-subset.json';
import gaps from '../../resources/openapi/spec-gaps.json';

type Schema = { properties?: Record<string, unknown> };

function specWithOverlay() {
  const spec = structuredClone(subset) as unknown as { components: { schemas: Record<string, Schema> } };
  for (const [name, patch] of Object.entries(gaps.schemas)) {
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`spec-gaps.json names a schema the spec lacks: ${name}`);
    schema.properties = { ...schema.properties, ...patch.properties };
  }
  return spec;
}

/** A response validator for any OpenAPI description (DigitalOcean, Supabase, GitHub). */
export async function specValidator(definition: object): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: structuredClone(definition) as never,
    strict: false,
    // Compiles each operation's validator when first used: the subsets are large.
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      // Standard string formats are checked for real (date-time, uuid, uri, hostname…); the
      // OpenAPI numeric formats only name a width, which JSON numbers cannot break.
      addFormats(ajv);
      for (const numeric of ['int32', 'int64', 'uint32', 'uint64', 'float', 'double']) ajv.addFormat(numeric, true);
      return ajv;
    },
  });
  await api.init();
  return api;
}

let validator: Promise<OpenAPIBackend> | undefined;

export function digitalOceanSpec(): Promise<OpenAPIBackend> {
  validator ??= specValidator(specWithOverlay());
  return validator;
}

export async function expectMatchesSpec(operationId: string, status: number, body: unknown): Promise<void> {
  const result = (await digitalOceanSpec()).validator.validateResponse(body, operationId, status);
  expect(result.errors ?? [], JSON.stringify(result.errors?.slice(0, 3), null, 1)).toEqual([]);
}
