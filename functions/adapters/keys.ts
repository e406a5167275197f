/**
 * Key builders for the single table (pk, sk, gsi1pk, gsi1sk). Every item's key is made here and
 * nowhere else, so the access patterns of the whole product can be read on one page.
 *
 * | item                | pk                                  | sk                     | gsi1pk                               | gsi1sk                 |
 * |---------------------|-------------------------------------|------------------------|--------------------------------------|------------------------|
 * | campaign state      | CAMPAIGN#<c>                        | STATE                  |                                      |                        |
 * | mission             | MISSIONS                            | MISSION#<missionId>    |                                      |                        |
 * | signature (letter)  | SIG#<c>#<signatureId>               | SIG                    | LETTERS#<c>#<missionId>#<shard> (confirmed only) | <confirmedAt>#<signatureId> |
 * | counter shard       | COUNT#<c>#<shard>                   | COUNT                  |                                      |                        |
 * | rate-limit window   | RATE#<scope>#<subject>#<window>     | RATE                   |                                      |                        |
 * | action              | ACTION#<c>#<actionId>               | ACTION                 | MODQ#<c> (pending) or PUBLIC#<c>#action (approved) | <kind>#<createdAt>#<ref> or <startsAt>#<ref> |
 * | action photo        | ACTION#<c>#<actionId>               | PHOTO#<photoId>        | MODQ#<c> or PUBLIC#<c>#photo         | as above               |
 * | co-signer           | COSIGNER#<c>#<id>                   | COSIGNER               | MODQ#<c> or PUBLIC#<c>#cosigner      | as above               |
 * | contact report      | REPORT#<c>#<id>                     | REPORT                 | MODQ#<c> (until decided)             | report#<createdAt>#<id> |
 * | call counts         | CALLS#<c>                           | MISSION#<missionId>    |                                      |                        |
 */

/** Shards of the per-mission letter index: a popular mission's confirmations spread over this many GSI partitions. */
export const LETTER_INDEX_SHARDS = 16;

export const keys = {
  campaignState: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'STATE' }),
  missionsPartition: () => 'MISSIONS',
  mission: (missionId: string) => ({ pk: 'MISSIONS', sk: `MISSION#${missionId}` }),
  signature: (campaignId: string, signatureId: string) => ({ pk: `SIG#${campaignId}#${signatureId}`, sk: 'SIG' }),
  /** GSI1 entry of a confirmed letter: enumerated per mission (and shard) by dispatch. */
  letterIndex: (campaignId: string, missionId: string, shard: number, confirmedAt: string, signatureId: string) => ({
    gsi1pk: `LETTERS#${campaignId}#${missionId}#${shard}`,
    gsi1sk: `${confirmedAt}#${signatureId}`,
  }),
  letterIndexPartition: (campaignId: string, missionId: string, shard: number) => `LETTERS#${campaignId}#${missionId}#${shard}`,
  counterShard: (campaignId: string, shard: number) => ({ pk: `COUNT#${campaignId}#${shard}`, sk: 'COUNT' }),
  rateWindow: (scope: string, subject: string, window: number) => ({ pk: `RATE#${scope}#${subject}#${window}`, sk: 'RATE' }),
};

/** Stable shard of an id (FNV-1a), so the same letter always lands in the same index shard. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Keys of the dispatch's items (documented with the table above). */
export const dispatchKeys = {
  /** Delivery ledger shard: attributes "<missionId>|<field>" counted with ADD. */
  ledgerShard: (campaignId: string, shard: number) => ({ pk: `LEDGER#${campaignId}#${shard}`, sk: 'LEDGER' }),
  /** Enumeration tasks still running (dispatch is complete only when none are). */
  enumerations: (campaignId: string) => ({ pk: `LEDGER#${campaignId}#enum`, sk: 'LEDGER' }),
  /** A finished task (enumeration or dossier) of a dispatch run, so it is counted once. */
  taskDone: (campaignId: string, run: string, task: string) => ({ pk: `TASKDONE#${campaignId}#${run}#${task}`, sk: 'TASKDONE' }),
  /** A done enumeration step (one page of one shard) of a run: a redelivered step is skipped. */
  stepDone: (campaignId: string, run: string, step: string) => ({ pk: `STEPDONE#${campaignId}#${run}#${step}`, sk: 'STEPDONE' }),
  /** Send slots of one second, shared by every worker (the SES rate). */
  paceSlot: (campaignId: string, second: number) => ({ pk: `PACE#${campaignId}#${second}`, sk: 'PACE' }),
  /** A processed SES event (duplicates from SNS are ignored). */
  sesEvent: (messageId: string, type: string) => ({ pk: `SESEVENT#${messageId}#${type}`, sk: 'SESEVENT' }),
  /** A mission's dossier mail (dossier mode), claimed once. */
  dossier: (campaignId: string, missionId: string) => ({ pk: `DOSSIER#${campaignId}#${missionId}`, sk: 'DOSSIER' }),
};

/** Keys of what participants add (actions, photos, co-signers, reports, calls): see the table above. */
export const participationKeys = {
  action: (campaignId: string, actionId: string) => ({ pk: `ACTION#${campaignId}#${actionId}`, sk: 'ACTION' }),
  photo: (campaignId: string, actionId: string, photoId: string) => ({ pk: `ACTION#${campaignId}#${actionId}`, sk: `PHOTO#${photoId}` }),
  cosigner: (campaignId: string, id: string) => ({ pk: `COSIGNER#${campaignId}#${id}`, sk: 'COSIGNER' }),
  report: (campaignId: string, id: string) => ({ pk: `REPORT#${campaignId}#${id}`, sk: 'REPORT' }),
  calls: (campaignId: string, missionId: string) => ({ pk: `CALLS#${campaignId}`, sk: `MISSION#${missionId}` }),
  callsPartition: (campaignId: string) => `CALLS#${campaignId}`,
  /** The moderation queue: every item waiting for an organiser. */
  queue: (campaignId: string) => `MODQ#${campaignId}`,
  /** An approved kind's public list. */
  publicList: (campaignId: string, kind: string) => `PUBLIC#${campaignId}#${kind}`,
};
