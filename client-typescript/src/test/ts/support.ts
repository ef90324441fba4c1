// Test support: the spec's own examples and a strict JSON comparison (the stub jar: stubProcess.ts).
import { readFileSync } from 'node:fs';
import { parseJson, type JsonValue } from '@openbitgo/accesstoken-client';

type JsonObject = { [key: string]: JsonValue };

function member(value: JsonValue | undefined, key: string): JsonValue {
  if (
    value === null ||
    value === undefined ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !(key in value)
  ) {
    throw new Error(`the spec has no ${key} here`);
  }
  return (value as JsonObject)[key]!;
}

const spec = (): JsonValue => {
  const path = process.env['CONTRACT_SPEC_JSON'];
  if (path === undefined)
    throw new Error('CONTRACT_SPEC_JSON is not set: run the tests through mvn verify');
  // the examples hold integers beyond 2^53: read them with the package's own lossless parser
  return parseJson(readFileSync(path, 'utf8'));
};

const operation = () => member(member(member(spec(), 'paths'), '/api/v2/user/accesstoken'), 'post');

/** The named request example, as the spec writes it. */
export function requestExample(name: string): JsonObject {
  const examples = member(
    member(member(member(operation(), 'requestBody'), 'content'), 'application/json'),
    'examples',
  );
  return member(member(examples, name), 'value') as JsonObject;
}

/** A response example of the spec: the operation and status it answers, and its schema's name. */
export interface ResponseExample {
  operationId: string;
  status: string;
  name: string;
  schema: string;
  value: JsonObject;
}

/** Every response example of every operation of the spec (create, list, revoke). */
export function responseExamples(): ResponseExample[] {
  const found: ResponseExample[] = [];
  for (const path of Object.values(member(spec(), 'paths') as JsonObject)) {
    for (const op of Object.values(path as JsonObject)) {
      const operationId = String(member(op, 'operationId'));
      for (const [status, response] of Object.entries(member(op, 'responses') as JsonObject)) {
        const json = member(member(response, 'content'), 'application/json');
        const schema = String(member(member(json, 'schema'), '$ref'))
          .split('/')
          .pop()!;
        for (const [name, example] of Object.entries(member(json, 'examples') as JsonObject)) {
          found.push({
            operationId,
            status,
            name,
            schema,
            value: member(example, 'value') as JsonObject,
          });
        }
      }
    }
  }
  return found;
}

/** A named schema of the spec's components, as the spec writes it. */
export function schema(name: string): JsonObject {
  return member(member(member(spec(), 'components'), 'schemas'), name) as JsonObject;
}

/** The pattern of the spec's `TokenId` parameter (a token's public id). */
export function tokenIdPattern(): string {
  const parameter = member(member(member(spec(), 'components'), 'parameters'), 'TokenId');
  return String(member(member(parameter, 'schema'), 'pattern'));
}

/** Every request example of the spec, by name. */
export function requestExamples(): JsonObject {
  return member(
    member(member(member(operation(), 'requestBody'), 'content'), 'application/json'),
    'examples',
  ) as JsonObject;
}

/** The name of the schema the spec gives the response with this status. */
export function responseSchema(status: string): string {
  const schemaOf = member(
    member(member(member(member(operation(), 'responses'), status), 'content'), 'application/json'),
    'schema',
  );
  return String(member(schemaOf, '$ref')).split('/').pop()!;
}

/** The names of every schema property the spec marks `format: password`. */
export function sensitiveProperties(): string[] {
  return schemaProperties((property) => property['format'] === 'password');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Where `actual` differs from `expected`: a missing or extra field, another JSON type (a number
 * is not a string is not a bigint) or another value. Timestamps compare as instants.
 */
export function jsonDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  if (
    typeof expected === 'string' &&
    typeof actual === 'string' &&
    TIMESTAMP.test(expected) &&
    TIMESTAMP.test(actual)
  ) {
    return Date.parse(expected) === Date.parse(actual)
      ? []
      : [`${path}: instant ${expected} became ${actual}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      return [`${path}: ${expected.length} items became ${actual.length}`];
    return expected.flatMap((item, i) => jsonDifferences(item, actual[i], `${path}[${i}]`));
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => {
      if (!(key in actual)) return [`${path}.${key}: missing`];
      if (!(key in expected)) return [`${path}.${key}: not expected`];
      return jsonDifferences(expected[key], actual[key], `${path}.${key}`);
    });
  }
  return typeof expected === typeof actual && expected === actual
    ? []
    : [`${path}: ${describe(expected)} became ${describe(actual)}`];
}

const describe = (v: unknown) =>
  `${typeof v} ${typeof v === 'bigint' ? `${v}n` : JSON.stringify(v)}`;

/** The names of every schema property whose schema is the spec's `BaseUnitAmount`. */
export function amountProperties(): string[] {
  return schemaProperties((property) => property['$ref'] === '#/components/schemas/BaseUnitAmount');
}

/** The names of every property of every schema of the spec for which `test` holds, sorted. */
function schemaProperties(test: (property: JsonObject) => boolean): string[] {
  const found = new Set<string>();
  for (const schema of Object.values(
    member(member(spec(), 'components'), 'schemas') as JsonObject,
  )) {
    // a composed schema (AccessToken: allOf AccessTokenInfo and the secret) has its own
    // properties in its allOf members
    const parts = [schema, ...(((schema as JsonObject)['allOf'] as JsonValue[] | undefined) ?? [])];
    for (const part of parts) {
      const properties = (part as JsonObject)['properties'] as JsonObject | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (test(property as JsonObject)) found.add(name);
      }
    }
  }
  return [...found].sort();
}
