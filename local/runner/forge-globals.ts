import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The globals that the unmodified @forge/api and @forge/kvs packages call on Forge:
 * `__forge_fetch__(descriptor, path, init)` for every product, storage and egress request,
 * and `__forge_runtime__` for the invocation's app context. On Forge the host injects them
 * per invocation; here each invocation runs inside an AsyncLocalStorage scope so concurrent
 * invocations keep their own identity and deadline.
 */
export interface InvocationScope {
  invocationId: string;
  accountId: string | undefined;
  moduleKey: string;
  deadlineMs: number;
}

export interface ForgeAppIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  appVersion: string;
}

export interface ForgeFetchDescriptor {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface SiteTransport {
  baseUrl: string;
  appToken(): string;
  userToken(accountId: string): string;
}

const scopes = new AsyncLocalStorage<InvocationScope>();

export function runInInvocation<T>(scope: InvocationScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn);
}

export function currentInvocation(): InvocationScope | undefined {
  return scopes.getStore();
}

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

/** Installs the globals once per process; later calls re-point them at another site. */
export function installForgeGlobals(site: SiteTransport, app: ForgeAppIdentity): void {
  const g = globalThis as Record<string, unknown>;

  g.__forge_fetch__ = async (descriptor: ForgeFetchDescriptor, path: string, init: RequestInit = {}) => {
    const scope = currentInvocation();
    const headers = new Headers(init.headers);
    let url: string;
    if (descriptor.type === 'kvs') {
      url = `${site.baseUrl}/__kvs${path}`;
      headers.set('authorization', `Bearer ${site.appToken()}`);
    } else if (descriptor.type === 'fpp' && (descriptor.remote === 'jira' || descriptor.remote === 'confluence')) {
      url = `${site.baseUrl}${path}`;
      const accountId = descriptor.accountId ?? scope?.accountId;
      if (descriptor.provider === 'user') {
        // asUser() outside an invocation with a user has no identity: Forge answers 401 too.
        if (accountId) headers.set('authorization', `Bearer ${site.userToken(accountId)}`);
      } else {
        headers.set('authorization', `Bearer ${site.appToken()}`);
      }
    } else {
      // Egress to other hosts is not part of this app; fail the way a missing egress permission does.
      return new Response(JSON.stringify({ message: `Egress not permitted: ${descriptor.remote ?? path}` }), {
        status: 403,
        headers: { 'content-type': 'application/json', 'forge-proxy-error': 'EGRESS_NOT_ALLOWED' },
      });
    }
    return fetch(url, { ...init, headers });
  };

  Object.defineProperty(g, '__forge_runtime__', {
    configurable: true,
    get() {
      const scope = currentInvocation();
      return {
        proxy: { token: site.appToken(), url: site.baseUrl },
        appContext: {
          appId: app.appId,
          appVersion: app.appVersion,
          environmentId: app.environmentId,
          environmentType: 'DEVELOPMENT',
          installationId: app.installationId,
          invocationId: scope?.invocationId ?? randomUUID(),
          moduleKey: scope?.moduleKey ?? '',
          permissions: { scopes: [], external: {} },
        },
        lambdaContext: {
          getRemainingTimeInMillis: () => Math.max(0, (scope?.deadlineMs ?? Date.now() + 25_000) - Date.now()),
        },
        metrics: noopMetrics,
        tracing: { traceId: scope?.invocationId ?? 'local', spanId: 'local' },
        externalAuth: [],
      };
    },
  });
}
