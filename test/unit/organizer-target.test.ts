/** `organizer --aws` finds the campaign stack's outputs in cdk-outputs.json, with or without the WAF stack. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../../organizer/target';

const dir = mkdtempSync(join(tmpdir(), 'outputs-'));
const saved = process.env.TABLE_NAME;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.TABLE_NAME;
  else process.env.TABLE_NAME = saved;
});

const campaignOutputs = { TableName: 'Letters-prod-Table', SiteUrl: 'https://letters.example.org', Campaign: 'free-expression-2026', DispatchScheduleName: 'dispatch', DispatchScheduleGroup: 'letters', PhotoBucketName: 'photos' };

it('takes the stack that has the table when the web ACL stack is listed first', () => {
  const file = join(dir, 'two.json');
  writeFileSync(file, JSON.stringify({ 'Letters-free-expression-2026-prod-edge': {}, 'Letters-free-expression-2026-prod': campaignOutputs }));
  const target = resolveTarget({ aws: true, outputs: file });
  expect(target).toMatchObject({ kind: 'aws', tableName: 'Letters-prod-Table', publicUrl: 'https://letters.example.org', scheduleName: 'dispatch' });
  expect(target.description).toContain('Letters-free-expression-2026-prod ');
});

it('says what is wrong when the file holds no campaign stack', () => {
  const file = join(dir, 'none.json');
  writeFileSync(file, JSON.stringify({ Other: { Foo: 'bar' } }));
  expect(() => resolveTarget({ aws: true, outputs: file })).toThrow(/has no TableName output/);
});
