/**
 * The words of the site, per language. Build-time strings go into the HTML; `client` strings travel to
 * the page as a JSON block (data, not code) for messages the scripts show.
 */
export type Lang = 'en' | 'es' | 'pt' | 'fr';

export interface UiText {
  languageName: string;
  skipToForm: string;
  letterHeading: string;
  dispatchNote: string; // {date}
  formHeading: string;
  fullName: string;
  fullNameHint: string;
  yourCountry: string;
  chooseCountry: string;
  email: string;
  emailHint: string;
  missionCountry: string;
  missionCountryHint: string;
  mission: string;
  chooseMission: string;
  consent: string;
  shareEmail: string;
  displayLegend: string;
  displayFull: string;
  displayInitials: string;
  displayHidden: string;
  displayHint: string;
  send: string;
  privacy: string;
  honeypot: string;
  confirmTitle: string;
  confirmIntro: string;
  confirmButton: string;
  removeTitle: string;
  removeIntro: string;
  removeButton: string;
  backToLetter: string;
  noScript: string;
  footer: string; // {organiser}
  client: ClientText;
}

export interface ClientText {
  count: string; // {n}
  countOne: string; // {n}
  countZero: string;
  loadingMissions: string;
  missionsUnavailable: string;
  noEmailNote: string;
  sending: string;
  sentHeading: string;
  sentBody: string;
  errorSummary: string;
  fields: Record<'fullName' | 'country' | 'email' | 'missionId' | 'consent' | 'display' | 'body', string>;
  unknownMission: string;
  blockedEmail: string;
  closed: string;
  rateLimited: string;
  unavailable: string;
  network: string;
  confirmed: string;
  removed: string;
  invalidLink: string;
  expiredLink: string;
  alreadySent: string;
  noToken: string;
  working: string;
}

const en: UiText = {
  languageName: 'English',
  skipToForm: 'Skip to the signing form',
  letterHeading: 'The letter',
  dispatchNote: 'Every confirmed letter is sent by email on {date}.',
  formHeading: 'Sign the letter',
  fullName: 'Full name',
  fullNameHint: 'As you want it to appear under the letter.',
  yourCountry: 'Your country',
  chooseCountry: 'Choose a country',
  email: 'Email',
  emailHint: 'We send you a link to confirm. Your address is never published.',
  missionCountry: 'Send my letter to the UK mission in',
  missionCountryHint: 'Usually the country where you live.',
  mission: 'UK mission',
  chooseMission: 'Choose a mission',
  consent: 'I agree that this letter is sent in my name to the mission I chose.',
  shareEmail: 'The mission may reply to me by email (your address is then shown to the mission as Reply-To).',
  displayLegend: 'How your name may appear in public lists',
  displayFull: 'Full name',
  displayInitials: 'Initials only',
  displayHidden: 'Do not show my name',
  displayHint: 'The letter itself always carries your full name.',
  send: 'Send Letter',
  privacy: 'We keep your name, country and email only to send this letter, and delete the email after the campaign. You can remove your signature at any time before the dispatch with the link in the confirmation mail.',
  honeypot: 'Leave this field empty',
  confirmTitle: 'Confirm your signature',
  confirmIntro: 'Press the button to confirm that you signed the letter. It will be sent in your name on the dispatch day.',
  confirmButton: 'Confirm my signature',
  removeTitle: 'Remove your signature',
  removeIntro: 'Press the button to remove your signature. Your name, country and email are deleted and no letter will be sent in your name.',
  removeButton: 'Remove my signature',
  backToLetter: 'Back to the letter',
  noScript: 'Signing needs JavaScript. You can still read the letter above.',
  footer: 'A campaign by {organiser}.',
  client: {
    count: '{n} people have signed',
    countOne: '{n} person has signed',
    countZero: 'Be the first to sign',
    loadingMissions: 'Loading missions…',
    missionsUnavailable: 'The list of missions could not be loaded. Please reload the page.',
    noEmailNote: 'This mission has no working email address: your letter will be printed and delivered in person.',
    sending: 'Sending…',
    sentHeading: 'Check your inbox',
    sentBody: 'We sent you an email. Open the link in it to confirm your signature: only confirmed letters are sent.',
    errorSummary: 'Please correct the highlighted fields.',
    fields: {
      fullName: 'Enter your full name (letters; at most 120 characters).',
      country: 'Choose your country.',
      email: 'Enter a valid email address, like name@example.org.',
      missionId: 'Choose the mission that should receive your letter.',
      consent: 'Tick the box to agree that the letter is sent in your name.',
      display: 'Choose how your name may appear.',
      body: 'Something was wrong with the form. Please reload the page and try again.',
    },
    unknownMission: 'This mission is not available. Please choose another.',
    blockedEmail: 'This email provider is not accepted. Please use a permanent address.',
    closed: 'Signing is closed: the letters are being delivered.',
    rateLimited: 'Too many signatures from your network just now. Please try again in a few minutes.',
    unavailable: 'We could not save your signature just now. Nothing was lost: please try again in a moment.',
    network: 'No connection. Please check your connection and try again.',
    confirmed: 'Thank you: your signature is confirmed. Your letter will be delivered on the dispatch day.',
    removed: 'Your signature has been removed. No letter will be sent in your name.',
    invalidLink: 'This link is not valid or has already been used.',
    expiredLink: 'This link has expired. Sign again to get a new one.',
    alreadySent: 'Your letter has already been sent, so it can no longer be withdrawn.',
    noToken: 'This page needs the link from your email.',
    working: 'Working…',
  },
};

const es: UiText = {
  languageName: 'Español',
  skipToForm: 'Ir al formulario de firma',
  letterHeading: 'La carta',
  dispatchNote: 'Cada carta confirmada se envía por correo electrónico el {date}.',
  formHeading: 'Firme la carta',
  fullName: 'Nombre completo',
  fullNameHint: 'Tal como quiere que aparezca al pie de la carta.',
  yourCountry: 'Su país',
  chooseCountry: 'Elija un país',
  email: 'Correo electrónico',
  emailHint: 'Le enviamos un enlace de confirmación. Su dirección nunca se publica.',
  missionCountry: 'Enviar mi carta a la misión del Reino Unido en',
  missionCountryHint: 'Normalmente, el país donde vive.',
  mission: 'Misión del Reino Unido',
  chooseMission: 'Elija una misión',
  consent: 'Acepto que esta carta se envíe en mi nombre a la misión que elegí.',
  shareEmail: 'La misión puede responderme por correo (su dirección se mostrará a la misión como Reply-To).',
  displayLegend: 'Cómo puede aparecer su nombre en las listas públicas',
  displayFull: 'Nombre completo',
  displayInitials: 'Solo iniciales',
  displayHidden: 'No mostrar mi nombre',
  displayHint: 'La carta siempre lleva su nombre completo.',
  send: 'Enviar carta',
  privacy: 'Guardamos su nombre, país y correo solo para enviar esta carta, y borramos el correo al terminar la campaña. Puede retirar su firma en cualquier momento antes del envío con el enlace del correo de confirmación.',
  honeypot: 'Deje este campo vacío',
  confirmTitle: 'Confirme su firma',
  confirmIntro: 'Pulse el botón para confirmar que firmó la carta. Se enviará en su nombre el día del envío.',
  confirmButton: 'Confirmar mi firma',
  removeTitle: 'Retire su firma',
  removeIntro: 'Pulse el botón para retirar su firma. Se borran su nombre, país y correo, y no se enviará ninguna carta en su nombre.',
  removeButton: 'Retirar mi firma',
  backToLetter: 'Volver a la carta',
  noScript: 'Para firmar se necesita JavaScript. Puede leer la carta arriba.',
  footer: 'Una campaña de {organiser}.',
  client: {
    count: '{n} personas han firmado',
    countOne: '{n} persona ha firmado',
    countZero: 'Sea la primera persona en firmar',
    loadingMissions: 'Cargando misiones…',
    missionsUnavailable: 'No se pudo cargar la lista de misiones. Recargue la página.',
    noEmailNote: 'Esta misión no tiene una dirección de correo válida: su carta se imprimirá y se entregará en persona.',
    sending: 'Enviando…',
    sentHeading: 'Revise su correo',
    sentBody: 'Le enviamos un correo. Abra el enlace para confirmar su firma: solo se envían las cartas confirmadas.',
    errorSummary: 'Corrija los campos señalados.',
    fields: {
      fullName: 'Escriba su nombre completo (letras; como máximo 120 caracteres).',
      country: 'Elija su país.',
      email: 'Escriba un correo válido, como nombre@ejemplo.org.',
      missionId: 'Elija la misión que debe recibir su carta.',
      consent: 'Marque la casilla para aceptar que la carta se envíe en su nombre.',
      display: 'Elija cómo puede aparecer su nombre.',
      body: 'Algo falló en el formulario. Recargue la página e inténtelo de nuevo.',
    },
    unknownMission: 'Esta misión no está disponible. Elija otra.',
    blockedEmail: 'No se acepta este proveedor de correo. Use una dirección permanente.',
    closed: 'La firma está cerrada: las cartas se están entregando.',
    rateLimited: 'Demasiadas firmas desde su red en este momento. Inténtelo de nuevo en unos minutos.',
    unavailable: 'No pudimos guardar su firma ahora. No se perdió nada: inténtelo de nuevo en un momento.',
    network: 'Sin conexión. Compruebe su conexión e inténtelo de nuevo.',
    confirmed: 'Gracias: su firma está confirmada. Su carta se entregará el día del envío.',
    removed: 'Su firma ha sido retirada. No se enviará ninguna carta en su nombre.',
    invalidLink: 'Este enlace no es válido o ya se usó.',
    expiredLink: 'Este enlace ha caducado. Vuelva a firmar para recibir uno nuevo.',
    alreadySent: 'Su carta ya fue enviada y no se puede retirar.',
    noToken: 'Esta página necesita el enlace de su correo.',
    working: 'Procesando…',
  },
};

const pt: UiText = {
  languageName: 'Português',
  skipToForm: 'Ir para o formulário de assinatura',
  letterHeading: 'A carta',
  dispatchNote: 'Cada carta confirmada é enviada por e-mail em {date}.',
  formHeading: 'Assine a carta',
  fullName: 'Nome completo',
  fullNameHint: 'Como você quer que apareça no fim da carta.',
  yourCountry: 'Seu país',
  chooseCountry: 'Escolha um país',
  email: 'E-mail',
  emailHint: 'Enviamos um link de confirmação. Seu endereço nunca é publicado.',
  missionCountry: 'Enviar minha carta à missão do Reino Unido em',
  missionCountryHint: 'Normalmente, o país onde você mora.',
  mission: 'Missão do Reino Unido',
  chooseMission: 'Escolha uma missão',
  consent: 'Concordo que esta carta seja enviada em meu nome à missão que escolhi.',
  shareEmail: 'A missão pode me responder por e-mail (seu endereço será mostrado à missão como Reply-To).',
  displayLegend: 'Como seu nome pode aparecer nas listas públicas',
  displayFull: 'Nome completo',
  displayInitials: 'Só as iniciais',
  displayHidden: 'Não mostrar meu nome',
  displayHint: 'A carta sempre leva seu nome completo.',
  send: 'Enviar carta',
  privacy: 'Guardamos seu nome, país e e-mail só para enviar esta carta, e apagamos o e-mail ao fim da campanha. Você pode retirar sua assinatura a qualquer momento antes do envio com o link do e-mail de confirmação.',
  honeypot: 'Deixe este campo vazio',
  confirmTitle: 'Confirme sua assinatura',
  confirmIntro: 'Pressione o botão para confirmar que você assinou a carta. Ela será enviada em seu nome no dia do envio.',
  confirmButton: 'Confirmar minha assinatura',
  removeTitle: 'Retire sua assinatura',
  removeIntro: 'Pressione o botão para retirar sua assinatura. Seu nome, país e e-mail são apagados e nenhuma carta será enviada em seu nome.',
  removeButton: 'Retirar minha assinatura',
  backToLetter: 'Voltar à carta',
  noScript: 'Para assinar é preciso JavaScript. Você pode ler a carta acima.',
  footer: 'Uma campanha de {organiser}.',
  client: {
    count: '{n} pessoas assinaram',
    countOne: '{n} pessoa assinou',
    countZero: 'Seja a primeira pessoa a assinar',
    loadingMissions: 'Carregando missões…',
    missionsUnavailable: 'Não foi possível carregar a lista de missões. Recarregue a página.',
    noEmailNote: 'Esta missão não tem um endereço de e-mail válido: sua carta será impressa e entregue em mãos.',
    sending: 'Enviando…',
    sentHeading: 'Verifique seu e-mail',
    sentBody: 'Enviamos um e-mail para você. Abra o link para confirmar sua assinatura: só as cartas confirmadas são enviadas.',
    errorSummary: 'Corrija os campos destacados.',
    fields: {
      fullName: 'Digite seu nome completo (letras; no máximo 120 caracteres).',
      country: 'Escolha seu país.',
      email: 'Digite um e-mail válido, como nome@exemplo.org.',
      missionId: 'Escolha a missão que deve receber sua carta.',
      consent: 'Marque a caixa para concordar que a carta seja enviada em seu nome.',
      display: 'Escolha como seu nome pode aparecer.',
      body: 'Algo deu errado no formulário. Recarregue a página e tente de novo.',
    },
    unknownMission: 'Esta missão não está disponível. Escolha outra.',
    blockedEmail: 'Este provedor de e-mail não é aceito. Use um endereço permanente.',
    closed: 'As assinaturas estão encerradas: as cartas estão sendo entregues.',
    rateLimited: 'Muitas assinaturas da sua rede agora. Tente de novo em alguns minutos.',
    unavailable: 'Não conseguimos salvar sua assinatura agora. Nada se perdeu: tente de novo em instantes.',
    network: 'Sem conexão. Verifique sua conexão e tente de novo.',
    confirmed: 'Obrigado: sua assinatura está confirmada. Sua carta será entregue no dia do envio.',
    removed: 'Sua assinatura foi retirada. Nenhuma carta será enviada em seu nome.',
    invalidLink: 'Este link não é válido ou já foi usado.',
    expiredLink: 'Este link expirou. Assine de novo para receber outro.',
    alreadySent: 'Sua carta já foi enviada e não pode mais ser retirada.',
    noToken: 'Esta página precisa do link do seu e-mail.',
    working: 'Processando…',
  },
};

const fr: UiText = {
  languageName: 'Français',
  skipToForm: 'Aller au formulaire de signature',
  letterHeading: 'La lettre',
  dispatchNote: 'Chaque lettre confirmée est envoyée par courriel le {date}.',
  formHeading: 'Signez la lettre',
  fullName: 'Nom complet',
  fullNameHint: 'Tel que vous voulez qu’il figure sous la lettre.',
  yourCountry: 'Votre pays',
  chooseCountry: 'Choisissez un pays',
  email: 'Courriel',
  emailHint: 'Nous vous envoyons un lien de confirmation. Votre adresse n’est jamais publiée.',
  missionCountry: 'Envoyer ma lettre à la mission du Royaume-Uni en/au',
  missionCountryHint: 'En général, le pays où vous vivez.',
  mission: 'Mission du Royaume-Uni',
  chooseMission: 'Choisissez une mission',
  consent: 'J’accepte que cette lettre soit envoyée en mon nom à la mission choisie.',
  shareEmail: 'La mission peut me répondre par courriel (votre adresse lui est alors indiquée en Reply-To).',
  displayLegend: 'Comment votre nom peut apparaître dans les listes publiques',
  displayFull: 'Nom complet',
  displayInitials: 'Initiales seulement',
  displayHidden: 'Ne pas afficher mon nom',
  displayHint: 'La lettre elle-même porte toujours votre nom complet.',
  send: 'Envoyer la lettre',
  privacy: 'Nous gardons votre nom, votre pays et votre courriel uniquement pour envoyer cette lettre, et supprimons le courriel après la campagne. Vous pouvez retirer votre signature à tout moment avant l’envoi grâce au lien du courriel de confirmation.',
  honeypot: 'Laissez ce champ vide',
  confirmTitle: 'Confirmez votre signature',
  confirmIntro: 'Appuyez sur le bouton pour confirmer que vous avez signé la lettre. Elle sera envoyée en votre nom le jour de l’envoi.',
  confirmButton: 'Confirmer ma signature',
  removeTitle: 'Retirez votre signature',
  removeIntro: 'Appuyez sur le bouton pour retirer votre signature. Vos nom, pays et courriel sont supprimés et aucune lettre ne sera envoyée en votre nom.',
  removeButton: 'Retirer ma signature',
  backToLetter: 'Retour à la lettre',
  noScript: 'La signature nécessite JavaScript. Vous pouvez lire la lettre ci-dessus.',
  footer: 'Une campagne de {organiser}.',
  client: {
    count: '{n} personnes ont signé',
    countOne: '{n} personne a signé',
    countZero: 'Soyez la première personne à signer',
    loadingMissions: 'Chargement des missions…',
    missionsUnavailable: 'La liste des missions n’a pas pu être chargée. Rechargez la page.',
    noEmailNote: 'Cette mission n’a pas d’adresse électronique valide : votre lettre sera imprimée et remise en main propre.',
    sending: 'Envoi…',
    sentHeading: 'Consultez votre boîte de réception',
    sentBody: 'Nous vous avons envoyé un courriel. Ouvrez le lien pour confirmer votre signature : seules les lettres confirmées sont envoyées.',
    errorSummary: 'Veuillez corriger les champs signalés.',
    fields: {
      fullName: 'Saisissez votre nom complet (des lettres ; 120 caractères au plus).',
      country: 'Choisissez votre pays.',
      email: 'Saisissez une adresse valide, comme nom@exemple.org.',
      missionId: 'Choisissez la mission qui doit recevoir votre lettre.',
      consent: 'Cochez la case pour accepter que la lettre soit envoyée en votre nom.',
      display: 'Choisissez comment votre nom peut apparaître.',
      body: 'Le formulaire a rencontré un problème. Rechargez la page et réessayez.',
    },
    unknownMission: 'Cette mission n’est pas disponible. Choisissez-en une autre.',
    blockedEmail: 'Ce fournisseur de courriel n’est pas accepté. Utilisez une adresse permanente.',
    closed: 'La signature est close : les lettres sont en cours de remise.',
    rateLimited: 'Trop de signatures depuis votre réseau en ce moment. Réessayez dans quelques minutes.',
    unavailable: 'Nous n’avons pas pu enregistrer votre signature. Rien n’est perdu : réessayez dans un instant.',
    network: 'Pas de connexion. Vérifiez votre connexion et réessayez.',
    confirmed: 'Merci : votre signature est confirmée. Votre lettre sera remise le jour de l’envoi.',
    removed: 'Votre signature a été retirée. Aucune lettre ne sera envoyée en votre nom.',
    invalidLink: 'Ce lien n’est pas valide ou a déjà été utilisé.',
    expiredLink: 'Ce lien a expiré. Signez à nouveau pour en recevoir un nouveau.',
    alreadySent: 'Votre lettre a déjà été envoyée et ne peut plus être retirée.',
    noToken: 'Cette page a besoin du lien de votre courriel.',
    working: 'Traitement…',
  },
};

export const UI: Record<Lang, UiText> = { en, es, pt, fr };
