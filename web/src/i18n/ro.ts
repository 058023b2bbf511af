import type en from './en'
import tasks from './tasks.ro'
import taskViews from './taskviews.ro'
import workgroups from './workgroups.ro'
import helpdesk from './helpdesk.ro'
import feed from './feed.ro'

const ro: typeof en = {
  tasks,
  taskViews,
  workgroups,
  helpdesk,
  feed,
  common: {
    cancel: 'Anulează',
    close: 'Închide',
    save: 'Salvează',
    edit: 'Editează',
    more: 'Arată mai mult',
    retry: 'Încearcă din nou',
    loading: 'Se încarcă…',
    search: 'Caută',
    copy: 'Copiază',
    copied: 'Copiat',
  },
  errors: {
    network: 'Serverul nu poate fi contactat. Verificați conexiunea și încercați din nou.',
    badResponse: 'Serverul a dat un răspuns neașteptat (HTTP {status}).',
    unknown: 'Ceva nu a mers bine.',
  },
  boot: {
    errorTitle: 'Portalul nu poate fi deschis',
  },
  languages: {
    ru: 'Русский',
    en: 'English',
    ro: 'Română',
  },
  sections: {
    feed: {
      title: 'Flux',
      description:
        'Mesaje pentru toți, pentru grupuri sau pentru persoane, cu comentarii, aprecieri, sondaje și mesaje importante — actualizate în timp real.',
    },
    tasks: {
      title: 'Sarcini și proiecte',
      description:
        'Sarcini cu termene, liste de verificare, pontaj și istoric: listă, kanban, „Planul meu” și diagramă Gantt.',
    },
    messenger: {
      title: 'Chat și apeluri',
      description: 'Conversații individuale și de grup cu toți angajații și apeluri video.',
    },
    workgroups: {
      title: 'Grupuri de lucru',
      description:
        'Grupuri și proiecte cu propriul flux, sarcini, fișiere și calendar, inclusiv grupuri extranet pentru clienți externi.',
    },
    drive: {
      title: 'Drive',
      description:
        'Drive-ul meu, drive-ul companiei și drive-urile grupurilor: dosare, versiuni, drepturi și linkuri publice.',
    },
    calendar: {
      title: 'Calendar',
      description:
        'Calendare personale, de grup și ale companiei: evenimente cu participanți, invitații și mementouri.',
    },
    mail: {
      title: 'Poștă',
      description: 'Căsuțele de e-mail ale companiei, direct în portal.',
    },
    crm: {
      title: 'CRM',
      description:
        'Lead-uri, contacte, companii și oferte, cu pipeline-uri, kanban pe etape și cronologia activităților.',
    },
    timeman: {
      title: 'Timp de lucru',
      description:
        'Începutul, pauza și sfârșitul zilei de lucru și raportul zilnic din sarcinile lucrate.',
    },
    bizproc: {
      title: 'Liste și procese',
      description: 'Liste cu orice câmpuri și procese de aprobare pentru elementele lor.',
    },
    pulse: {
      title: 'Pulsul companiei',
      description: 'Cât de mult este folosit fiecare instrument și cei mai activi oameni.',
    },
    helpdesk: {
      title: 'Tichete',
      description:
        'Tichete de suport pentru clienți: stări, comentarii de ambele părți, fișiere și acceptarea lucrării de către client.',
    },
    company: {
      title: 'Companie',
      description: 'Structura companiei și lista angajaților.',
    },
    settings: {
      title: 'Setări',
      description: 'Setările portalului.',
    },
    integrations: {
      title: 'Integrări',
      description: 'Webhook-uri pentru programele care folosesc REST API.',
    },
  },
  shell: {
    menu: 'Meniu',
    openMenu: 'Deschide meniul',
  },
  notAvailable: {
    title: 'Această secțiune nu este încă disponibilă',
  },
  notFound: {
    title: 'Pagina nu a fost găsită',
    text: 'Această pagină nu există în portal.',
    home: 'Mergi la pagina de start',
  },
  search: {
    placeholder: 'Caută angajați',
  },
  notifications: {
    title: 'Notificări',
    empty: 'Nu există încă notificări',
    markAllRead: 'Marchează toate ca citite',
    count: '×{count}',
    unread: 'Necitită',
  },
  notificationSettings: {
    title: 'Setările notificărilor',
    menu: 'Setările notificărilor',
    intro: 'Alegeți ce evenimente ajung la clopoțelul din portal și care vin și prin e-mail.',
    event: 'Eveniment',
    portal: 'În portal',
    email: 'Prin e-mail',
    saved: 'Setările notificărilor au fost salvate',
    modules: {
      tasks: 'Sarcini',
      im: 'Mesagerie',
    },
    events: {
      tasks_task_assigned: 'Mi s-a atribuit o sarcină',
      tasks_task_comment: 'Un comentariu la sarcina mea sau o menționare',
      tasks_task_status: 'Sarcina mea și-a schimbat starea',
      tasks_task_changed: 'Sarcina mea a fost modificată',
      tasks_task_control: 'O sarcină așteaptă aprobarea mea',
      tasks_task_deadline: 'Termenul unei sarcini se apropie sau a trecut',
      im_default: 'Notificări de la aplicații și integrări',
    },
  },
  userMenu: {
    profile: 'Profilul meu',
    language: 'Limba',
    logout: 'Ieșire',
  },
  fields: {
    name: 'Prenume',
    lastName: 'Nume',
    secondName: 'Al doilea prenume',
    email: 'E-mail',
    password: 'Parolă',
    position: 'Funcție',
    department: 'Departament',
    departments: 'Departamente',
    mobile: 'Telefon mobil',
    workPhone: 'Telefon de serviciu',
    innerPhone: 'Interior',
    birthday: 'Data nașterii',
    city: 'Oraș',
    skills: 'Competențe',
    interests: 'Interese',
    language: 'Limba interfeței',
  },
  setup: {
    title: 'Creați portalul',
    subtitle: 'Primul cont devine administratorul portalului.',
    portalName: 'Numele companiei sau al portalului',
    submit: 'Creează portalul',
  },
  login: {
    title: 'Autentificare',
    submit: 'Intră',
    noAccount: 'Nu aveți încă un cont?',
    register: 'Înregistrare',
  },
  register: {
    title: 'Înregistrare',
    submit: 'Înregistrează-te',
    haveAccount: 'Am deja un cont',
  },
  invite: {
    title: 'Alăturați-vă portalului',
    subtitle: 'Ați fost invitat în {portal} cu adresa {email}. Completați datele pentru a începe.',
    submit: 'Alătură-te',
    toLogin: 'Mergi la autentificare',
    sent: 'invitație trimisă',
  },
  photo: {
    choose: 'Alege o fotografie',
  },
  company: {
    title: 'Companie',
    structure: 'Structura companiei',
    employees: 'Angajați',
  },
  departments: {
    add: 'Adaugă departament',
    addChild: 'Adaugă subdepartament',
    edit: 'Editează',
    delete: 'Șterge',
    actions: 'Acțiuni pentru departament',
    addTitle: 'Departament nou',
    editTitle: 'Editare departament',
    name: 'Numele departamentului',
    parent: 'Departament părinte',
    head: 'Șef',
    noHead: 'Fără șef',
    choose: 'Alegeți un departament',
    deleteTitle: 'Ștergere departament',
    deleteText: 'Ștergeți departamentul „{name}”?',
    deleted: 'Departamentul „{name}” a fost șters',
  },
  structure: {
    people: '{n} angajat | {n} angajați | {n} de angajați',
    dropHere: 'Trageți angajații aici',
    noEmployees: 'Niciun angajat',
    dragHint: 'Trageți un angajat pe alt departament pentru a-l muta.',
    moved: '{name} a fost mutat în {department}',
  },
  people: {
    choose: 'Alegeți o persoană',
  },
  status: {
    invited: 'Invitat',
    dismissed: 'Concediat',
    extranet: 'Extranet',
    admin: 'Administrator',
  },
  employees: {
    searchPlaceholder: 'Nume, e-mail sau funcție',
    allDepartments: 'Toate departamentele',
    showDismissed: 'Arată concediații',
    invite: 'Invită',
    add: 'Adaugă',
    empty: 'Nu a fost găsit nimeni',
    shown: 'Afișați {shown} din {total}',
    columns: {
      name: 'Angajat',
      status: 'Stare',
    },
    inviteTitle: 'Invitați angajați',
    inviteEmails: 'Adrese de e-mail',
    inviteEmailsHelp: 'Una sau mai multe adrese, separate prin virgulă sau pe rânduri noi.',
    inviteSend: 'Trimite invitațiile',
    addTitle: 'Adaugă angajat',
    addSubmit: 'Adaugă angajat',
  },
  profile: {
    title: 'Profil',
    notFound: 'Această persoană nu a fost găsită.',
    contacts: 'Date de contact',
    work: 'Serviciu',
    personal: 'Date personale',
    about: 'Despre mine',
    saved: 'Profilul a fost salvat',
    dismiss: 'Concediază',
    dismissTitle: 'Concediere angajat',
    dismissText:
      '{name} nu se va mai putea autentifica. Contul se păstrează și poate fi restabilit.',
    dismissed: 'Angajatul a fost concediat',
    restore: 'Restabilește',
    restoreTitle: 'Restabilire angajat',
    restoreText: '{name} se va putea autentifica din nou.',
    restored: 'Angajatul a fost restabilit',
  },
  password: {
    title: 'Schimbă parola',
    old: 'Parola actuală',
    new: 'Parola nouă',
    repeat: 'Repetați parola nouă',
    mismatch: 'Parolele noi nu coincid.',
    changed: 'Parola a fost schimbată',
  },
  settings: {
    general: 'Generale',
    portalName: 'Numele companiei',
    contactEmail: 'E-mail de contact',
    logo: 'Logo',
    noLogo: 'Fără logo',
    uploadLogo: 'Încarcă',
    removeLogo: 'Elimină',
    timeZone: 'Fus orar',
    language: 'Limba implicită',
    dateFormat: 'Formatul datei',
    timeFormat: 'Formatul orei',
    selfRegistration: 'Înregistrare liberă',
    selfRegistrationHelp:
      'Oricine deschide portalul își poate crea un cont de angajat. Dacă este dezactivată, se intră doar pe bază de invitație.',
    allowedIps: 'Adrese IP de pe care se permite autentificarea',
    allowedIpsHelp: 'O adresă sau un interval (10.0.0.0/8) pe rând. Gol înseamnă orice adresă.',
    saved: 'Setările au fost salvate',
  },
  webhooks: {
    incomingTitle: 'Webhook de intrare',
    incomingHelp:
      'O adresă secretă prin care un program apelează REST API în numele persoanei alese, cu permisiunile alese.',
    title: 'Titlu',
    titlePlaceholder: 'de ex. Export contabilitate',
    user: 'În numele lui',
    scopes: 'Permisiuni',
    create: 'Creează webhook',
    createdHelp: 'Webhook-ul este gata. Păstrați adresa secretă: oricine o are poate apela API-ul.',
    url: 'Adresa webhook-ului',
    example: 'Exemplu de apel',
    listTitle: 'Webhook-uri',
    none: 'Nu există încă webhook-uri',
    notYet: 'încă indisponibil',
    untitled: 'Webhook fără titlu',
    revoke: 'Revocă',
    revokeTitle: 'Revocare webhook',
    revokeText: 'Programele care folosesc „{title}” nu vor mai funcționa imediat.',
    revoked: 'Webhook-ul a fost revocat',
    scope: {
      user: 'Utilizatori',
      department: 'Structura companiei',
      task: 'Sarcini',
      sonet_group: 'Grupuri de lucru',
      log: 'Flux de știri',
      im: 'Chat',
      disk: 'Drive',
      calendar: 'Calendar',
      crm: 'CRM',
      timeman: 'Timp de lucru',
      lists: 'Liste',
      bizproc: 'Procese de business',
      helpdesk: 'Tichete clienți',
      portal: 'Administrarea portalului',
    },
  },
}

export default ro
