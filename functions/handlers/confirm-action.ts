/** POST /api/actions/confirm — { token } from the mail that confirms an action's contact address. */
import { tokenSchema, validateBody } from '../core/participation-input';
import { checkedBody, httpHandler, json } from '../http';
import { confirmContact } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async (event) => json(200, await confirmContact('action', checkedBody(event, (b) => validateBody(tokenSchema, b, ['token'])).token, deps)));
