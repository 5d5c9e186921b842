import type { EntityDefinition } from './entity-definitions';
import { badRequest } from './errors';
import { KEY_PATTERN, MAX_KEY_LENGTH, MAX_OBJECT_DEPTH, MAX_SECRET_VALUE_BYTES, MAX_VALUE_BYTES } from './limits';
import type { Space } from './store';

/** Error codes follow Forge's "Error handling for the Key-Value Store / Custom Entity Store" pages. */
export function checkKey(key: string, space: Space): void {
  if (key.length === 0) {
    throw space === 'entity' ? badRequest('EMPTY_KEY', 'Key cannot be empty') : badRequest('KEY_TOO_SHORT', 'Key cannot be empty');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest('KEY_TOO_LONG', `Key is ${key.length} characters; the maximum is ${MAX_KEY_LENGTH}`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('INVALID_KEY', `Key '${key}' does not match ${String(KEY_PATTERN)}`);
  }
}

export function checkValue(value: unknown, space: Space): void {
  if (value === undefined || value === null) {
    throw badRequest('BAD_REQUEST', 'A value is required (string, number, boolean, array or object)');
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  const max = space === 'secret' ? MAX_SECRET_VALUE_BYTES : MAX_VALUE_BYTES;
  if (bytes > max) {
    throw badRequest('MAX_SIZE', `Value is ${bytes} bytes when serialized; the maximum is ${max} bytes (${max / 1024} KiB)`, {
      size: bytes,
      maxSize: max,
    });
  }
  const depth = depthOf(value);
  if (depth > MAX_OBJECT_DEPTH) {
    throw badRequest('MAX_DEPTH', `Value is nested ${depth} levels deep; the maximum object depth is ${MAX_OBJECT_DEPTH}`);
  }
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

export function findEntity(entities: readonly EntityDefinition[], entityName: string): EntityDefinition {
  const entity = entities.find((e) => e.name === entityName);
  if (!entity) {
    throw badRequest('INVALID_ENTITY_TYPE', `Entity '${entityName}' is not declared in the manifest (app.storage.entities)`);
  }
  return entity;
}

/** Entity values are objects whose attributes are declared with a matching type. */
export function checkEntityValue(entity: EntityDefinition, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('INVALID_ENTITY_VALUE', `A '${entity.name}' value must be an object of its declared attributes`);
  }
  for (const [name, attributeValue] of Object.entries(value as Record<string, unknown>)) {
    const attribute = entity.attributes[name];
    if (!attribute) {
      throw badRequest('INVALID_ENTITY_VALUE', `Attribute '${name}' is not declared on entity '${entity.name}'`);
    }
    if (!matchesType(attribute.type, attributeValue)) {
      throw badRequest(
        'INVALID_ENTITY_VALUE',
        `Attribute '${name}' of entity '${entity.name}' must be of type ${attribute.type}; got ${JSON.stringify(attributeValue)}`,
      );
    }
  }
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return value !== undefined;
  }
}
