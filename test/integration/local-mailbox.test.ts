/** The test mailbox helper against the real local SES: what tests rely on to read confirmation mails. */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../functions/adapters/table-schema';
import { confirmLink, linksIn, Mailbox, removeLink } from '../support/mailbox';
import { withStack } from '../support/stack';

const stack = withStack();

async function send(to: string, text: string, subject = 'Confirm your letter') {
  const ses = new SESv2Client({ endpoint: stack.current.sesUrl, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'letters@campaign.localhost',
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: text } } } },
    }),
  );
  ses.destroy();
}

describe('the test mailbox', () => {
  const mailbox = () => new Mailbox(stack.current.sesUrl);

  it('finds the confirmation and removal links of the mail sent to a signer', async () => {
    const base = stack.current.url;
    await send(
      '"Ana Souza" <Ana@Example.org>',
      `Hello,\nconfirm here: ${base}/pt/confirm.html?token=abc.DEF_123-x\n\nChanged your mind? ${base}/pt/remove.html?token=rm%2Btok\n`,
    );
    await send('someone-else@example.org', `Not for Ana: ${base}/en/confirm.html?token=other`);

    const mail = await mailbox().latest('ana@example.org');
    expect(confirmLink(mail)).toEqual({ url: `${base}/pt/confirm.html?token=abc.DEF_123-x`, language: 'pt', token: 'abc.DEF_123-x' });
    expect(removeLink(mail)).toMatchObject({ language: 'pt', token: 'rm+tok' });
    expect(linksIn(mail)).toHaveLength(2);
  });

  it('waits for a mail that arrives later, and gives up with a clear error when none does', async () => {
    const waiting = mailbox().waitFor('late@example.org', { count: 2, timeoutMs: 5000 });
    await send('late@example.org', 'first');
    setTimeout(() => void send('late@example.org', 'second'), 200);
    expect((await waiting).map((m) => m.body.text)).toEqual(['first', 'second']);

    await expect(mailbox().waitFor('nobody@example.org', { timeoutMs: 200 })).rejects.toThrow('Expected 1 mail(s) to nobody@example.org within 200 ms, found 0');
  });

  it('says so when a mail has no confirmation link', async () => {
    await send('nolink@example.org', 'Thank you.', 'Your letter was delivered');
    const mail = await mailbox().latest('nolink@example.org');
    expect(() => confirmLink(mail)).toThrow('No confirmation link in the mail "Your letter was delivered"');
  });

  it('can be emptied', async () => {
    await send('clear@example.org', 'x');
    await mailbox().clear();
    expect(await mailbox().all()).toEqual([]);
  });
});

describe('the table', () => {
  it('has the keys and index the data model uses, and is created only once', async () => {
    const db = new DynamoDBClient({ endpoint: stack.current.dynamoEndpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      expect(await ensureTable(db, stack.current.tableName)).toBe(false);
      const { Table } = await db.send(new DescribeTableCommand({ TableName: stack.current.tableName }));
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(Table?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.KeySchema, g.Projection?.ProjectionType])).toEqual([
        ['gsi1', [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], 'ALL'],
      ]);
      expect(await ensureTable(db, 'another-table')).toBe(true);
      expect((await db.send(new DescribeTableCommand({ TableName: 'another-table' }))).Table?.TableStatus).toBe('ACTIVE');
    } finally {
      db.destroy();
    }
  });
});
