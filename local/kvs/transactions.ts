import { compileFilters } from './conditions';
import type { EntityDefinition } from './entity-definitions';
import { badRequest, conditionFailed } from './errors';
import { checkWritable, refFor, ttlToMs } from './item-operations';
import { MAX_TRANSACTION_OPERATIONS } from './limits';
import type { ItemRef, ItemStore } from './store';
import type { Filters, TransactionRequest } from './wire';

interface PlannedOperation {
  operation: 'set' | 'delete' | 'check';
  ref: ItemRef;
  entityName?: string;
  conditions?: Filters;
  apply?: () => void;
}

/**
 * POST /api/v1/transaction: all operations commit together or none does. Every condition is
 * evaluated against the state before the transaction; a `check` on a missing key fails; a
 * conditional set/delete of a missing key evaluates its conditions against an empty entity.
 */
export function runTransaction(store: ItemStore, entities: readonly EntityDefinition[], request: TransactionRequest): void {
  const plan: PlannedOperation[] = [];
  const target = (key: string, entityName: string | undefined, conditions: Filters | undefined) => {
    if (conditions && entityName === undefined) {
      throw badRequest('BAD_REQUEST', `Conditions on key '${key}' need an entityName: plain KVS keys take no conditions`);
    }
    if (conditions) compileFilters(conditions);
    return refFor(entities, entityName === undefined ? 'kvs' : 'entity', key, entityName);
  };

  for (const op of request.set ?? []) {
    const { ref, entity } = target(op.key, op.entityName, op.conditions);
    checkWritable(ref, entity, op.value);
    const ttlMs = ttlToMs(op.options?.ttl);
    plan.push({
      operation: 'set',
      ref,
      entityName: op.entityName,
      conditions: op.conditions,
      apply: () => store.put(ref, op.value, ttlMs),
    });
  }
  for (const op of request.delete ?? []) {
    const { ref } = target(op.key, op.entityName, op.conditions);
    plan.push({ operation: 'delete', ref, entityName: op.entityName, conditions: op.conditions, apply: () => store.delete(ref) });
  }
  for (const op of request.check ?? []) {
    const { ref } = target(op.key, op.entityName, op.conditions);
    plan.push({ operation: 'check', ref, entityName: op.entityName, conditions: op.conditions });
  }

  if (plan.length === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation');
  if (plan.length > MAX_TRANSACTION_OPERATIONS) {
    throw badRequest(
      'TRANSACTION_LIMIT_EXCEEDED',
      `A transaction can contain at most ${MAX_TRANSACTION_OPERATIONS} operations; got ${plan.length}`,
    );
  }
  const seen = new Set<string>();
  for (const { ref } of plan) {
    const id = JSON.stringify([ref.space, ref.entityName, ref.key]);
    if (seen.has(id)) throw badRequest('DUPLICATE_KEYS', `Key '${ref.key}' is used more than once in the transaction`);
    seen.add(id);
  }

  store.atomically(() => {
    const failed = plan.filter((op) => !conditionHolds(store, op));
    if (failed.length > 0) {
      throw conditionFailed(
        failed.map((op) => ({ key: op.ref.key, operation: op.operation, ...(op.entityName ? { entityName: op.entityName } : {}) })),
      );
    }
    for (const op of plan) op.apply?.();
  });
}

function conditionHolds(store: ItemStore, op: PlannedOperation): boolean {
  const current = store.get(op.ref);
  if (op.operation === 'check' && !current) return false;
  if (!op.conditions) return true;
  return compileFilters(op.conditions)((current?.value ?? {}) as Record<string, unknown>);
}
