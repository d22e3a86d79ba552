// The sign-in page: a form, and the demo logins it accepts with what each may do. "Use this
// login" fills the form and moves the focus to the sign-in button. A refusal is shown in the
// form's alert and the focus goes back to the e-mail field.
import { DEMO_LOGINS, DEMO_PASSWORD } from './logins.js';
import { say, word, type PortalLocale } from './words.js';

export interface SignInActions {
  signIn(email: string, password: string): Promise<void>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function renderSignIn(host: HTMLElement, locale: PortalLocale, actions: SignInActions): void {
  const w = (key: Parameters<typeof word>[1], vars?: Record<string, string>) => word(locale, key, vars);
  const heading = el('h1', { id: 'sign-in-title', tabIndex: -1 }, w('signInTitle'));
  const email = el('input', { id: 'sign-in-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = el('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { id: 'sign-in-error', className: 'form-error' });
  error.setAttribute('role', 'alert');
  const submit = el('button', { type: 'submit', id: 'sign-in-submit', className: 'primary' }, w('signIn'));
  const form = el('form', { id: 'sign-in', className: 'sign-in', noValidate: true },
    el('p', { className: 'field' }, el('label', { htmlFor: 'sign-in-email' }, w('email')), email),
    el('p', { className: 'field' }, el('label', { htmlFor: 'sign-in-password' }, w('password')), password),
    error,
    el('p', {}, submit),
  );
  form.setAttribute('aria-labelledby', 'sign-in-title');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    email.removeAttribute('aria-invalid');
    submit.textContent = w('signingIn');
    // the button stays enabled and focusable while it works: disabling it would drop the focus
    submit.setAttribute('aria-disabled', 'true');
    try {
      await actions.signIn(email.value.trim(), password.value);
    } catch (err) {
      submit.textContent = w('signIn');
      submit.removeAttribute('aria-disabled');
      error.textContent = w('signInFailed', { message: (err as Error).message });
      email.setAttribute('aria-invalid', 'true');
      email.setAttribute('aria-describedby', error.id);
      email.focus();
    }
  });

  const rows = DEMO_LOGINS.map((login) => {
    const use = el('button', { type: 'button', className: 'quiet' }, w('use'));
    use.setAttribute('aria-label', w('useLabel', { login: login.email }));
    use.addEventListener('click', () => {
      email.value = login.email;
      password.value = DEMO_PASSWORD;
      submit.focus();
    });
    return el('tr', {}, el('td', {}, el('code', {}, login.email)), el('td', {}, say(locale, login.who)), el('td', {}, say(locale, login.does)), el('td', {}, use));
  });
  const table = el('table', { className: 'logins' },
    el('caption', {}, w('demoLogins')),
    el('thead', {}, el('tr', {}, ...[w('login'), w('who'), w('sees'), ''].map((h) => {
      const th = el('th', { scope: 'col' }, h);
      if (!h) th.append(el('span', { className: 'visually-hidden' }, w('use')));
      return th;
    }))),
    el('tbody', {}, ...rows),
  );
  host.replaceChildren(
    el('section', { className: 'page sign-in-page' },
      heading,
      el('p', { className: 'intro' }, w('signInIntro')),
      form,
      el('div', { className: 'table-scroll', tabIndex: 0 }, table),
      el('p', { className: 'hint' }, ...passwordLine(locale)),
    ),
  );
  host.querySelector('.table-scroll')?.setAttribute('aria-label', w('demoLogins'));
  host.querySelector('.table-scroll')?.setAttribute('role', 'region');
}

/** "The password is azx-demo-2026": the password as code, typed as written in either language. */
function passwordLine(locale: PortalLocale): (Node | string)[] {
  const [before, after] = word(locale, 'demoPassword', { password: '\u0000' }).split('\u0000');
  return [before ?? '', el('code', {}, DEMO_PASSWORD), after ?? ''];
}
