/**
 * The local-only services `npm start` runs inside the stack, beside the handlers: the SES events tap
 * (deliveries, bounces and complaints to the ses-events handler) and the dispatch (queue, workers and
 * scheduler) and the photo bucket behind the site's port. Each is a LocalService (see local/stack.ts).
 */
import type { LocalService } from './stack';
import { dispatchService } from './dispatch-service';
import { sesEventsService } from './ses-events';
import { photoStorageService } from './object-store';

/** Services for `npm start`; tests pass their own list to startStack({ services }). */
export function localServices(): LocalService[] {
  // The events tap first: it points the handlers' SES endpoint at itself before any handler sends.
  return [sesEventsService(), photoStorageService(), dispatchService()];
}
