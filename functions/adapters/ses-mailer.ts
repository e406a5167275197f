/** The Mailer port on SES v2 (the local stand-in speaks the same API). */
import { SendEmailCommand, TooManyRequestsException, LimitExceededException } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingMail } from '../core/ports';
import { formatAddress } from '../core/mail-safety';
import { sesClient } from '../clients';

/** SES refused for throttling or quota: the caller should back off and retry. */
export class MailThrottledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailThrottledError';
  }
}

/** Sends structured (Simple) mails; SES assembles and encodes the headers. */
export class SesMailer implements Mailer {
  constructor(private readonly configurationSet?: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    try {
      const res = await sesClient().send(
        new SendEmailCommand({
          FromEmailAddress: formatAddress(mail.fromAddress, mail.fromName),
          Destination: { ToAddresses: mail.to },
          ReplyToAddresses: mail.replyTo && mail.replyTo.length > 0 ? mail.replyTo : undefined,
          ConfigurationSetName: this.configurationSet,
          EmailTags: mail.tags ? Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) : undefined,
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
                      RawContent: a.content,
                      ContentDisposition: 'ATTACHMENT' as const,
                    })),
                  }
                : {}),
            },
          },
        }),
      );
      if (!res.MessageId) throw new Error('SES accepted the mail but returned no MessageId');
      return { messageId: res.MessageId };
    } catch (e) {
      if (e instanceof TooManyRequestsException || e instanceof LimitExceededException || (e as { name?: string }).name === 'Throttling') {
        throw new MailThrottledError((e as Error).message);
      }
      throw e;
    }
  }
}
