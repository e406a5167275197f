/**
 * The deployment's parameters, from cdk.json context (or `-c key=value`), validated at synth with
 * messages naming the parameter.
 */
import * as v from 'valibot';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const bool = v.pipe(
  v.union([v.boolean(), v.picklist(['true', 'false'])]),
  v.transform((x) => x === true || x === 'true'),
);

export const deployConfigSchema = v.strictObject({
  /** dev: data destroyed with the stack; prod: data retained, deletion protection on. */
  stage: v.picklist(['dev', 'prod'], 'stage must be "dev" or "prod"'),
  /** Folder under campaigns/ holding campaign.json and the letters. */
  campaign: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'campaign must be a folder name under campaigns/ (lowercase, digits, dashes)')),
  /** The sender of every mail: an address of the verified SES identity. */
  mailFrom: v.pipe(v.string(), v.regex(EMAIL, 'mailFrom must be an email address, e.g. letters@example.org')),
  /** The SES identity to create: a domain (Easy DKIM) or one email address (for trials in the sandbox). */
  sesIdentity: v.pipe(v.string(), v.check((s) => EMAIL.test(s) || DOMAIN.test(s), 'sesIdentity must be a domain (example.org) or an email address')),
  /** Optional custom domain of the site, with an ACM certificate in us-east-1. */
  domainName: v.optional(v.pipe(v.string(), v.regex(DOMAIN, 'domainName must be a domain name like letters.example.org'))),
  certificateArn: v.optional(v.pipe(v.string(), v.regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'certificateArn must be an ACM certificate ARN in us-east-1'))),
  /** The account's SES maximum send rate (messages per second) the dispatch stays under. */
  maxSendRate: v.pipe(v.union([v.number(), v.string()]), v.transform(Number), v.number(), v.minValue(1, 'maxSendRate must be at least 1'), v.maxValue(1000, 'maxSendRate above 1000/s is not supported')),
  /** Optional email address that receives the alarms. */
  alarmEmail: v.optional(v.pipe(v.string(), v.regex(EMAIL, 'alarmEmail must be an email address'))),
  /** An existing WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach to the distribution. */
  webAclArn: v.optional(v.pipe(v.string(), v.regex(/^arn:aws:wafv2:us-east-1:\d{12}:global\/webacl\/.+$/, 'webAclArn must be a CLOUDFRONT-scope web ACL ARN (us-east-1)'))),
  /** Create a WAF web ACL (in us-east-1) with a rate-based rule per address and AWS's IP reputation and bad-input rules. */
  waf: v.optional(bool, false),
  /** With waf: requests to /api/ per client address per 5 minutes before the address is refused (429). */
  wafRateLimit: v.optional(v.pipe(v.union([v.number(), v.string()]), v.transform(Number), v.number(), v.integer('wafRateLimit must be a whole number'), v.minValue(100, 'wafRateLimit must be at least 100 (requests per address per 5 minutes)'), v.maxValue(2_000_000_000)), 1000),
  /** Requests per second the API accepts before throttling (burst is twice this). */
  apiRateLimit: v.optional(v.pipe(v.union([v.number(), v.string()]), v.transform(Number), v.number(), v.minValue(1)), 500),
  /** Dispatch workers running at once (SQS event source maximum concurrency). */
  dispatchConcurrency: v.optional(v.pipe(v.union([v.number(), v.string()]), v.transform(Number), v.number(), v.integer(), v.minValue(2, 'dispatchConcurrency must be at least 2'), v.maxValue(1000)), 10),
  /** Create the SES identity in this stack (false when it exists already). */
  createSesIdentity: v.optional(bool, true),
});

export type DeployConfig = v.InferOutput<typeof deployConfigSchema>;

const KEYS = Object.keys(deployConfigSchema.entries);

/** Reads the parameters through `get` (CDK's tryGetContext); throws one message listing every problem. */
export function readDeployConfig(get: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(KEYS.map((k) => [k, get(k)]).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = v.safeParse(deployConfigSchema, raw);
  if (!parsed.success) {
    const problems = parsed.issues.map((i) => `  ${v.getDotPath(i) ?? '(context)'}: ${i.message}`);
    throw new Error(`Invalid deployment parameters (cdk.json "context", or -c key=value):\n${problems.join('\n')}`);
  }
  const c = parsed.output;
  if (Boolean(c.domainName) !== Boolean(c.certificateArn)) throw new Error('Invalid deployment parameters: domainName and certificateArn go together (the certificate must cover the domain)');
  if (c.waf && c.webAclArn) throw new Error('Invalid deployment parameters: waf creates a web ACL and webAclArn attaches an existing one; set one of them');
  const identityDomain = c.sesIdentity.includes('@') ? undefined : c.sesIdentity.toLowerCase();
  if (identityDomain && !c.mailFrom.toLowerCase().endsWith(`@${identityDomain}`)) throw new Error(`Invalid deployment parameters: mailFrom ${c.mailFrom} is not an address of the SES identity ${c.sesIdentity}`);
  if (!identityDomain && c.mailFrom.toLowerCase() !== c.sesIdentity.toLowerCase()) throw new Error(`Invalid deployment parameters: with an address identity, mailFrom must be that address (${c.sesIdentity})`);
  return c;
}
