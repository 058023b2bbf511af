import type en from './en'
import tasks from './tasks.ru'
import taskViews from './taskviews.ru'
import workgroups from './workgroups.ru'
import helpdesk from './helpdesk.ru'
import feed from './feed.ru'

const ru: typeof en = {
  tasks,
  taskViews,
  workgroups,
  helpdesk,
  feed,
  common: {
    cancel: 'Отмена',
    close: 'Закрыть',
    save: 'Сохранить',
    edit: 'Редактировать',
    more: 'Показать ещё',
    retry: 'Повторить',
    loading: 'Загрузка…',
    search: 'Поиск',
    copy: 'Копировать',
    copied: 'Скопировано',
  },
  errors: {
    network: 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
    badResponse: 'Сервер ответил неожиданно (HTTP {status}).',
    unknown: 'Что-то пошло не так.',
  },
  boot: {
    errorTitle: 'Не удаётся открыть портал',
  },
  languages: {
    ru: 'Русский',
    en: 'English',
    ro: 'Română',
  },
  sections: {
    feed: {
      title: 'Живая лента',
      description:
        'Сообщения для всех, для групп или отдельных сотрудников: комментарии, лайки, опросы и важные сообщения — всё обновляется без перезагрузки.',
    },
    tasks: {
      title: 'Задачи и проекты',
      description:
        'Задачи со сроками, чек-листами, учётом времени и историей: список, канбан, «Мой план» и диаграмма Ганта.',
    },
    messenger: {
      title: 'Чат и звонки',
      description: 'Личные и групповые чаты со всеми сотрудниками, видеозвонки.',
    },
    workgroups: {
      title: 'Группы',
      description:
        'Группы и проекты со своей лентой, задачами, файлами и календарём, в том числе экстранет-группы для внешних клиентов.',
    },
    drive: {
      title: 'Диск',
      description:
        'Мой диск, общий диск компании и диски групп: папки, версии, права и публичные ссылки.',
    },
    calendar: {
      title: 'Календарь',
      description:
        'Личные, групповые и общие календари: события с участниками, приглашения и напоминания.',
    },
    mail: {
      title: 'Почта',
      description: 'Почтовые ящики компании прямо в портале.',
    },
    crm: {
      title: 'CRM',
      description:
        'Лиды, контакты, компании и сделки: воронки, канбан стадий и лента дел по каждому клиенту.',
    },
    timeman: {
      title: 'Рабочее время',
      description: 'Начало, перерыв и завершение рабочего дня, отчёт за день по задачам.',
    },
    bizproc: {
      title: 'Бизнес-процессы',
      description: 'Списки с любыми полями и процессы согласования их элементов.',
    },
    pulse: {
      title: 'Пульс компании',
      description: 'Насколько активно используется каждый инструмент и самые активные сотрудники.',
    },
    helpdesk: {
      title: 'Тикеты',
      description:
        'Обращения клиентов в поддержку: статусы, комментарии обеих сторон, файлы и приёмка работы клиентом.',
    },
    company: {
      title: 'Компания',
      description: 'Структура компании и список сотрудников.',
    },
    settings: {
      title: 'Настройки',
      description: 'Настройки портала.',
    },
    integrations: {
      title: 'Интеграции',
      description: 'Вебхуки для программ, работающих с REST API.',
    },
  },
  shell: {
    menu: 'Меню',
    openMenu: 'Открыть меню',
  },
  notAvailable: {
    title: 'Этот раздел пока недоступен',
  },
  notFound: {
    title: 'Страница не найдена',
    text: 'В портале нет такой страницы.',
    home: 'На главную',
  },
  search: {
    placeholder: 'Поиск сотрудников',
  },
  notifications: {
    title: 'Уведомления',
    empty: 'Уведомлений пока нет',
    markAllRead: 'Прочитать все',
    count: '×{count}',
    unread: 'Не прочитано',
  },
  notificationSettings: {
    title: 'Настройки уведомлений',
    menu: 'Настройки уведомлений',
    intro: 'Выберите, какие события приходят вам в колокольчик на портале, а какие ещё и на почту.',
    event: 'Событие',
    portal: 'На портале',
    email: 'По почте',
    saved: 'Настройки уведомлений сохранены',
    modules: {
      tasks: 'Задачи',
      im: 'Мессенджер',
    },
    events: {
      tasks_task_assigned: 'Мне поручили задачу',
      tasks_task_comment: 'Комментарий к моей задаче или упоминание меня',
      tasks_task_status: 'Изменился статус моей задачи',
      tasks_task_changed: 'Моя задача изменена',
      tasks_task_control: 'Задача ждёт моей проверки',
      tasks_task_deadline: 'Срок задачи подходит или прошёл',
      im_default: 'Уведомления приложений и интеграций',
    },
  },
  userMenu: {
    profile: 'Мой профиль',
    language: 'Язык',
    logout: 'Выйти',
  },
  fields: {
    name: 'Имя',
    lastName: 'Фамилия',
    secondName: 'Отчество',
    email: 'E-mail',
    password: 'Пароль',
    position: 'Должность',
    department: 'Подразделение',
    departments: 'Подразделения',
    mobile: 'Мобильный телефон',
    workPhone: 'Рабочий телефон',
    innerPhone: 'Внутренний номер',
    birthday: 'День рождения',
    city: 'Город',
    skills: 'Навыки',
    interests: 'Интересы',
    language: 'Язык интерфейса',
  },
  setup: {
    title: 'Создание портала',
    subtitle: 'Первая учётная запись станет администратором портала.',
    portalName: 'Название компании или портала',
    submit: 'Создать портал',
  },
  login: {
    title: 'Вход',
    submit: 'Войти',
    noAccount: 'Ещё нет учётной записи?',
    register: 'Зарегистрироваться',
  },
  register: {
    title: 'Регистрация',
    submit: 'Зарегистрироваться',
    haveAccount: 'У меня уже есть учётная запись',
  },
  invite: {
    title: 'Присоединиться к порталу',
    subtitle: 'Вас пригласили в {portal} с адресом {email}. Заполните данные, чтобы начать работу.',
    submit: 'Присоединиться',
    toLogin: 'Перейти ко входу',
    sent: 'приглашение отправлено',
  },
  photo: {
    choose: 'Выбрать фото',
  },
  company: {
    title: 'Компания',
    structure: 'Структура компании',
    employees: 'Сотрудники',
  },
  departments: {
    add: 'Добавить подразделение',
    addChild: 'Добавить подотдел',
    edit: 'Изменить',
    delete: 'Удалить',
    actions: 'Действия с подразделением',
    addTitle: 'Новое подразделение',
    editTitle: 'Изменение подразделения',
    name: 'Название подразделения',
    parent: 'Вышестоящее подразделение',
    head: 'Руководитель',
    noHead: 'Без руководителя',
    choose: 'Выберите подразделение',
    deleteTitle: 'Удаление подразделения',
    deleteText: 'Удалить подразделение «{name}»?',
    deleted: 'Подразделение «{name}» удалено',
  },
  structure: {
    people: '{n} сотрудник | {n} сотрудника | {n} сотрудников',
    dropHere: 'Перетащите сюда сотрудников',
    noEmployees: 'Нет сотрудников',
    dragHint: 'Перетащите сотрудника в другое подразделение, чтобы перевести его.',
    moved: '{name} переведён(а) в «{department}»',
  },
  people: {
    choose: 'Выберите сотрудника',
  },
  status: {
    invited: 'Приглашён',
    dismissed: 'Уволен',
    extranet: 'Экстранет',
    admin: 'Администратор',
  },
  employees: {
    searchPlaceholder: 'Имя, e-mail или должность',
    allDepartments: 'Все подразделения',
    showDismissed: 'Показать уволенных',
    invite: 'Пригласить',
    add: 'Добавить',
    empty: 'Никого не найдено',
    shown: 'Показано {shown} из {total}',
    columns: {
      name: 'Сотрудник',
      status: 'Статус',
    },
    inviteTitle: 'Пригласить сотрудников',
    inviteEmails: 'Адреса e-mail',
    inviteEmailsHelp: 'Один или несколько адресов через запятую или с новой строки.',
    inviteSend: 'Отправить приглашения',
    addTitle: 'Добавить сотрудника',
    addSubmit: 'Добавить сотрудника',
  },
  profile: {
    title: 'Профиль',
    notFound: 'Сотрудник не найден.',
    contacts: 'Контактная информация',
    work: 'Работа',
    personal: 'Личные данные',
    about: 'Обо мне',
    saved: 'Профиль сохранён',
    dismiss: 'Уволить',
    dismissTitle: 'Увольнение сотрудника',
    dismissText:
      '{name} больше не сможет войти в портал. Учётная запись сохранится, её можно будет восстановить.',
    dismissed: 'Сотрудник уволен',
    restore: 'Восстановить',
    restoreTitle: 'Восстановление сотрудника',
    restoreText: '{name} снова сможет входить в портал.',
    restored: 'Сотрудник восстановлен',
  },
  password: {
    title: 'Сменить пароль',
    old: 'Текущий пароль',
    new: 'Новый пароль',
    repeat: 'Повторите новый пароль',
    mismatch: 'Новые пароли не совпадают.',
    changed: 'Пароль изменён',
  },
  settings: {
    general: 'Основные',
    portalName: 'Название компании',
    contactEmail: 'Контактный e-mail',
    logo: 'Логотип',
    noLogo: 'Нет логотипа',
    uploadLogo: 'Загрузить',
    removeLogo: 'Удалить',
    timeZone: 'Часовой пояс',
    language: 'Язык по умолчанию',
    dateFormat: 'Формат даты',
    timeFormat: 'Формат времени',
    selfRegistration: 'Самостоятельная регистрация',
    selfRegistrationHelp:
      'Любой, кто откроет портал, может создать учётную запись сотрудника. Если выключено, войти можно только по приглашению.',
    allowedIps: 'IP-адреса, с которых разрешён вход',
    allowedIpsHelp: 'По одному адресу или диапазону (10.0.0.0/8) в строке. Пусто — любой адрес.',
    saved: 'Настройки сохранены',
  },
  webhooks: {
    incomingTitle: 'Входящий вебхук',
    incomingHelp:
      'Секретный адрес, по которому программа вызывает REST API от имени выбранного сотрудника с выбранными правами.',
    title: 'Название',
    titlePlaceholder: 'например, Выгрузка в бухгалтерию',
    user: 'От имени',
    scopes: 'Права доступа',
    create: 'Создать вебхук',
    createdHelp:
      'Вебхук готов. Храните его адрес в секрете: любой, у кого он есть, может вызывать API.',
    url: 'Адрес вебхука',
    example: 'Пример вызова',
    listTitle: 'Вебхуки',
    none: 'Вебхуков пока нет',
    notYet: 'пока недоступно',
    untitled: 'Вебхук без названия',
    revoke: 'Отозвать',
    revokeTitle: 'Отзыв вебхука',
    revokeText: 'Программы, использующие «{title}», сразу перестанут работать.',
    revoked: 'Вебхук отозван',
    scope: {
      user: 'Пользователи',
      department: 'Структура компании',
      task: 'Задачи',
      sonet_group: 'Группы',
      log: 'Новости',
      im: 'Чат',
      disk: 'Диск',
      calendar: 'Календарь',
      crm: 'CRM',
      timeman: 'Рабочее время',
      lists: 'Списки',
      bizproc: 'Бизнес-процессы',
      helpdesk: 'Тикеты клиентов',
      portal: 'Администрирование портала',
    },
  },
}

export default ru
