import { checkBlameless } from '../../src/domain/blameless/check';
import { BLAMELESS_RULES } from '../../src/domain/blameless/rules';
import type { BlamelessRule, CheckField } from '../../src/domain/blameless/types';

/** The people on the review in these examples. */
const NAMES = ['Maya Okafor', 'Greg Lee', 'Cathy Ng', 'Daniel Park', 'Aiko Sato', 'José Álvarez'];

interface Catch {
  text: string;
  flags: string[];
  field?: CheckField;
  names?: string[];
}
interface Clean {
  text: string;
  field?: CheckField;
  names?: string[];
}

const run = (rule: BlamelessRule, text: string, field?: CheckField, names = NAMES) =>
  checkBlameless(text, { knownNames: names, field }, [rule]);

/** The exact spans of the phrases, found one after another in the text. */
function spansOf(text: string, phrases: string[]): [number, number][] {
  let from = 0;
  return phrases.map((p) => {
    const start = text.indexOf(p, from);
    if (start < 0) throw new Error(`"${p}" is not in "${text}"`);
    from = start + p.length;
    return [start, from];
  });
}

const described: string[] = [];
const ruleById = (id: string): BlamelessRule => {
  const rule = BLAMELESS_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

/** One describe per rule: what it catches, with exact spans, and ordinary phrases it leaves alone. */
function describeRule(id: string, catches: Catch[], cleans: Clean[], more?: (rule: BlamelessRule) => void) {
  described.push(id);
  describe(`rule ${id}`, () => {
    const rule = ruleById(id);
    it.each(catches)('flags $flags in "$text"', ({ text, flags, field, names }) => {
      const found = run(rule, text, field, names);
      expect(found.map((f) => [f.start, f.end])).toStrictEqual(spansOf(text, flags));
      expect(found.map((f) => text.slice(f.start, f.end))).toStrictEqual(flags);
    });
    it.each(cleans)('leaves "$text" alone', ({ text, field, names }) => {
      expect(run(rule, text, field, names)).toStrictEqual([]);
    });
    it('says in one sentence why the phrasing hurts learning', () => {
      expect(rule.reason).toMatch(/^[A-Z][^.]*[a-z]\.$/u);
    });
    more?.(rule);
  });
}

describeRule(
  'human-error',
  [
    { text: 'The outage was caused by human error during the failover.', flags: ['human error'] },
    { text: 'Closing as operator error, no follow-up needed.', flags: ['operator error'] },
    { text: 'Classic user error: the wrong region was selected in the console.', flags: ['user error'] },
    { text: 'Honestly? PEBKAC.', flags: ['PEBKAC'] },
    { text: 'Someone fat-fingered the CIDR range in the VPC config.', flags: ['fat-fingered'] },
    { text: 'HUMAN ERRORS during the deploy and an operator mistake in the rollback.', flags: ['HUMAN ERRORS', 'operator mistake'] },
  ],
  [
    { text: 'The user error rate doubled after the release.' },
    { text: '4xx user errors rose as clients retried with stale tokens.' },
    { text: 'It was not human error: the runbook pointed at the old cluster.' },
    { text: 'Add a confirmation step to prevent operator error on prod.' },
    { text: 'The operator restarted the pod after the error cleared.' },
    { text: 'Error budgets are owned by each team; the human-readable export was unaffected.' },
  ],
  (rule) => {
    it('suggests describing what made the action make sense at the time', () => {
      expect(run(rule, 'It was human error.')[0].suggestion).toMatch(
        /what made the action make sense at the time \(e\.g\. unclear runbook, missing guardrail/u,
      );
    });
  },
);

describeRule(
  'counterfactual',
  [
    { text: 'Greg should have noticed the spike in 5xx before paging.', flags: ['should have noticed'] },
    { text: 'We could have caught this in staging.', flags: ['could have caught'] },
    { text: "Someone should've checked the TTL before merging.", flags: ["should've checked"] },
    { text: 'The on-call shouldn’t have restarted the primary first.', flags: ['shouldn’t have restarted'] },
    { text: 'This should have been caught by CI.', flags: ['should have been caught'] },
    { text: 'This could have been avoided with a lock.', flags: ['could have been avoided'] },
    { text: 'We should have rolled back immediately.', flags: ['should have rolled back'] },
    { text: 'We should not have deployed on a Friday.', flags: ['should not have deployed'] },
    { text: 'With a canary we would have seen the problem earlier.', flags: ['would have seen'] },
    { text: 'We failed to notice the replication lag for forty minutes.', flags: ['failed to'] },
    { text: 'Maya Okafor failed to page the secondary.', flags: ['failed to'] },
    { text: 'The on-call neglected to update the status page.', flags: ['neglected to'] },
    { text: 'If only we had a canary stage, none of this would have happened.', flags: ['If only'] },
    { text: "They didn't bother to read the runbook.", flags: ["didn't bother"] },
    { text: 'SHOULD HAVE KNOWN.', flags: ['SHOULD HAVE KNOWN'] },
    { text: 'We should have tested backups more often.', flags: ['should have tested'], field: 'learning' },
    { text: 'Owner should have checked the dashboard.', flags: ['should have checked'], field: 'action-item' },
  ],
  [
    { text: 'We should add alerting on queue depth.' },
    { text: 'Should have alerts on queue depth.', field: 'action-item' },
    { text: 'The consumer should have alerts on queue depth and a dashboard.', field: 'learning' },
    { text: 'The deploy would have to wait until the change freeze lifted.' },
    { text: 'A schema change like this could have impact on billing exports.' },
    { text: 'It could have been much worse: the replica was still healthy.' },
    { text: 'Without the circuit breaker the retry storm would have affected every tenant.' },
    { text: 'A canary stage would have helped us notice sooner.' },
    { text: 'We would have liked more context in the page.' },
    { text: 'The timeout could have been caused by GC pauses; we are still checking.' },
    { text: 'The cache might have expired before the retry.' },
    { text: 'Nobody could have known that the flag was shared.' },
    { text: "We couldn't have caught this in staging: the data only exists in prod." },
    { text: "The retry wouldn't have helped, and we could have never known about the flag." },
    { text: 'Customers could have seen stale prices for ten minutes.' },
    { text: 'The job failed to start because the image was missing.' },
    { text: 'Two pods failed to pull the image from the registry.' },
    { text: 'The fallback only works if only one replica is down.' },
    { text: 'We should have automated rollback for config pushes.', field: 'action-item' },
    { text: 'We should have tested backups every quarter.', field: 'action-item' },
    { text: 'Every service should have dedicated runbooks.' },
    { text: 'The on-call rotation should have read access to the billing bucket.' },
  ],
  (rule) => {
    it('suggests asking what would have helped, with the verb of the counterfactual', () => {
      expect(run(rule, 'Greg should have noticed the lag.')[0].suggestion).toBe(
        'Ask what would have helped at the time: "What would have helped us notice sooner?"',
      );
    });
    it('tells the same words apart by what follows "have": a thing to have, or a past participle', () => {
      expect(run(rule, 'We should have alerts on queue depth.')).toStrictEqual([]);
      expect(run(rule, 'We should have alerted on queue depth.').map((f) => f.excerpt)).toStrictEqual(['should have alerted']);
    });
  },
);

describeRule(
  'judgement',
  [
    { text: 'The change was careless and the review was sloppy.', flags: ['careless', 'sloppy'] },
    { text: "Honestly it was Greg's fault for pushing on a Friday.", flags: ["Greg's fault"] },
    { text: 'The on-call was negligent and reckless with prod credentials.', flags: ['negligent', 'reckless'] },
    { text: 'Whoever is at fault should own the fix.', flags: ['at fault'] },
    { text: 'A mistake by the release manager let the flag through.', flags: ['mistake by'] },
    { text: 'Ops dropped the ball on the certificate renewal.', flags: ['dropped the ball'] },
    { text: 'We all know who to blame for this one.', flags: ['blame'] },
    { text: 'Support blamed the CDN at first.', flags: ['blamed'] },
    { text: 'Aiko screwed up the migration order.', flags: ['screwed up'] },
    { text: 'An incompetent change, frankly, and a lazy review.', flags: ['incompetent', 'lazy'] },
  ],
  [
    { text: 'The queue is fault-tolerant by design.' },
    { text: 'We ran fault injection against the payment gateway.' },
    { text: 'The default timeout is 30 seconds.' },
    { text: 'This is a blameless review; we hold a no-blame retro every sprint.' },
    { text: 'git blame shows the line predates the migration.' },
    { text: 'The fault was in the TLS library, not the proxy.' },
    { text: "It was nobody's fault: the runbook predates the new cluster." },
    { text: 'Images use lazy loading, and React.lazy splits the bundle.' },
    { text: 'Riak uses a sloppy quorum during partitions.' },
    { text: 'Nobody is to blame; the alert routing was stale.' },
    { text: 'Blame-free reviews need facts. The disk reported a faulty sector.' },
  ],
);

describeRule(
  'root-cause',
  [
    { text: 'The root cause was an expired certificate.', flags: ['root cause'] },
    { text: 'We did a root-cause analysis on Friday.', flags: ['root-cause'] },
    { text: 'RCA: config drift between regions.', flags: ['RCA'] },
    { text: 'The cause was a bad DNS record.', flags: ['The cause was'] },
    { text: 'The real cause is the missing index.', flags: ['The real cause'] },
    { text: 'We root caused it to the retry loop.', flags: ['root caused'] },
  ],
  [
    { text: 'Contributing factors include the stale runbook and the missing alert.' },
    { text: 'There is no single root cause here.' },
    { text: 'The cause was unclear for the first hour.' },
    { text: 'Changes that cause drift are now blocked at review.' },
    { text: 'It failed because the root volume was full.' },
    { text: 'Probable causes are listed below; the cause of the latency is being measured.' },
  ],
  (rule) => {
    it('suggests contributing factors', () => {
      expect(run(rule, 'The root cause was DNS.')[0].suggestion).toMatch(/contributing factors/u);
    });
  },
);

describeRule(
  'person-as-subject',
  [
    { text: 'Greg broke the build with the lockfile change.', flags: ['Greg broke'] },
    { text: 'Cathy forgot to rotate the signing key.', flags: ['Cathy forgot'] },
    { text: 'At 14:05 Maya missed the second page.', flags: ['Maya missed'] },
    { text: "Daniel didn't check the canary dashboard.", flags: ["Daniel didn't check"] },
    { text: 'The cutover stalled after Aiko caused a schema lock.', flags: ['Aiko caused'] },
    { text: 'Maya Okafor accidentally misconfigured the load balancer.', flags: ['Maya Okafor accidentally misconfigured'] },
    { text: 'greg messed up the DNS record.', flags: ['greg messed up'] },
    {
      text: 'José Álvarez overlooked the warning; then Greg Lee made a mistake.',
      flags: ['José Álvarez overlooked', 'Greg Lee made a mistake'],
    },
    { text: 'Page failed to hand over.', flags: ['Page failed'], names: ['Page Turner'] },
  ],
  [
    { text: 'Greg fixed the build at 14:10.' },
    { text: 'Cathy restarted the consumer and lag recovered.' },
    { text: 'Gregory broke the tie in the vote.' },
    { text: 'The page failed to load for EU users.', names: ['Page Turner'] },
    { text: "Greg's change broke the build." },
    { text: 'Maya noticed the spike and paged Daniel.' },
    { text: 'Sam broke the build.', names: [] },
  ],
  (rule) => {
    it('suggests making the system the subject', () => {
      expect(run(rule, 'Greg broke the build.')[0].suggestion).toBe(
        'Make the system the subject: "The build broke after the change to …".',
      );
    });
  },
);

describeRule(
  'hindsight',
  [
    { text: 'Obviously the disk was going to fill up.', flags: ['Obviously'] },
    { text: 'In hindsight it was obvious that the retries would amplify load.', flags: ['it was obvious'] },
    { text: 'The on-call clearly should have rolled back.', flags: ['clearly should'] },
    { text: 'Any competent engineer would check the TTL.', flags: ['Any competent'] },
    { text: 'He just had to run the cleanup script.', flags: ['just had to'] },
    { text: 'Greg should have known better.', flags: ['should have known better'] },
    { text: 'The answer was so obvious.', flags: ['was so obvious'] },
  ],
  [
    { text: 'In hindsight, the alert threshold was too high.' },
    { text: "It wasn't obvious from the dashboard that the queue was backing up." },
    { text: 'The runbook clearly states the order of steps.' },
    { text: 'We just had to wait for the DNS TTL to expire.' },
    { text: 'Any reasonable timeout would do.' },
    { text: 'The fix was not obviously related to the outage.' },
    { text: 'We want to know better how the cache behaves under load.' },
  ],
);

describe('the rule list', () => {
  it('has a describe above for every rule, and no describe without a rule', () => {
    expect([...described].sort()).toStrictEqual(BLAMELESS_RULES.map((r) => r.id).sort());
  });

  it('has unique ids and a title for every rule', () => {
    expect(new Set(BLAMELESS_RULES.map((r) => r.id)).size).toBe(BLAMELESS_RULES.length);
    expect(BLAMELESS_RULES.filter((r) => r.title.trim() === '')).toStrictEqual([]);
  });

  it('never suggests a rewrite that would itself be flagged', () => {
    const flagged = [
      'It was human error.',
      'Greg should have noticed the lag.',
      'If only we had known.',
      "Greg's fault.",
      'The root cause was DNS.',
      'RCA below.',
      'Cathy forgot.',
      'Maya missed it.',
      "Daniel didn't check.",
      'Aiko misconfigured it.',
      'Obviously.',
      "They didn't bother.",
      'We failed to notice.',
    ];
    const suggestions = new Set(flagged.flatMap((t) => checkBlameless(t, { knownNames: NAMES }).map((f) => f.suggestion)));
    expect(suggestions.size).toBeGreaterThan(8);
    expect([...suggestions].filter((s) => checkBlameless(s, { knownNames: NAMES }).length > 0)).toStrictEqual([]);
  });
});
