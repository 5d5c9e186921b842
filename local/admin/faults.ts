import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { mulberry32 } from '../prng';

/** Fault injection for the product APIs, set with `PUT /__admin/faults`. */
export const FaultConfigSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    rate429: z.number().min(0).max(1).default(0),
    retryAfterS: z.number().int().min(0).max(600).default(1),
    rate5xx: z.number().min(0).max(1).default(0),
    /** Fraction of requests that hang past any sensible client timeout (then 504). */
    rateTimeout: z.number().min(0).max(1).default(0),
    timeoutMs: z.number().int().min(0).max(120_000).default(30_000),
    /** Only requests whose path starts with this are affected (e.g. "/rest/api/3/issue/bulk"). */
    pathPrefix: z.string().max(500).optional(),
    /** Seed for the fault dice, so a test run is repeatable. */
    seed: z.number().int().optional(),
  })
  .strict();

export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export const NO_FAULTS: FaultConfig = FaultConfigSchema.parse({});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FaultInjector {
  private config: FaultConfig = NO_FAULTS;
  private dice: () => number = Math.random;

  get current(): FaultConfig {
    return this.config;
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.dice = config.seed === undefined ? Math.random : mulberry32(config.seed);
  }

  reset(): void {
    this.set(NO_FAULTS);
  }

  middleware() {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const c = this.config;
      if (c.pathPrefix && !req.originalUrl.startsWith(c.pathPrefix)) return next();
      if (c.latencyMs > 0) await sleep(c.latencyMs);
      const roll = this.dice();
      if (roll < c.rate429) {
        res
          .status(429)
          .set({
            'Retry-After': String(c.retryAfterS),
            'X-RateLimit-Limit': '100',
            'X-RateLimit-Remaining': '0',
            'RateLimit-Reason': 'jira-burst-based',
          })
          .json({ errorMessages: ['Rate limit exceeded.'], errors: {} });
        return;
      }
      if (roll < c.rate429 + c.rate5xx) {
        res.status(503).json({ errorMessages: ['Service temporarily unavailable (injected fault).'], errors: {} });
        return;
      }
      if (roll < c.rate429 + c.rate5xx + c.rateTimeout) {
        await sleep(c.timeoutMs);
        res.status(504).json({ errorMessages: ['Gateway timeout (injected fault).'], errors: {} });
        return;
      }
      next();
    };
  }
}
