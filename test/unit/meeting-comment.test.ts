import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { meetingComment, NOTICE_MARK } from '../../src/domain/meeting/meeting-comment';
import { meetingKey } from '../../src/domain/meeting/meeting-key';
import type { MeetingDetails } from '../../src/contract';

function adfValidator(): ValidateFunction {
  const path = require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}
const validate = adfValidator();

const MAYA = { accountId: '712020:4c1d2f6e-maya-okafor', displayName: 'Maya Okafor' };
const DANIEL = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes' };
const input = {
  incidentKey: 'INC-1',
  title: 'INC-1: Login page outage',
  when: { kind: 'timed' as const, start: new Date('2026-12-07T14:30:00Z'), timeZone: 'Europe/London' },
  participants: [MAYA, DANIEL],
  reviewUrl: 'https://acme.atlassian.net/browse/INC-1',
};

type Node = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: Node[];
};
const nodes = (n: Node): Node[] => [n, ...(n.content ?? []).flatMap(nodes)];

describe('meetingComment', () => {
  it('mentions each participant by account id, says when and links to the review', () => {
    const body = meetingComment(input) as unknown as Node;
    const all = nodes(body);
    expect(all.filter((n) => n.type === 'mention').map((n) => n.attrs)).toEqual([
      { id: MAYA.accountId, text: '@Maya Okafor', accessLevel: '' },
      { id: DANIEL.accountId, text: '@Daniel Reyes', accessLevel: '' },
    ]);
    const text = all.map((n) => n.text ?? '').join('');
    expect(text).toContain('Monday, 7 December 2026 at 14:30 (Europe/London)');
    expect(text).toContain(NOTICE_MARK);
    expect(
      all
        .flatMap((n) => n.marks ?? [])
        .filter((m) => m.type === 'link')
        .map((m) => m.attrs?.href),
    ).toEqual(['https://acme.atlassian.net/browse/INC-1']);
  });

  it('validates against @atlaskit/adf-schema', () => {
    expect(validate(meetingComment(input))).toBe(true);
    expect(validate(meetingComment({ ...input, when: { kind: 'day', date: '2026-12-07' }, participants: [MAYA] }))).toBe(true);
  });

  it('validates whatever the names and title, and never links anything but http(s)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(
          fc.record({ accountId: fc.stringMatching(/^[A-Za-z0-9:_-]{1,40}$/), displayName: fc.string({ minLength: 1, maxLength: 60 }) }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom('https://acme.atlassian.net/browse/INC-1', 'javascript:alert(1)', 'data:text/html,x', ''),
        (title, participants, reviewUrl) => {
          const body = meetingComment({ ...input, title, participants, reviewUrl });
          expect(validate(body)).toBe(true);
          const hrefs = nodes(body as unknown as Node)
            .flatMap((n) => n.marks ?? [])
            .filter((m) => m.type === 'link')
            .map((m) => String(m.attrs?.href));
          expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('meetingKey', () => {
  const meeting: Pick<MeetingDetails, 'meetingDate' | 'meetingTime' | 'meetingTimeZone' | 'participants'> = {
    meetingDate: '2026-12-07',
    meetingTime: '14:30',
    meetingTimeZone: 'Europe/London',
    participants: [
      { ...MAYA, role: 'incident-commander' },
      { ...DANIEL, role: 'first-responder' },
    ],
  };

  it('is the same for the same date, time and people, in any order and any roles', () => {
    expect(
      meetingKey({
        ...meeting,
        participants: [
          { ...DANIEL, role: 'support' },
          { ...MAYA, role: 'stakeholder' },
        ],
      }),
    ).toBe(meetingKey(meeting));
  });

  it('changes with the date, the time, the zone or the people', () => {
    const key = meetingKey(meeting);
    expect(meetingKey({ ...meeting, meetingDate: '2026-12-08' })).not.toBe(key);
    expect(meetingKey({ ...meeting, meetingTime: '15:30' })).not.toBe(key);
    expect(meetingKey({ ...meeting, meetingTimeZone: 'Europe/Berlin' })).not.toBe(key);
    expect(meetingKey({ ...meeting, participants: meeting.participants.slice(1) })).not.toBe(key);
  });
});
