// The portal's own words, one language at a time (the elements bring theirs). Domain terms
// (roles, policy, hazard...) come from the generated vocabularies, not from here.
export type PortalLocale = 'zh-CN' | 'en';

const ZH = {
  brand: '安全生产责任保险信息平台',
  skip: '跳到主要内容',
  navLabel: '功能导航',
  menu: '菜单',
  signInTitle: '登录',
  signInIntro: '使用演示账号登录；每个账号只看到其角色和机构可见的数据。',
  email: '账号（电子邮箱）',
  password: '密码',
  signIn: '登录',
  signingIn: '正在登录…',
  signInFailed: '登录失败：{message}',
  demoLogins: '演示账号',
  demoPassword: '所有演示账号的密码均为 {password}。',
  login: '账号',
  who: '身份',
  sees: '可以做什么',
  use: '使用此账号',
  useLabel: '使用此账号：{login}',
  signOut: '退出',
  signedOut: '已退出登录。',
  scope: '辖区',
  switchTo: 'English',
  failed: '出错了：{message}',
  loading: '正在加载…',
} as const;

export type PortalWord = keyof typeof ZH;

const EN: Record<PortalWord, string> = {
  brand: 'Work-safety liability insurance platform',
  skip: 'Skip to main content',
  navLabel: 'Sections',
  menu: 'Menu',
  signInTitle: 'Sign in',
  signInIntro: 'Sign in with a demo login; each login sees only what its role and organization may see.',
  email: 'Login (e-mail)',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInFailed: 'Sign-in failed: {message}',
  demoLogins: 'Demo logins',
  demoPassword: 'Every demo login has the password {password}.',
  login: 'Login',
  who: 'Who',
  sees: 'What it does',
  use: 'Use this login',
  useLabel: 'Use this login: {login}',
  signOut: 'Sign out',
  signedOut: 'Signed out.',
  scope: 'Region',
  switchTo: '中文',
  failed: 'Something went wrong: {message}',
  loading: 'Loading…',
};

export function word(locale: PortalLocale, key: PortalWord, vars: Record<string, string> = {}): string {
  const text: string = locale === 'en' ? EN[key] : ZH[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** Text in the portal's language: `{ zh, en }` pairs of the sections and logins. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const say = (locale: PortalLocale, text: Bilingual): string => (locale === 'en' ? text.en : text.zh);

/** The language the portal starts in: ?lang=en, else the last choice, else Chinese. */
export function startLocale(): PortalLocale {
  const asked = new URLSearchParams(location.search).get('lang');
  const kept = (() => {
    try {
      return localStorage.getItem('azx-demo-lang');
    } catch {
      return null;
    }
  })();
  return (asked ?? kept ?? 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function keepLocale(locale: PortalLocale): void {
  try {
    localStorage.setItem('azx-demo-lang', locale);
  } catch {
    // a browser that keeps nothing starts in Chinese next time
  }
}
