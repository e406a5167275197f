/**
 * The mail that confirms the contact address of an in-person action or a co-signer: localised, text
 * and HTML, every submitted value escaped. Its link opens a page of the site whose button makes the
 * POST (mail scanners follow links; a GET confirms nothing).
 */
import type { Campaign, Language } from './campaign';
import { escapeHtml, headerSafe } from './mail-safety';
import { fill } from './messages';
import type { OutgoingMail } from './ports';

export type ContactKind = 'action' | 'cosigner';

interface ContactTexts {
  subject: Record<ContactKind, string>;
  intro: Record<ContactKind, string>;
  action: string;
  button: string;
  expiry: string;
  ignore: string;
}

const TEXTS: Record<Language, ContactTexts> = {
  en: {
    subject: { action: 'Please confirm your action: {title}', cosigner: 'Please confirm your co-signature: {title}' },
    intro: {
      action: 'Thank you for registering "{name}" for "{title}". Once you confirm this address, the organisers review it; it is published only after their approval.',
      cosigner: 'Thank you for asking to add "{name}" to the signatories of "{title}". Once you confirm this address, the organisers review it; it is published only after their approval.',
    },
    action: 'Open this link and press the button on the page:',
    button: 'Confirm',
    expiry: 'The link works once and expires in 7 days.',
    ignore: 'If this was not you, ignore this mail: nothing will be published. Your email address is never published.',
  },
  es: {
    subject: { action: 'Confirma tu acción: {title}', cosigner: 'Confirma tu adhesión: {title}' },
    intro: {
      action: 'Gracias por registrar «{name}» para «{title}». Cuando confirmes esta dirección, el equipo organizador la revisará; solo se publica tras su aprobación.',
      cosigner: 'Gracias por pedir que «{name}» figure entre quienes firman «{title}». Cuando confirmes esta dirección, el equipo organizador la revisará; solo se publica tras su aprobación.',
    },
    action: 'Abre este enlace y pulsa el botón de la página:',
    button: 'Confirmar',
    expiry: 'El enlace funciona una sola vez y caduca en 7 días.',
    ignore: 'Si no fuiste tú, ignora este correo: no se publicará nada. Tu dirección de correo nunca se publica.',
  },
  pt: {
    subject: { action: 'Confirme sua ação: {title}', cosigner: 'Confirme sua adesão: {title}' },
    intro: {
      action: 'Obrigado por registrar "{name}" para "{title}". Depois que você confirmar este endereço, a organização fará a revisão; nada é publicado sem a aprovação dela.',
      cosigner: 'Obrigado por pedir que "{name}" seja incluído entre os signatários de "{title}". Depois que você confirmar este endereço, a organização fará a revisão; nada é publicado sem a aprovação dela.',
    },
    action: 'Abra este link e pressione o botão na página:',
    button: 'Confirmar',
    expiry: 'O link funciona uma vez e expira em 7 dias.',
    ignore: 'Se não foi você, ignore este e-mail: nada será publicado. Seu endereço de e-mail nunca é publicado.',
  },
  fr: {
    subject: { action: 'Confirmez votre action : {title}', cosigner: 'Confirmez votre signature : {title}' },
    intro: {
      action: 'Merci d’avoir inscrit « {name} » pour « {title} ». Une fois cette adresse confirmée, les organisateurs l’examinent ; rien n’est publié sans leur accord.',
      cosigner: 'Merci d’avoir demandé l’ajout de « {name} » aux signataires de « {title} ». Une fois cette adresse confirmée, les organisateurs l’examinent ; rien n’est publié sans leur accord.',
    },
    action: 'Ouvrez ce lien et appuyez sur le bouton de la page :',
    button: 'Confirmer',
    expiry: 'Le lien ne fonctionne qu’une fois et expire dans 7 jours.',
    ignore: 'Si ce n’était pas vous, ignorez ce message : rien ne sera publié. Votre adresse e-mail n’est jamais publiée.',
  },
};

/** The page a contact confirmation link opens: /<lang>/confirm-contact.html?kind=...&token=... */
export function contactLink(publicUrl: string, language: Language, kind: ContactKind, token: string): string {
  return `${publicUrl}/${language}/confirm-contact.html?kind=${kind}&token=${encodeURIComponent(token)}`;
}

export function contactConfirmationMail(input: { campaign: Campaign; language: Language; kind: ContactKind; name: string; to: string; link: string; fromAddress: string; id: string }): OutgoingMail {
  const t = TEXTS[input.language] ?? TEXTS.en;
  const title = input.campaign.title[input.language] ?? input.campaign.title[input.campaign.defaultLanguage]!;
  const values = { title, name: input.name };
  const html = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const text = [fill(t.intro[input.kind], values), '', t.action, input.link, '', t.expiry, '', t.ignore, ''].join('\n');
  return {
    to: [input.to],
    fromAddress: input.fromAddress,
    fromName: headerSafe(input.campaign.organiser.name, 120),
    subject: headerSafe(fill(t.subject[input.kind], values), 180),
    text,
    html: `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(fill(t.subject[input.kind], values))}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:600px;margin:0 auto;padding:16px">
<p>${fill(t.intro[input.kind], html)}</p>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#0b4f8a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(t.button)}</a></p>
<p style="color:#444;font-size:14px">${escapeHtml(t.expiry)}<br>${escapeHtml(t.ignore)}</p>
</body></html>`,
    tags: { kind: `contact-${input.kind}`, [input.kind]: input.id.replace(/[^A-Za-z0-9_-]/g, '_') },
  };
}
