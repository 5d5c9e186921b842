import fc from 'fast-check';
import { checkBlameless } from '../../src/domain/blameless/check';
import { counterfactual } from '../../src/domain/blameless/counterfactual';
import { personAsSubject, personCandidates } from '../../src/domain/blameless/person-as-subject';
import type { CheckField } from '../../src/domain/blameless/types';

const NAMES = ['Maya Okafor', 'Daniel Reyes', 'Tomás Herrera'];
const flagged = (text: string, names: readonly string[] = NAMES, field?: CheckField) =>
  checkBlameless(text, { knownNames: names, field }, [personAsSubject]).map((f) => f.excerpt);

describe('person-as-subject: people the review does not list yet', () => {
  it.each([
    ['He forgot to renew the cert.', 'He forgot'],
    ["she didn't check the alert before going offline.", "she didn't check"],
    ['At 02:10 he missed the page.', 'he missed'],
    ['She failed to escalate.', 'She failed'],
    ['He should have rolled back first.', 'He should have rolled'],
    ['They forgot to renew the certificate.', 'They forgot'],
    ['Someone ignored the disk-space warning.', 'Someone ignored'],
    ["I didn't bother to read the runbook.", "I didn't bother"],
    // An unknown capitalised word followed by a failure only a person commits.
    ['Greg forgot to renew the cert.', 'Greg forgot'],
    ['Greg Smith forgot to renew the cert.', 'Greg Smith forgot'],
    ['The alert fired but Priya overlooked it.', 'Priya overlooked'],
    ["Wei didn't realise the flag was shared.", "Wei didn't realise"],
    ['Olu never realised the queue was full.', 'Olu never realised'],
    ['Sam fat-fingered the hostname.', 'Sam fat-fingered'],
    ['Greg should have known the cert expires.', 'Greg should have known'],
  ])('flags "%s"', (text, excerpt) => {
    expect(flagged(text, [])).toStrictEqual([excerpt]);
  });

  it('flags any failure verb after a name typed in the form, however spelled', () => {
    expect(flagged('Greg broke the build.', ['Greg Lee'])).toStrictEqual(['Greg broke']);
    expect(flagged('tomas broke the build.', NAMES)).toStrictEqual(['tomas broke']);
    expect(flagged('DANIEL missed the second page.', NAMES)).toStrictEqual(['DANIEL missed']);
  });

  // Near misses: sentences that open with a capitalised word, or name a thing that failed.
  it.each([
    'Retries failed to drain the queue.',
    'Postgres failed over to the replica at 14:02.',
    "Monday's deploy broke the build.",
    'Grafana missed the spike: the panel samples every minute.',
    'Sam broke the build.', // a failure a system can have; Sam is a person only if the review or Jira knows him
    'Nginx ignored the X-Forwarded-For header.',
    'Kafka dropped messages when the broker restarted.',
    'The deploy forgot nothing: every step ran.',
    'Our scheduler forgot the job after the restart.',
    'Consul never noticed the node had gone.', // only "forgot"-like words count after an unknown word
    'Terraform failed to acquire the state lock.',
    'Support updated the status page at 14:10.',
    'Friday missed its target.',
    'Her script broke the build.', // "her" is a possessive, the script is the subject
    'We asked him; he fixed it at 14:20.',
    'They restarted the service and it recovered.',
    'The pods failed; they broke the queue.', // "they" are the pods: not a person-only verb
    'DNS forgot the record after the TTL expired.', // an acronym, not a name
    'If he had seen the alert he would have paged us.', // a condition, and no failure verb after "he"
    'We missed the page because it was muted.', // "we" owns the outcome together
    'Also forgot to renew the cert.', // no subject at all
    'Then overlooked the second alert.',
  ])('leaves "%s" alone', (text) => {
    expect(flagged(text, NAMES)).toStrictEqual([]);
  });
});

describe('personCandidates: unknown capitalised subjects of a failure, to look up in Jira', () => {
  it('names the capitalised words before a failure verb that nobody listed', () => {
    expect(personCandidates('Sam broke the build. Postgres failed over. The Auth service failed.', { knownNames: NAMES })).toStrictEqual([
      'Sam',
      'Postgres',
    ]);
  });

  it('leaves out names already known and words after a determiner', () => {
    expect(personCandidates('Maya broke it; the Auth service failed; DNS failed.', { knownNames: NAMES })).toStrictEqual([]);
  });
});

describe('property: a sentence without a person as subject is never flagged', () => {
  const SYSTEM_SUBJECTS = [
    'Retries',
    'Postgres',
    'Grafana',
    'Kafka',
    'The deploy',
    'Our scheduler',
    "Monday's deploy",
    'The Auth service',
    'Each worker',
    'DNS',
    'The cron job',
    'Redis',
    'The page',
  ];
  const ANY_VERBS = [
    'broke',
    'failed',
    'failed to',
    'missed',
    'caused',
    'ignored',
    'skipped',
    'dropped',
    "didn't check",
    'did not update',
    'never checked',
    'misconfigured',
    'forgot',
    'overlooked',
    "didn't notice",
    'should have caught',
  ];
  const SYSTEM_VERBS = [
    'broke',
    'failed',
    'failed to',
    'missed',
    'caused',
    'ignored',
    'skipped',
    'dropped',
    "didn't check",
    'did not update',
    'never checked',
    'misconfigured',
    'should have caught',
  ];
  const tail = fc.constantFrom('the build.', 'the spike.', 'to drain the queue.', 'over at 14:02.', 'the retry budget.', '');
  const names = fc.array(fc.constantFrom('Maya Okafor', 'Daniel Reyes', 'Greg Lee', 'Cathy Ng'), { maxLength: 4 });

  it('after a determiner or possessive, whatever the verb', () => {
    const det = fc.constantFrom(
      'The deploy',
      'Our scheduler',
      "Monday's deploy",
      'The Auth service',
      'Each worker',
      'The cron job',
      'This change',
      'A retry',
    );
    fc.assert(
      fc.property(det, fc.constantFrom(...ANY_VERBS), tail, names, (subject, verb, rest, known) => {
        expect(flagged(`${subject} ${verb} ${rest}`.trim(), known)).toStrictEqual([]);
      }),
    );
  });

  it('with a capitalised word for a system and a failure a system can have', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYSTEM_SUBJECTS), fc.constantFrom(...SYSTEM_VERBS), tail, names, (subject, verb, rest, known) => {
        expect(flagged(`${subject} ${verb} ${rest}`.trim(), known)).toStrictEqual([]);
      }),
    );
  });
});

describe('counterfactual: a hypothesis about the system is not about the past', () => {
  const cf = (text: string) => checkBlameless(text, { knownNames: NAMES }, [counterfactual]).map((f) => f.excerpt);

  it.each([
    'Retries could have made the backlog worse.',
    'A larger pool would have made the outage longer.',
    'The extra replica could have masked the lag.',
    'Retries could have amplified the load on the primary.',
  ])('leaves "%s" alone', (text) => {
    expect(cf(text)).toStrictEqual([]);
  });

  it.each([
    ['We could have caught it in staging.', 'could have caught'],
    ['The on-call could have rolled back sooner.', 'could have rolled back'],
    ['Daniel could have paged the database team.', 'could have paged'],
    ['This could have been avoided with a lock.', 'could have been avoided'],
    ['We could have made the check mandatory.', 'could have made'],
  ])('still flags "%s"', (text, excerpt) => {
    expect(cf(text)).toStrictEqual([excerpt]);
  });

  it('still flags "if only … had"', () => {
    expect(cf('If only Daniel had checked the lag.')).toStrictEqual(['If only']);
  });
});
