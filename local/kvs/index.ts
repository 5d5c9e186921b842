/**
 * Local Forge KVS service: the storage behind `@forge/kvs` for the offline local site.
 * Mount `createKvsRouter(db, { entities })` at `/__kvs`; call `migrateKvs(db)` once at startup.
 */
export { migrateKvs, resetKvs } from './schema';
export { createKvsRouter, type KvsRouterOptions } from './routes';
export { loadEntityDefinitions, type EntityDefinition, type EntityIndex, type AttributeType } from './entity-definitions';
export { KvsError } from './errors';
