import { z } from 'zod';
import { IssueKey } from './schemas';

const Version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const MeetingNotifyPayload = z.object({ issueKey: IssueKey, version: Version, again: z.boolean().optional() }).strict();
