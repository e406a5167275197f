/** SES configuration-set events through SNS: deliveries, bounces and complaints of letters. */
import type { SNSEvent } from 'aws-lambda';
import { log } from '../logger';
import { recordSesEvent, type SesEvent } from '../use-cases/record-ses-event';
import * as wiring from '../wiring';

const deps = {
  campaignId: wiring.campaign().id,
  firstTime: (id: string, type: string) => wiring.sesEventLog().firstTime(id, type),
  ledger: wiring.ledger(),
  missions: wiring.missions(),
};

export async function handler(event: SNSEvent): Promise<void> {
  for (const record of event.Records) {
    let parsed: SesEvent;
    try {
      parsed = JSON.parse(record.Sns.Message) as SesEvent;
    } catch {
      log.warn('ses_event.unreadable', { messageId: record.Sns.MessageId });
      continue;
    }
    await recordSesEvent(parsed, deps);
  }
}
