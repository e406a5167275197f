/**
 * The HTTP API: one entry per route, naming the handler file in functions/handlers/. Read by the
 * CDK api stack and by the local HTTP server, so the two can never disagree.
 */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** File name (without .ts) in functions/handlers/, which exports `handler`. */
  handler: string;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/campaign', handler: 'get-campaign' },
  { method: 'GET', path: '/api/missions', handler: 'list-missions' },
  { method: 'POST', path: '/api/signatures', handler: 'create-signature' },
  { method: 'POST', path: '/api/signatures/confirm', handler: 'confirm-signature' },
  { method: 'POST', path: '/api/signatures/remove', handler: 'remove-signature' },
  { method: 'GET', path: '/api/stats', handler: 'get-stats' },
  { method: 'GET', path: '/api/delivery', handler: 'get-delivery' },
  { method: 'GET', path: '/api/actions', handler: 'list-actions' },
  { method: 'POST', path: '/api/actions', handler: 'create-action' },
  { method: 'POST', path: '/api/actions/confirm', handler: 'confirm-action' },
  { method: 'POST', path: '/api/actions/{id}/photos', handler: 'request-photo-upload' },
  { method: 'GET', path: '/api/cosigners', handler: 'list-cosigners' },
  { method: 'POST', path: '/api/cosigners', handler: 'create-cosigner' },
  { method: 'POST', path: '/api/cosigners/confirm', handler: 'confirm-cosigner' },
  { method: 'GET', path: '/api/calls', handler: 'get-calls' },
  { method: 'POST', path: '/api/calls', handler: 'log-call' },
  { method: 'POST', path: '/api/missions/{id}/reports', handler: 'report-mission' },
];
