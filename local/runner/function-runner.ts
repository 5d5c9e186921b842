import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runInInvocation } from './forge-globals';
import { productOfModule, type Installation } from './installation';
import type { AppManifest } from './manifest';

/** Forge's invocation limit for a resolver or scheduled trigger. */
export const INVOCATION_LIMIT_MS = 25_000;

export class InvocationError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ResolverCall {
  moduleKey: string;
  /** The resolver definition key, e.g. `incident/get`. */
  functionKey: string;
  payload: unknown;
  /** Extension context the host gives the module (issue, project, macro config…). */
  extensionContext: Record<string, unknown>;
  accountId: string | undefined;
}

type Handler = (event: unknown, runtimePayload: unknown) => Promise<unknown>;

/**
 * Loads the built backend (`.build/backend/<file>.js`) and calls its handlers the way Forge
 * does: the resolver handler gets `{ call: { functionKey, payload }, context }` and the
 * principal in the second argument; a scheduled trigger gets its event.
 */
export class FunctionRunner {
  constructor(
    private readonly manifest: AppManifest,
    private readonly backendDir: string,
    private readonly site: { cloudId: string; siteUrl: string },
    /** Every module runs in this one installation: one storage, one install context. */
    private readonly installation: Installation,
  ) {}

  /** A module of a product the installation does not span has no extension point on the site: it cannot be invoked. */
  private offered(type: string): boolean {
    const product = productOfModule(type);
    return product === null || this.installation.products.has(product);
  }

  private handler(functionKey: string): Handler {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new InvocationError(404, `No function '${functionKey}' in manifest.yml`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built backend is CommonJS, loaded at run time like Forge loads it
    const mod = require(join(this.backendDir, `${fn.file}.js`)) as Record<string, unknown>;
    const handler = mod[fn.exportName];
    if (typeof handler !== 'function') throw new InvocationError(500, `Handler ${fn.file}.${fn.exportName} is not exported`);
    return handler as Handler;
  }

  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.manifest.modules.get(call.moduleKey);
    if (!module?.functionKey) throw new InvocationError(404, `No module '${call.moduleKey}' with a resolver in manifest.yml`);
    if (!this.offered(module.type))
      throw new InvocationError(
        404,
        `Module '${call.moduleKey}' is not installed on this site: it extends a product the site does not have`,
      );
    const handler = this.handler(module.functionKey);
    const context = {
      ...call.extensionContext,
      moduleKey: call.moduleKey,
      cloudId: this.site.cloudId,
      siteUrl: this.site.siteUrl,
    };
    const runtimePayload = {
      principal: call.accountId ? { accountId: call.accountId } : undefined,
      installContext: this.installation.installContext,
    };
    return this.run(call.moduleKey, call.accountId, () =>
      handler({ call: { functionKey: call.functionKey, payload: call.payload }, context }, runtimePayload),
    );
  }

  async invokeTrigger(triggerKey: string): Promise<unknown> {
    const module = this.manifest.modules.get(triggerKey);
    if (!module || module.type !== 'scheduledTrigger' || !module.functionKey) {
      throw new InvocationError(404, `No scheduled trigger '${triggerKey}' in manifest.yml`);
    }
    const handler = this.handler(module.functionKey);
    const event = { context: { cloudId: this.site.cloudId, moduleKey: triggerKey }, contextToken: 'local' };
    return this.run(triggerKey, undefined, () => handler(event, {}));
  }

  private async run(moduleKey: string, accountId: string | undefined, fn: () => Promise<unknown>): Promise<unknown> {
    const deadlineMs = Date.now() + INVOCATION_LIMIT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new InvocationError(504, `The function did not finish within Forge's ${INVOCATION_LIMIT_MS / 1000} s limit`)),
        INVOCATION_LIMIT_MS,
      );
    });
    try {
      return await Promise.race([runInInvocation({ invocationId: randomUUID(), accountId, moduleKey, deadlineMs }, fn), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
