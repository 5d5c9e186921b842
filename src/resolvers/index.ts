import type Resolver from '@forge/resolver';
import { createForgeJiraClient } from '../jira/forge-jira-client';
import { getIncidentOverview } from '../use-cases/get-incident-overview';
import { defineResolver } from './define';
import { IncidentGetPayload } from './schemas';

/** Registers every resolver key of `ResolverMap` (src/contract.ts). */
export function registerResolvers(resolver: Resolver): void {
  resolver.define(
    'incident/get',
    defineResolver('incident/get', IncidentGetPayload, (p, ctx) => getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey)),
  );
}
