/**
 * SES events (through the configuration set): deliveries, bounces and complaints of letters feed the
 * public ledger; a permanent bounce or a complaint marks the mission's address as failing, so its
 * remaining letters go to the printed pack and the organiser's report shows it.
 */
import type { LedgerField } from '../core/dispatch';
import type { EmailStatus } from '../core/mission';
import { log } from '../logger';

/** The parts of an SES event (SNS notification body) that matter here. */
export interface SesEvent {
  eventType: string;
  mail: { messageId: string; tags?: Record<string, string[]> };
  bounce?: { bounceType?: string; bounceSubType?: string };
  complaint?: { complaintFeedbackType?: string };
}

export interface RecordSesEventDeps {
  campaignId: string;
  /** True the first time this (messageId, type) is seen: SNS may deliver an event twice. */
  firstTime(messageId: string, type: string): Promise<boolean>;
  ledger: { add(campaignId: string, missionId: string, field: LedgerField, n?: number): Promise<void> };
  missions: { setEmailStatus(id: string, status: EmailStatus, reason: string): Promise<void> };
}

export async function recordSesEvent(event: SesEvent, deps: RecordSesEventDeps): Promise<'recorded' | 'ignored'> {
  const tags = event.mail?.tags ?? {};
  const missionId = tags.mission?.[0];
  const kind = tags.kind?.[0];
  if ((kind !== 'letter' && kind !== 'dossier') || !missionId || (tags.campaign?.[0] && tags.campaign[0] !== deps.campaignId.replace(/[^A-Za-z0-9_-]/g, '_'))) return 'ignored';
  const type = event.eventType;
  const field: LedgerField | undefined = type === 'Delivery' ? 'delivered' : type === 'Bounce' ? 'bounced' : type === 'Complaint' ? 'complained' : undefined;
  if (!field) return 'ignored';
  if (!(await deps.firstTime(event.mail.messageId, type))) return 'ignored';
  // A dossier is one mail for all of its mission's letters: its fate is theirs.
  const letters = kind === 'dossier' ? Math.max(0, Number.parseInt(tags.letters?.[0] ?? '0', 10) || 0) : 1;
  await deps.ledger.add(deps.campaignId, missionId, field, letters);
  const permanentBounce = type === 'Bounce' && event.bounce?.bounceType === 'Permanent';
  if (permanentBounce || type === 'Complaint') {
    const reason = permanentBounce ? `permanent bounce (${event.bounce?.bounceSubType ?? 'General'})` : `complaint (${event.complaint?.complaintFeedbackType ?? 'unspecified'})`;
    await deps.missions.setEmailStatus(missionId, 'failing', reason);
    log.warn('mission.address_failing', { campaignId: deps.campaignId, missionId, reason });
  }
  return 'recorded';
}
