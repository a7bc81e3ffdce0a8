// Two instances on one PostgreSQL database run the daily job at the same moment: each due commitment
// reminder is queued once (serialisable transactions: the loser reads the row again and finds it sent).
import { describe, expect, it } from 'vitest';
import { saveCommitment } from '../../server/commitments/use-cases/save-commitment.ts';
import { sendCommitmentReminders } from '../../server/reminders/use-cases/send-commitment-reminders.ts';
import { addUser } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';
import { skipWithoutDatabase } from '../helpers/test-database.ts';
import { twoInstances } from '../helpers/two-instances.ts';
import { mailConfig } from '../mail/mail-test-app.ts';

describe.skipIf(skipWithoutDatabase)('commitment reminders on PostgreSQL with two instances', () => {
  const instances = twoInstances();

  it('queues each of 12 due reminders once', async () => {
    const { a, b } = instances;
    for (let i = 0; i < 12; i++) {
      const person = await addUser(a, 'learner', { email: `engage${i}@exemple.org` });
      await saveCommitment(
        { store: a.store, clock: () => a.now() },
        { userId: person.id, course: 'demo', courseTitle: 'Cours de démonstration', text: `Essai ${i}`, remind: true },
      );
    }
    const later = new Date(a.now().getTime() + 31 * 24 * 3600_000);
    const config = testConfig({ mail: mailConfig('smtp://127.0.0.1:1') });
    const counts = await Promise.all([
      sendCommitmentReminders({ store: a.store, config }, later),
      sendCommitmentReminders({ store: b.store, config }, later),
    ]);
    expect(counts[0] + counts[1]).toBe(12);
    const kinds: string[] = [];
    for await (const email of a.store.all('emails')) kinds.push(email.kind);
    expect(kinds.filter((kind) => kind === 'commitment')).toHaveLength(12);
  });
});
