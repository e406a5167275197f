/**
 * POST /api/actions/{id}/photos — { uploadToken, contentType, size } -> 201 with a presigned PUT for
 * one photo (JPEG, PNG or WebP, at most 10 MB, at most 5 per action).
 */
import { PHOTO_FIELDS, photoRequestSchema, validateBody } from '../core/participation-input';
import { networkOf } from '../core/network';
import { checkedBody, clientIp, httpHandler, json, pathParameter } from '../http';
import { requestPhotoUpload } from '../use-cases/participate';
import * as wiring from '../wiring';
import { participationDeps } from './participation-deps';

const deps = participationDeps({ photos: wiring.photoStorage() });

export const handler = httpHandler(async (event) => {
  const actionId = pathParameter(event, 'id', /^[a-f0-9]{26}$/);
  const input = checkedBody(event, (b) => validateBody(photoRequestSchema, b, PHOTO_FIELDS));
  return json(201, await requestPhotoUpload(actionId, input, networkOf(clientIp(event)), deps));
});
