/**
 * The words of every mail the product sends, per language. Placeholders are `{name}` in braces; `fill`
 * substitutes them and leaves unknown ones visible so a missing value is noticed, never silently blank.
 * Values are inserted as given: escape them for HTML before filling an HTML template.
 */
import type { Language } from './campaign';

export interface MailTexts {
  /** Subject of the confirmation mail. Placeholders: {title}. */
  confirmSubject: string;
  /** Placeholders: {name}. */
  confirmGreeting: string;
  /** Placeholders: {title}, {mission}, {date}. */
  confirmIntro: string;
  confirmAction: string;
  confirmExpiry: string;
  removeAction: string;
  confirmButton: string;
  removeButton: string;
  /** Shown first when a pending signer signs again. */
  reminderNote: string;
  /** Placeholders: {organiser}, {site}. */
  footer: string;
  /** Subject of the mail sent after dispatch. Placeholders: {mission}. */
  deliveredSubject: string;
  /** Placeholders: {name}, {mission}, {date}, {title}. */
  deliveredBody: string;
  /** Closing line under a letter. Placeholders: {name}, {country}. */
  signedBy: string;
  /** Dossier mode, above the list of signatories. Placeholders: {count}. */
  dossierSignedBy: string;
  /** Dossier mode, when the list in the body is cut. Placeholders: {count}. */
  dossierMore: string;
  /** Letter pack, under the list: signers who asked not to be named. Placeholders: {count}. */
  packUnnamed: string;
}

export const MESSAGES: Record<Language, MailTexts> = {
  en: {
    confirmSubject: 'Please confirm your signature: {title}',
    confirmGreeting: 'Dear {name},',
    confirmIntro: 'Thank you for signing "{title}". On {date} your letter will be delivered by email to {mission}.',
    confirmAction: 'Your letter is only sent once you confirm that this is your email address. Open this link and press the button on the page:',
    confirmExpiry: 'The link works once and expires in 7 days. If you did not sign, ignore this mail: nothing will be sent in your name.',
    removeAction: 'Changed your mind? You can remove your signature and all your personal data at any time before the letters are sent:',
    confirmButton: 'Confirm my signature',
    removeButton: 'Remove my signature',
    reminderNote: 'You asked for this letter again: here is a fresh confirmation link. Earlier links no longer work.',
    footer: 'Sent by {organiser} on behalf of the open-letter campaign at {site}. Your email address is used only to confirm your signature and is never published.',
    deliveredSubject: 'Your letter has been delivered to {mission}',
    deliveredBody: 'Dear {name},\n\nOn {date} your letter "{title}" was sent by email to {mission}. Thank you for adding your voice.',
    signedBy: '{name}, {country}',
    dossierSignedBy: 'Signed by {count} people:',
    dossierMore: '…and {count} more: every signatory is listed in the attached CSV file.',
    packUnnamed: '…and {count} more who asked not to be named.',
  },
  es: {
    confirmSubject: 'Confirme su firma: {title}',
    confirmGreeting: 'Estimado/a {name}:',
    confirmIntro: 'Gracias por firmar «{title}». El {date} su carta se entregará por correo electrónico a {mission}.',
    confirmAction: 'Su carta solo se enviará cuando confirme que esta dirección de correo es suya. Abra este enlace y pulse el botón de la página:',
    confirmExpiry: 'El enlace funciona una sola vez y caduca en 7 días. Si usted no firmó, ignore este mensaje: no se enviará nada en su nombre.',
    removeAction: '¿Ha cambiado de opinión? Puede retirar su firma y todos sus datos personales en cualquier momento antes del envío de las cartas:',
    confirmButton: 'Confirmar mi firma',
    removeButton: 'Retirar mi firma',
    reminderNote: 'Ha vuelto a solicitar esta carta: aquí tiene un nuevo enlace de confirmación. Los enlaces anteriores ya no funcionan.',
    footer: 'Enviado por {organiser} en nombre de la campaña de carta abierta en {site}. Su dirección de correo solo se usa para confirmar su firma y nunca se publica.',
    deliveredSubject: 'Su carta ha sido entregada a {mission}',
    deliveredBody: 'Estimado/a {name}:\n\nEl {date} su carta «{title}» se envió por correo electrónico a {mission}. Gracias por sumar su voz.',
    signedBy: '{name}, {country}',
    dossierSignedBy: 'Firmada por {count} personas:',
    dossierMore: '…y {count} más: todas las personas firmantes figuran en el archivo CSV adjunto.',
    packUnnamed: '…y {count} personas más que pidieron no figurar con su nombre.',
  },
  pt: {
    confirmSubject: 'Confirme sua assinatura: {title}',
    confirmGreeting: 'Olá, {name},',
    confirmIntro: 'Obrigado por assinar "{title}". Em {date}, sua carta será entregue por e-mail a {mission}.',
    confirmAction: 'Sua carta só será enviada depois que você confirmar que este endereço de e-mail é seu. Abra este link e pressione o botão na página:',
    confirmExpiry: 'O link funciona uma única vez e expira em 7 dias. Se você não assinou, ignore este e-mail: nada será enviado em seu nome.',
    removeAction: 'Mudou de ideia? Você pode retirar sua assinatura e todos os seus dados pessoais a qualquer momento antes do envio das cartas:',
    confirmButton: 'Confirmar minha assinatura',
    removeButton: 'Retirar minha assinatura',
    reminderNote: 'Você pediu esta carta novamente: aqui está um novo link de confirmação. Os links anteriores não funcionam mais.',
    footer: 'Enviado por {organiser} em nome da campanha de carta aberta em {site}. Seu endereço de e-mail é usado apenas para confirmar sua assinatura e nunca é publicado.',
    deliveredSubject: 'Sua carta foi entregue a {mission}',
    deliveredBody: 'Olá, {name},\n\nEm {date}, sua carta "{title}" foi enviada por e-mail a {mission}. Obrigado por somar sua voz.',
    signedBy: '{name}, {country}',
    dossierSignedBy: 'Assinada por {count} pessoas:',
    dossierMore: '…e mais {count}: todas as pessoas signatárias constam do arquivo CSV anexo.',
    packUnnamed: '…e mais {count} pessoas que pediram para não ser identificadas.',
  },
  fr: {
    confirmSubject: 'Veuillez confirmer votre signature : {title}',
    confirmGreeting: 'Bonjour {name},',
    confirmIntro: 'Merci d’avoir signé « {title} ». Le {date}, votre lettre sera remise par courriel à {mission}.',
    confirmAction: 'Votre lettre ne sera envoyée qu’une fois que vous aurez confirmé que cette adresse est bien la vôtre. Ouvrez ce lien et appuyez sur le bouton de la page :',
    confirmExpiry: 'Le lien ne fonctionne qu’une fois et expire dans 7 jours. Si vous n’avez pas signé, ignorez ce message : rien ne sera envoyé en votre nom.',
    removeAction: 'Vous avez changé d’avis ? Vous pouvez retirer votre signature et toutes vos données personnelles à tout moment avant l’envoi des lettres :',
    confirmButton: 'Confirmer ma signature',
    removeButton: 'Retirer ma signature',
    reminderNote: 'Vous avez demandé cette lettre une nouvelle fois : voici un nouveau lien de confirmation. Les liens précédents ne fonctionnent plus.',
    footer: 'Envoyé par {organiser} au nom de la campagne de lettre ouverte sur {site}. Votre adresse électronique sert uniquement à confirmer votre signature et n’est jamais publiée.',
    deliveredSubject: 'Votre lettre a été remise à {mission}',
    deliveredBody: 'Bonjour {name},\n\nLe {date}, votre lettre « {title} » a été envoyée par courriel à {mission}. Merci d’avoir joint votre voix.',
    signedBy: '{name}, {country}',
    dossierSignedBy: 'Signée par {count} personnes :',
    dossierMore: '…et {count} de plus : tous les signataires figurent dans le fichier CSV joint.',
    packUnnamed: '…et {count} autres personnes qui ont demandé à ne pas être nommées.',
  },
};

/** Replaces each `{key}` with `values[key]`; a key without a value stays as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}
