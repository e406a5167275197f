/** EventBridge Scheduler target at the dispatch time (and `npm run dispatch` locally): starts the dispatch once. */
import { config } from '../config';
import { log } from '../logger';
import { startDispatch } from '../use-cases/dispatch';
import { startDeps } from './dispatch-deps';

export async function handler(event: unknown) {
  const deps = startDeps();
  log.info('dispatch.fired', { campaignId: deps.campaign.id, source: typeof event === 'object' && event && 'source' in event ? String((event as { source: unknown }).source) : 'schedule', queue: config.dispatchQueueUrl ? 'set' : 'missing' });
  return startDispatch(deps);
}
