/**
 * The Mailer port on SES v2's SendEmail (POST /v2/email/outbound-emails), a signed JSON request; the
 * local stand-in serves the same API. SES builds and encodes the headers from the structured fields.
 */
import type { Mailer, OutgoingMail } from '../core/ports';
import { formatAddress } from '../core/mail-safety';
import { awsErrorOf, awsFetch, awsIdentity, endpointOverride } from '../clients';

/** SES refused for throttling or quota: the caller should back off and retry. */
export class MailThrottledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailThrottledError';
  }
}

const THROTTLED = new Set(['TooManyRequestsException', 'LimitExceededException', 'Throttling', 'ThrottlingException']);

/** The SendEmail request body (SES v2 API reference, "SendEmail"); binary attachment content is base64. */
export function sendEmailRequest(mail: OutgoingMail, configurationSet?: string): Record<string, unknown> {
  return {
    FromEmailAddress: formatAddress(mail.fromAddress, mail.fromName),
    Destination: { ToAddresses: mail.to },
    ...(mail.replyTo && mail.replyTo.length > 0 ? { ReplyToAddresses: mail.replyTo } : {}),
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    ...(mail.tags ? { EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
    Content: {
      Simple: {
        Subject: { Data: mail.subject, Charset: 'UTF-8' },
        Body: {
          Text: { Data: mail.text, Charset: 'UTF-8' },
          ...(mail.html ? { Html: { Data: mail.html, Charset: 'UTF-8' } } : {}),
        },
        ...(mail.attachments?.length
          ? {
              Attachments: mail.attachments.map((a) => ({
                FileName: a.fileName,
                ContentType: a.contentType,
                RawContent: Buffer.from(a.content).toString('base64'),
                ContentDisposition: 'ATTACHMENT',
              })),
            }
          : {}),
      },
    },
  };
}

export class SesMailer implements Mailer {
  constructor(private readonly configurationSet?: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const endpoint = endpointOverride('ses') ?? `https://email.${(await awsIdentity()).region}.amazonaws.com`;
    // No retries here: dispatch paces every attempt and backs off from throttling itself, and a signer's
    // confirmation is retried by the signer (503 with Retry-After).
    const res = await awsFetch('ses', `${endpoint}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sendEmailRequest(mail, this.configurationSet)),
    });
    if (!res.ok) {
      const error = await awsErrorOf(res);
      if (THROTTLED.has(error.name) || res.status === 429) throw new MailThrottledError(error.message);
      throw error;
    }
    const { MessageId } = (await res.json()) as { MessageId?: string };
    if (!MessageId) throw new Error('SES accepted the mail but returned no MessageId');
    return { messageId: MessageId };
  }
}
