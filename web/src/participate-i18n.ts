/**
 * The words of the pages beyond the letter (missions directory and calls, in-person actions and their
 * gallery, co-signers, contact confirmation), per language. `client` strings travel to the page as
 * JSON data for the scripts.
 */
import type { Lang } from './i18n';

export interface PartText {
  nav: { letter: string; missions: string; act: string; actions: string; cosign: string; delivery: string; skip: string; label: string };
  deliveryTitle: string;
  deliveryIntro: string;
  missionsTitle: string;
  missionsIntro: string;
  search: string;
  searchHint: string;
  region: string;
  allRegions: string;
  country: string;
  allCountries: string;
  regions: Record<'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA', string>;
  actTitle: string;
  actIntro: string;
  organisation: string;
  contactEmail: string;
  contactEmailHint: string;
  missionCountry: string;
  mission: string;
  startsAt: string;
  startsAtHint: string;
  description: string;
  descriptionHint: string;
  photos: string;
  photosHint: string;
  actConsent: string;
  actSubmit: string;
  actionsTitle: string;
  actionsIntro: string;
  cosignTitle: string;
  cosignIntro: string;
  cosignListHeading: string;
  cosignFormHeading: string;
  kindLegend: string;
  kindIndividual: string;
  kindOrganisation: string;
  name: string;
  website: string;
  websiteHint: string;
  displayLegend: string;
  displayFull: string;
  displayInitials: string;
  displayHidden: string;
  cosignConsent: string;
  cosignSubmit: string;
  contactConfirmTitle: string;
  contactConfirmIntro: string;
  contactConfirmButton: string;
  client: PartClientText;
}

export interface PartClientText {
  loading: string;
  unavailable: string;
  noMatch: string;
  shown: string; // {n}
  letters: string; // {n}
  calls: string; // {n}
  phone: string;
  address: string;
  websiteLink: string;
  types: Record<string, string>;
  callScriptSummary: string;
  callScript: string; // {mission} {title}
  callLogLegend: string;
  outcomes: Record<'reached' | 'voicemail' | 'no_answer' | 'refused', string>;
  callThanks: string;
  reportSummary: string;
  reportMessage: string;
  reportEmail: string;
  reportSend: string;
  reportThanks: string;
  noEmailNote: string;
  actionsNone: string;
  photoAlt: string; // {organisation}
  at: string; // {mission} {date}
  sending: string;
  uploading: string; // {n} {total}
  actSent: string;
  photosRefused: string; // {names}
  tooManyPhotos: string;
  photoTooLarge: string; // {name}
  photoWrongType: string; // {name}
  cosignSent: string;
  cosignNone: string;
  hiddenCount: string; // {n}
  errorSummary: string;
  rateLimited: string;
  /** The email's provider is on the campaign's blocked list. */
  blockedEmail: string;
  /** Delivery page: before the dispatch ({date}: when the letters go out; {n}: letters waiting). */
  deliveryBefore: string;
  deliverySending: string;
  deliveryDone: string;
  /** {sent} {queued} {delivered} */
  deliveryTotals: string;
  /** Per mission: {sent} {queued} {delivered} */
  deliveryRow: string;
  deliveryBounced: string; // {n}
  deliveryFailed: string; // {n}
  deliveryInPerson: string; // {n}
  deliveryUpdated: string; // {time}
  network: string;
  serverUnavailable: string;
  confirmed: string;
  invalidLink: string;
  expiredLink: string;
  noToken: string;
  working: string;
  /** Per field, what to fix (shown under the field; the API's own message is in English). */
  fields: Record<'organisation' | 'email' | 'missionId' | 'startsAt' | 'description' | 'consent' | 'kind' | 'name' | 'country' | 'website' | 'display', string>;
}

const en: PartText = {
  nav: { letter: 'The letter', missions: 'Missions and calls', act: 'Deliver it in person', actions: 'Actions', cosign: 'Co-signers', delivery: 'Delivery', skip: 'Skip to the content', label: 'Site' },
  missionsTitle: 'UK missions: addresses, phones and calls',
  missionsIntro: 'Every UK embassy, high commission and consulate that receives letters, with its address and phone for delivering the letter in person or calling on the day.',
  search: 'Search',
  searchHint: 'A country, city or mission name.',
  region: 'Region',
  allRegions: 'All regions',
  country: 'Country',
  allCountries: 'All countries',
  regions: { AF: 'Africa', AN: 'Antarctica', AS: 'Asia', EU: 'Europe', NA: 'North America and the Caribbean', OC: 'Oceania', SA: 'South America' },
  actTitle: 'Deliver the letter in person',
  actIntro: 'Planning to hand the letter to a mission, hold a vigil or a photo action? Register it here. The organisers check every action before it appears on the site.',
  organisation: 'Organisation or group',
  contactEmail: 'Contact email',
  contactEmailHint: 'We send a link to confirm it. It is never published.',
  missionCountry: 'Country of the mission',
  mission: 'UK mission',
  startsAt: 'Date and time (local time)',
  startsAtHint: 'When the action starts, in the time of the place where it happens.',
  description: 'What you will do',
  descriptionHint: 'A few sentences: at most 2,000 characters.',
  photos: 'Photos (optional)',
  photosHint: 'Up to 5 JPEG, PNG or WebP images of at most 10 MB each. Location and camera data are removed before any photo is shown.',
  actConsent: 'I agree that this action and its photos may be published on this site once approved.',
  actSubmit: 'Register the action',
  actionsTitle: 'Actions at the missions',
  actionsIntro: 'In-person deliveries and actions at UK missions, with their photos, as approved by the organisers.',
  deliveryTitle: 'Delivery of the letters',
  deliveryIntro: 'Every confirmed letter goes by email to the UK mission its signer chose, all on the same day. This page follows them: sent, delivered, and the letters that will be handed in on paper because a mission has no working email address.',
  cosignTitle: 'Co-signers',
  cosignIntro: 'Organisations and individuals who add their name to the letter.',
  cosignListHeading: 'Who co-signs',
  cosignFormHeading: 'Add your name or your organisation',
  kindLegend: 'You sign as',
  kindIndividual: 'An individual',
  kindOrganisation: 'An organisation',
  name: 'Name',
  website: 'Website (optional)',
  websiteHint: 'Starting with https://',
  displayLegend: 'How the name may appear in the list',
  displayFull: 'Full name',
  displayInitials: 'Initials only',
  displayHidden: 'Do not show it (counted only)',
  cosignConsent: 'I agree that this name is added to the signatories of the letter.',
  cosignSubmit: 'Add my name',
  contactConfirmTitle: 'Confirm your email address',
  contactConfirmIntro: 'Press the button to confirm your address. The organisers then review your submission.',
  contactConfirmButton: 'Confirm',
  client: {
    loading: 'Loading…',
    unavailable: 'This list could not be loaded. Please reload the page.',
    noMatch: 'No mission matches your search.',
    shown: '{n} missions',
    letters: 'Letters: {n}',
    calls: 'Calls logged: {n}',
    phone: 'Phone',
    address: 'Address',
    websiteLink: 'Website',
    types: { embassy: 'Embassy', 'high-commission': 'High Commission', 'deputy-high-commission': 'Deputy High Commission', 'consulate-general': 'Consulate General', consulate: 'Consulate', 'representation/office': 'Office' },
    callScriptSummary: 'Call script',
    callScript: 'Hello, my name is … and I am calling about the open letter "{title}" that people have sent to {mission}. We ask that the letter is passed on to the ambassador or head of mission and that its requests are answered. Could you tell me who will receive it? Thank you for your time.',
    callLogLegend: 'How did the call go?',
    outcomes: { reached: 'Spoke to someone', voicemail: 'Left a voicemail', no_answer: 'No answer', refused: 'Refused to talk' },
    callThanks: 'Thank you: your call is counted.',
    reportSummary: 'Report wrong contact details',
    reportMessage: 'What is wrong, and what is right?',
    reportEmail: 'Your email, if we may ask you about it (optional)',
    reportSend: 'Send the report',
    reportThanks: 'Thank you: the organisers will check it.',
    noEmailNote: 'No working email address: letters to this mission are delivered in person.',
    actionsNone: 'No actions have been published yet.',
    photoAlt: 'Photo of the action by {organisation}',
    at: 'at {mission}, {date}',
    sending: 'Sending…',
    uploading: 'Uploading photo {n} of {total}…',
    actSent: 'Thank you. Check your inbox: confirm your email address with the link we sent you. The organisers review the action before it is published.',
    photosRefused: 'These photos could not be uploaded: {names}.',
    tooManyPhotos: 'Choose at most 5 photos.',
    photoTooLarge: '{name} is larger than 10 MB.',
    photoWrongType: '{name} is not a JPEG, PNG or WebP image.',
    cosignSent: 'Thank you. Check your inbox: confirm your email address with the link we sent you. The organisers review each name before it is listed.',
    cosignNone: 'No co-signers are listed yet.',
    hiddenCount: 'And {n} more who asked not to be named.',
    errorSummary: 'Please correct the highlighted fields.',
    rateLimited: 'Too many requests from your network just now. Please try again in a few minutes.',
    blockedEmail: 'This email provider is not accepted. Please use a permanent address.',
    deliveryBefore: 'The letters go out on {date}. {n} are waiting.',
    deliverySending: 'The letters are being sent now.',
    deliveryDone: 'Every letter has gone out.',
    deliveryTotals: '{sent} of {queued} letters sent, {delivered} delivered.',
    deliveryRow: '{sent} of {queued} sent, {delivered} delivered',
    deliveryBounced: '{n} bounced',
    deliveryFailed: '{n} failed',
    deliveryInPerson: '{n} to hand in on paper',
    deliveryUpdated: 'Updated at {time}.',
    network: 'No connection. Please check your connection and try again.',
    serverUnavailable: 'This could not be saved just now. Please try again in a moment.',
    confirmed: 'Thank you: your address is confirmed. The organisers will review your submission.',
    invalidLink: 'This link is not valid or has already been used.',
    expiredLink: 'This link has expired. Please submit the form again.',
    noToken: 'This page needs the link from your email.',
    working: 'Working…',
    fields: { organisation: 'Enter the name of your organisation or group.', email: 'Enter a valid email address, like name@example.org.', missionId: 'Choose a mission.', startsAt: 'Enter a date and time from the last three months up to a year ahead.', description: 'Describe the action in at most 2,000 characters.', consent: 'Tick the box to agree.', kind: 'Choose individual or organisation.', name: 'Enter the name (letters; at most 160 characters).', country: 'Choose the country.', website: 'Enter the website address starting with https://', display: 'Choose how the name may appear.' },
  },
};

const es: PartText = {
  nav: { letter: 'La carta', missions: 'Misiones y llamadas', act: 'Entregarla en persona', actions: 'Acciones', cosign: 'Adhesiones', delivery: 'Entrega', skip: 'Ir al contenido', label: 'Sitio' },
  missionsTitle: 'Misiones del Reino Unido: direcciones, teléfonos y llamadas',
  missionsIntro: 'Todas las embajadas, altos comisionados y consulados del Reino Unido que reciben cartas, con su dirección y teléfono para entregar la carta en persona o llamar ese día.',
  search: 'Buscar',
  searchHint: 'Un país, una ciudad o el nombre de una misión.',
  region: 'Región',
  allRegions: 'Todas las regiones',
  country: 'País',
  allCountries: 'Todos los países',
  regions: { AF: 'África', AN: 'Antártida', AS: 'Asia', EU: 'Europa', NA: 'América del Norte y el Caribe', OC: 'Oceanía', SA: 'América del Sur' },
  actTitle: 'Entrega la carta en persona',
  actIntro: '¿Vas a entregar la carta en una misión, hacer una vigilia o una acción con fotos? Regístrala aquí. El equipo organizador revisa cada acción antes de publicarla.',
  organisation: 'Organización o grupo',
  contactEmail: 'Correo de contacto',
  contactEmailHint: 'Te enviamos un enlace para confirmarlo. Nunca se publica.',
  missionCountry: 'País de la misión',
  mission: 'Misión del Reino Unido',
  startsAt: 'Fecha y hora (hora local)',
  startsAtHint: 'Cuándo empieza la acción, en la hora del lugar donde ocurre.',
  description: 'Qué vais a hacer',
  descriptionHint: 'Unas frases: como máximo 2000 caracteres.',
  photos: 'Fotos (opcional)',
  photosHint: 'Hasta 5 imágenes JPEG, PNG o WebP de 10 MB como máximo cada una. Los datos de ubicación y de la cámara se eliminan antes de mostrar cualquier foto.',
  actConsent: 'Acepto que esta acción y sus fotos se publiquen en este sitio una vez aprobadas.',
  actSubmit: 'Registrar la acción',
  actionsTitle: 'Acciones en las misiones',
  actionsIntro: 'Entregas en persona y acciones ante las misiones del Reino Unido, con sus fotos, aprobadas por el equipo organizador.',
  deliveryTitle: 'Entrega de las cartas',
  deliveryIntro: 'Cada carta confirmada va por correo electrónico a la misión británica que eligió quien la firmó, todas el mismo día. Esta página las sigue: enviadas, entregadas, y las que se entregarán en papel porque una misión no tiene un correo que funcione.',
  cosignTitle: 'Adhesiones',
  cosignIntro: 'Organizaciones y personas que añaden su nombre a la carta.',
  cosignListHeading: 'Quién se adhiere',
  cosignFormHeading: 'Añade tu nombre o el de tu organización',
  kindLegend: 'Firmas como',
  kindIndividual: 'Persona',
  kindOrganisation: 'Organización',
  name: 'Nombre',
  website: 'Sitio web (opcional)',
  websiteHint: 'Empezando por https://',
  displayLegend: 'Cómo puede aparecer el nombre en la lista',
  displayFull: 'Nombre completo',
  displayInitials: 'Solo iniciales',
  displayHidden: 'No mostrarlo (solo se cuenta)',
  cosignConsent: 'Acepto que este nombre se añada a quienes firman la carta.',
  cosignSubmit: 'Añadir mi nombre',
  contactConfirmTitle: 'Confirma tu dirección de correo',
  contactConfirmIntro: 'Pulsa el botón para confirmar tu dirección. Después, el equipo organizador revisará tu envío.',
  contactConfirmButton: 'Confirmar',
  client: {
    loading: 'Cargando…',
    unavailable: 'No se pudo cargar esta lista. Vuelve a cargar la página.',
    noMatch: 'Ninguna misión coincide con tu búsqueda.',
    shown: '{n} misiones',
    letters: 'Cartas: {n}',
    calls: 'Llamadas registradas: {n}',
    phone: 'Teléfono',
    address: 'Dirección',
    websiteLink: 'Sitio web',
    types: { embassy: 'Embajada', 'high-commission': 'Alto Comisionado', 'deputy-high-commission': 'Alto Comisionado adjunto', 'consulate-general': 'Consulado General', consulate: 'Consulado', 'representation/office': 'Oficina' },
    callScriptSummary: 'Guion para la llamada',
    callScript: 'Hola, me llamo … y llamo por la carta abierta «{title}» que se ha enviado a {mission}. Pedimos que la carta llegue al embajador o al jefe de la misión y que sus peticiones reciban respuesta. ¿Podría decirme quién la recibirá? Gracias por su tiempo.',
    callLogLegend: '¿Cómo fue la llamada?',
    outcomes: { reached: 'Hablé con alguien', voicemail: 'Dejé un mensaje', no_answer: 'No contestaron', refused: 'Se negaron a hablar' },
    callThanks: 'Gracias: tu llamada queda registrada.',
    reportSummary: 'Informar de datos de contacto erróneos',
    reportMessage: '¿Qué está mal y cuál es el dato correcto?',
    reportEmail: 'Tu correo, si podemos consultarte (opcional)',
    reportSend: 'Enviar',
    reportThanks: 'Gracias: el equipo organizador lo revisará.',
    noEmailNote: 'Sin dirección de correo operativa: las cartas a esta misión se entregan en persona.',
    actionsNone: 'Todavía no se ha publicado ninguna acción.',
    photoAlt: 'Foto de la acción de {organisation}',
    at: 'en {mission}, {date}',
    sending: 'Enviando…',
    uploading: 'Subiendo la foto {n} de {total}…',
    actSent: 'Gracias. Revisa tu correo: confirma tu dirección con el enlace que te hemos enviado. El equipo organizador revisa la acción antes de publicarla.',
    photosRefused: 'No se pudieron subir estas fotos: {names}.',
    tooManyPhotos: 'Elige como máximo 5 fotos.',
    photoTooLarge: '{name} ocupa más de 10 MB.',
    photoWrongType: '{name} no es una imagen JPEG, PNG o WebP.',
    cosignSent: 'Gracias. Revisa tu correo: confirma tu dirección con el enlace que te hemos enviado. El equipo organizador revisa cada nombre antes de publicarlo.',
    cosignNone: 'Todavía no hay adhesiones publicadas.',
    hiddenCount: 'Y {n} más que pidieron no figurar con su nombre.',
    errorSummary: 'Corrige los campos señalados.',
    rateLimited: 'Demasiadas solicitudes desde tu red. Inténtalo de nuevo en unos minutos.',
    blockedEmail: 'No se acepta este proveedor de correo. Use una dirección permanente.',
    deliveryBefore: 'Las cartas salen el {date}. Esperan {n}.',
    deliverySending: 'Las cartas se están enviando ahora.',
    deliveryDone: 'Todas las cartas han salido.',
    deliveryTotals: '{sent} de {queued} cartas enviadas, {delivered} entregadas.',
    deliveryRow: '{sent} de {queued} enviadas, {delivered} entregadas',
    deliveryBounced: '{n} rebotadas',
    deliveryFailed: '{n} fallidas',
    deliveryInPerson: '{n} para entregar en papel',
    deliveryUpdated: 'Actualizado a las {time}.',
    network: 'Sin conexión. Comprueba tu conexión e inténtalo de nuevo.',
    serverUnavailable: 'No se pudo guardar ahora. Inténtalo de nuevo en un momento.',
    confirmed: 'Gracias: tu dirección está confirmada. El equipo organizador revisará tu envío.',
    invalidLink: 'Este enlace no es válido o ya se ha usado.',
    expiredLink: 'Este enlace ha caducado. Envía el formulario de nuevo.',
    noToken: 'Esta página necesita el enlace de tu correo.',
    working: 'Un momento…',
    fields: { organisation: 'Escribe el nombre de tu organización o grupo.', email: 'Escribe una dirección de correo válida, como nombre@ejemplo.org.', missionId: 'Elige una misión.', startsAt: 'Indica una fecha y hora entre hace tres meses y dentro de un año.', description: 'Describe la acción en 2000 caracteres como máximo.', consent: 'Marca la casilla para aceptar.', kind: 'Elige persona u organización.', name: 'Escribe el nombre (letras; como máximo 160 caracteres).', country: 'Elige el país.', website: 'Escribe la dirección del sitio empezando por https://', display: 'Elige cómo puede aparecer el nombre.' },
  },
};

const pt: PartText = {
  nav: { letter: 'A carta', missions: 'Missões e ligações', act: 'Entregar pessoalmente', actions: 'Ações', cosign: 'Adesões', delivery: 'Entrega', skip: 'Ir para o conteúdo', label: 'Site' },
  missionsTitle: 'Missões do Reino Unido: endereços, telefones e ligações',
  missionsIntro: 'Todas as embaixadas, altos comissariados e consulados do Reino Unido que recebem cartas, com endereço e telefone para entregar a carta pessoalmente ou ligar no dia.',
  search: 'Buscar',
  searchHint: 'Um país, uma cidade ou o nome de uma missão.',
  region: 'Região',
  allRegions: 'Todas as regiões',
  country: 'País',
  allCountries: 'Todos os países',
  regions: { AF: 'África', AN: 'Antártida', AS: 'Ásia', EU: 'Europa', NA: 'América do Norte e Caribe', OC: 'Oceania', SA: 'América do Sul' },
  actTitle: 'Entregue a carta pessoalmente',
  actIntro: 'Vai entregar a carta numa missão, fazer uma vigília ou uma ação com fotos? Registre aqui. A organização revisa cada ação antes de publicá-la.',
  organisation: 'Organização ou grupo',
  contactEmail: 'E-mail de contato',
  contactEmailHint: 'Enviamos um link para confirmá-lo. Ele nunca é publicado.',
  missionCountry: 'País da missão',
  mission: 'Missão do Reino Unido',
  startsAt: 'Data e hora (hora local)',
  startsAtHint: 'Quando a ação começa, no horário do lugar onde acontece.',
  description: 'O que vocês vão fazer',
  descriptionHint: 'Algumas frases: no máximo 2.000 caracteres.',
  photos: 'Fotos (opcional)',
  photosHint: 'Até 5 imagens JPEG, PNG ou WebP de no máximo 10 MB cada. Os dados de localização e da câmera são removidos antes de qualquer foto ser exibida.',
  actConsent: 'Concordo que esta ação e suas fotos sejam publicadas neste site depois de aprovadas.',
  actSubmit: 'Registrar a ação',
  actionsTitle: 'Ações nas missões',
  actionsIntro: 'Entregas pessoais e ações nas missões do Reino Unido, com suas fotos, aprovadas pela organização.',
  deliveryTitle: 'Entrega das cartas',
  deliveryIntro: 'Cada carta confirmada vai por e-mail à missão britânica escolhida por quem a assinou, todas no mesmo dia. Esta página as acompanha: enviadas, entregues, e as que serão entregues em papel porque uma missão não tem um e-mail que funcione.',
  cosignTitle: 'Adesões',
  cosignIntro: 'Organizações e pessoas que acrescentam seu nome à carta.',
  cosignListHeading: 'Quem aderiu',
  cosignFormHeading: 'Acrescente seu nome ou o da sua organização',
  kindLegend: 'Você assina como',
  kindIndividual: 'Pessoa',
  kindOrganisation: 'Organização',
  name: 'Nome',
  website: 'Site (opcional)',
  websiteHint: 'Começando com https://',
  displayLegend: 'Como o nome pode aparecer na lista',
  displayFull: 'Nome completo',
  displayInitials: 'Só as iniciais',
  displayHidden: 'Não mostrar (apenas contado)',
  cosignConsent: 'Concordo que este nome seja acrescentado aos signatários da carta.',
  cosignSubmit: 'Acrescentar meu nome',
  contactConfirmTitle: 'Confirme seu endereço de e-mail',
  contactConfirmIntro: 'Pressione o botão para confirmar seu endereço. Depois, a organização revisará o seu envio.',
  contactConfirmButton: 'Confirmar',
  client: {
    loading: 'Carregando…',
    unavailable: 'Não foi possível carregar esta lista. Recarregue a página.',
    noMatch: 'Nenhuma missão corresponde à sua busca.',
    shown: '{n} missões',
    letters: 'Cartas: {n}',
    calls: 'Ligações registradas: {n}',
    phone: 'Telefone',
    address: 'Endereço',
    websiteLink: 'Site',
    types: { embassy: 'Embaixada', 'high-commission': 'Alto Comissariado', 'deputy-high-commission': 'Alto Comissariado adjunto', 'consulate-general': 'Consulado-Geral', consulate: 'Consulado', 'representation/office': 'Escritório' },
    callScriptSummary: 'Roteiro para a ligação',
    callScript: 'Olá, meu nome é … e estou ligando sobre a carta aberta "{title}" enviada a {mission}. Pedimos que a carta chegue ao embaixador ou ao chefe da missão e que seus pedidos sejam respondidos. Pode me dizer quem vai recebê-la? Obrigado pelo seu tempo.',
    callLogLegend: 'Como foi a ligação?',
    outcomes: { reached: 'Falei com alguém', voicemail: 'Deixei recado', no_answer: 'Ninguém atendeu', refused: 'Recusaram-se a falar' },
    callThanks: 'Obrigado: sua ligação foi registrada.',
    reportSummary: 'Informar dados de contato errados',
    reportMessage: 'O que está errado, e qual é o dado certo?',
    reportEmail: 'Seu e-mail, se pudermos consultar você (opcional)',
    reportSend: 'Enviar',
    reportThanks: 'Obrigado: a organização vai verificar.',
    noEmailNote: 'Sem endereço de e-mail ativo: as cartas para esta missão são entregues pessoalmente.',
    actionsNone: 'Nenhuma ação foi publicada ainda.',
    photoAlt: 'Foto da ação de {organisation}',
    at: 'em {mission}, {date}',
    sending: 'Enviando…',
    uploading: 'Enviando a foto {n} de {total}…',
    actSent: 'Obrigado. Veja seu e-mail: confirme seu endereço com o link que enviamos. A organização revisa a ação antes de publicá-la.',
    photosRefused: 'Não foi possível enviar estas fotos: {names}.',
    tooManyPhotos: 'Escolha no máximo 5 fotos.',
    photoTooLarge: '{name} tem mais de 10 MB.',
    photoWrongType: '{name} não é uma imagem JPEG, PNG ou WebP.',
    cosignSent: 'Obrigado. Veja seu e-mail: confirme seu endereço com o link que enviamos. A organização revisa cada nome antes de listá-lo.',
    cosignNone: 'Ainda não há adesões publicadas.',
    hiddenCount: 'E mais {n} que pediram para não ser identificados.',
    errorSummary: 'Corrija os campos destacados.',
    rateLimited: 'Pedidos demais da sua rede agora. Tente de novo em alguns minutos.',
    blockedEmail: 'Este provedor de e-mail não é aceito. Use um endereço permanente.',
    deliveryBefore: 'As cartas saem em {date}. {n} aguardam.',
    deliverySending: 'As cartas estão sendo enviadas agora.',
    deliveryDone: 'Todas as cartas foram enviadas.',
    deliveryTotals: '{sent} de {queued} cartas enviadas, {delivered} entregues.',
    deliveryRow: '{sent} de {queued} enviadas, {delivered} entregues',
    deliveryBounced: '{n} devolvidas',
    deliveryFailed: '{n} com falha',
    deliveryInPerson: '{n} para entregar em papel',
    deliveryUpdated: 'Atualizado às {time}.',
    network: 'Sem conexão. Verifique sua conexão e tente de novo.',
    serverUnavailable: 'Não foi possível salvar agora. Tente de novo em instantes.',
    confirmed: 'Obrigado: seu endereço está confirmado. A organização vai revisar o seu envio.',
    invalidLink: 'Este link não é válido ou já foi usado.',
    expiredLink: 'Este link expirou. Envie o formulário de novo.',
    noToken: 'Esta página precisa do link do seu e-mail.',
    working: 'Um momento…',
    fields: { organisation: 'Escreva o nome da sua organização ou grupo.', email: 'Escreva um e-mail válido, como nome@exemplo.org.', missionId: 'Escolha uma missão.', startsAt: 'Informe uma data e hora entre três meses atrás e daqui a um ano.', description: 'Descreva a ação em no máximo 2.000 caracteres.', consent: 'Marque a caixa para concordar.', kind: 'Escolha pessoa ou organização.', name: 'Escreva o nome (letras; no máximo 160 caracteres).', country: 'Escolha o país.', website: 'Escreva o endereço do site começando com https://', display: 'Escolha como o nome pode aparecer.' },
  },
};

const fr: PartText = {
  nav: { letter: 'La lettre', missions: 'Missions et appels', act: 'La remettre en personne', actions: 'Actions', cosign: 'Cosignataires', delivery: 'Remise', skip: 'Aller au contenu', label: 'Site' },
  missionsTitle: 'Missions du Royaume-Uni : adresses, téléphones et appels',
  missionsIntro: 'Toutes les ambassades, hauts-commissariats et consulats du Royaume-Uni qui reçoivent des lettres, avec leur adresse et leur téléphone pour remettre la lettre en personne ou appeler le jour venu.',
  search: 'Rechercher',
  searchHint: 'Un pays, une ville ou le nom d’une mission.',
  region: 'Région',
  allRegions: 'Toutes les régions',
  country: 'Pays',
  allCountries: 'Tous les pays',
  regions: { AF: 'Afrique', AN: 'Antarctique', AS: 'Asie', EU: 'Europe', NA: 'Amérique du Nord et Caraïbes', OC: 'Océanie', SA: 'Amérique du Sud' },
  actTitle: 'Remettre la lettre en personne',
  actIntro: 'Vous prévoyez de remettre la lettre à une mission, une veillée ou une action photo ? Inscrivez-la ici. Les organisateurs vérifient chaque action avant de la publier.',
  organisation: 'Organisation ou groupe',
  contactEmail: 'E-mail de contact',
  contactEmailHint: 'Nous envoyons un lien pour le confirmer. Il n’est jamais publié.',
  missionCountry: 'Pays de la mission',
  mission: 'Mission du Royaume-Uni',
  startsAt: 'Date et heure (heure locale)',
  startsAtHint: 'Quand l’action commence, à l’heure du lieu où elle a lieu.',
  description: 'Ce que vous ferez',
  descriptionHint: 'Quelques phrases : 2 000 caractères au plus.',
  photos: 'Photos (facultatif)',
  photosHint: 'Jusqu’à 5 images JPEG, PNG ou WebP de 10 Mo au plus chacune. Les données de localisation et d’appareil sont supprimées avant toute publication.',
  actConsent: 'J’accepte que cette action et ses photos soient publiées sur ce site une fois approuvées.',
  actSubmit: 'Inscrire l’action',
  actionsTitle: 'Actions devant les missions',
  actionsIntro: 'Remises en personne et actions devant les missions du Royaume-Uni, avec leurs photos, approuvées par les organisateurs.',
  deliveryTitle: 'Remise des lettres',
  deliveryIntro: 'Chaque lettre confirmée part par courriel vers la mission britannique choisie par sa signataire ou son signataire, toutes le même jour. Cette page les suit : envoyées, remises, et celles qui seront remises sur papier parce qu’une mission n’a pas d’adresse qui fonctionne.',
  cosignTitle: 'Cosignataires',
  cosignIntro: 'Organisations et personnes qui ajoutent leur nom à la lettre.',
  cosignListHeading: 'Qui cosigne',
  cosignFormHeading: 'Ajoutez votre nom ou celui de votre organisation',
  kindLegend: 'Vous signez en tant que',
  kindIndividual: 'Personne',
  kindOrganisation: 'Organisation',
  name: 'Nom',
  website: 'Site web (facultatif)',
  websiteHint: 'Commençant par https://',
  displayLegend: 'Comment le nom peut apparaître dans la liste',
  displayFull: 'Nom complet',
  displayInitials: 'Initiales seulement',
  displayHidden: 'Ne pas l’afficher (seulement compté)',
  cosignConsent: 'J’accepte que ce nom soit ajouté aux signataires de la lettre.',
  cosignSubmit: 'Ajouter mon nom',
  contactConfirmTitle: 'Confirmez votre adresse e-mail',
  contactConfirmIntro: 'Appuyez sur le bouton pour confirmer votre adresse. Les organisateurs examineront ensuite votre envoi.',
  contactConfirmButton: 'Confirmer',
  client: {
    loading: 'Chargement…',
    unavailable: 'Cette liste n’a pas pu être chargée. Rechargez la page.',
    noMatch: 'Aucune mission ne correspond à votre recherche.',
    shown: '{n} missions',
    letters: 'Lettres : {n}',
    calls: 'Appels enregistrés : {n}',
    phone: 'Téléphone',
    address: 'Adresse',
    websiteLink: 'Site web',
    types: { embassy: 'Ambassade', 'high-commission': 'Haut-Commissariat', 'deputy-high-commission': 'Haut-Commissariat adjoint', 'consulate-general': 'Consulat général', consulate: 'Consulat', 'representation/office': 'Bureau' },
    callScriptSummary: 'Texte pour l’appel',
    callScript: 'Bonjour, je m’appelle … et j’appelle au sujet de la lettre ouverte « {title} » envoyée à {mission}. Nous demandons que la lettre parvienne à l’ambassadeur ou au chef de mission et que ses demandes reçoivent une réponse. Pouvez-vous me dire qui la recevra ? Merci pour votre temps.',
    callLogLegend: 'Comment s’est passé l’appel ?',
    outcomes: { reached: 'J’ai parlé à quelqu’un', voicemail: 'Message laissé', no_answer: 'Pas de réponse', refused: 'Refus de parler' },
    callThanks: 'Merci : votre appel est compté.',
    reportSummary: 'Signaler des coordonnées erronées',
    reportMessage: 'Qu’est-ce qui est faux, et quelle est la bonne information ?',
    reportEmail: 'Votre e-mail, si nous pouvons vous poser une question (facultatif)',
    reportSend: 'Envoyer',
    reportThanks: 'Merci : les organisateurs vont vérifier.',
    noEmailNote: 'Pas d’adresse e-mail en service : les lettres à cette mission sont remises en personne.',
    actionsNone: 'Aucune action n’a encore été publiée.',
    photoAlt: 'Photo de l’action de {organisation}',
    at: 'à {mission}, {date}',
    sending: 'Envoi…',
    uploading: 'Envoi de la photo {n} sur {total}…',
    actSent: 'Merci. Consultez votre messagerie : confirmez votre adresse avec le lien envoyé. Les organisateurs examinent l’action avant de la publier.',
    photosRefused: 'Ces photos n’ont pas pu être envoyées : {names}.',
    tooManyPhotos: 'Choisissez 5 photos au plus.',
    photoTooLarge: '{name} dépasse 10 Mo.',
    photoWrongType: '{name} n’est pas une image JPEG, PNG ou WebP.',
    cosignSent: 'Merci. Consultez votre messagerie : confirmez votre adresse avec le lien envoyé. Les organisateurs examinent chaque nom avant de l’afficher.',
    cosignNone: 'Aucun cosignataire n’est encore affiché.',
    hiddenCount: 'Et {n} autres qui ont demandé à ne pas être nommés.',
    errorSummary: 'Corrigez les champs signalés.',
    rateLimited: 'Trop de demandes depuis votre réseau. Réessayez dans quelques minutes.',
    blockedEmail: 'Ce fournisseur de courriel n’est pas accepté. Utilisez une adresse permanente.',
    deliveryBefore: 'Les lettres partent le {date}. {n} attendent.',
    deliverySending: 'Les lettres partent en ce moment.',
    deliveryDone: 'Toutes les lettres sont parties.',
    deliveryTotals: '{sent} lettres envoyées sur {queued}, {delivered} remises.',
    deliveryRow: '{sent} envoyées sur {queued}, {delivered} remises',
    deliveryBounced: '{n} rejetées',
    deliveryFailed: '{n} en échec',
    deliveryInPerson: '{n} à remettre sur papier',
    deliveryUpdated: 'Mis à jour à {time}.',
    network: 'Pas de connexion. Vérifiez votre connexion et réessayez.',
    serverUnavailable: 'L’enregistrement n’a pas pu se faire. Réessayez dans un instant.',
    confirmed: 'Merci : votre adresse est confirmée. Les organisateurs examineront votre envoi.',
    invalidLink: 'Ce lien n’est pas valide ou a déjà été utilisé.',
    expiredLink: 'Ce lien a expiré. Envoyez à nouveau le formulaire.',
    noToken: 'Cette page a besoin du lien de votre e-mail.',
    working: 'Un instant…',
    fields: { organisation: 'Indiquez le nom de votre organisation ou groupe.', email: 'Indiquez une adresse e-mail valide, comme nom@exemple.org.', missionId: 'Choisissez une mission.', startsAt: 'Indiquez une date et une heure entre trois mois en arrière et un an à venir.', description: 'Décrivez l’action en 2 000 caractères au plus.', consent: 'Cochez la case pour accepter.', kind: 'Choisissez personne ou organisation.', name: 'Indiquez le nom (lettres ; 160 caractères au plus).', country: 'Choisissez le pays.', website: 'Indiquez l’adresse du site commençant par https://', display: 'Choisissez comment le nom peut apparaître.' },
  },
};

export const PUI: Record<Lang, PartText> = { en, es, pt, fr };
