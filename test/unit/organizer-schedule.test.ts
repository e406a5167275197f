/** `organizer schedule --aws` moves campaign.json's dispatchAt too, so the next deploy keeps the new time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDispatchAt } from '../../organizer/commands/dispatch';

it("changes only dispatchAt and keeps the organiser's formatting", () => {
  const text = readFileSync(join(__dirname, '..', '..', 'campaigns', 'free-expression-2026', 'campaign.json'), 'utf8');
  const moved = withDispatchAt(text, '2026-12-10T10:30')!;
  expect(JSON.parse(moved)).toEqual({ ...JSON.parse(text), dispatchAt: '2026-12-10T10:30' });
  expect(moved.split('\n').filter((line, i) => line !== text.split('\n')[i])).toEqual(['  "dispatchAt": "2026-12-10T10:30",']);
});

it('says so when the file has no dispatchAt to move', () => {
  expect(withDispatchAt('{ "id": "x" }', '2026-12-10T10:30')).toBeUndefined();
});
