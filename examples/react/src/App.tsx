import { useEffect, useRef, useState, type FormEvent } from 'react';
// Each import defines its element; the store is the package's PocketBase client.
import 'azx/form';
import 'azx/hazard-ledger';
import { PocketBaseStore, type FormDefinition, type Party } from 'azx/data';
// JSX typings of the AZX elements, generated from their manifest
import type {} from 'azx/react';

// The PocketBase of `npm start`, or the one named in ?pb= (the end-to-end test starts its own).
const store = new PocketBaseStore({ url: new URLSearchParams(location.search).get('pb') ?? 'http://127.0.0.1:8090' });

export function App() {
  const [party, setParty] = useState<Party | null>(store.party);
  const [definition, setDefinition] = useState<FormDefinition>();
  const [hazards, setHazards] = useState<number>();
  const [message, setMessage] = useState('');
  const enterpriseForm = useRef<HTMLFormElement>(null);

  useEffect(() => store.onPartyChange(setParty), []);
  useEffect(() => {
    if (party) void store.latestDefinition('enterprise').then(setDefinition);
  }, [party]);

  async function signIn(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    try {
      await store.signIn(String(data.get('email')), String(data.get('password')));
    } catch (err) {
      setMessage(`登录失败：${(err as Error).message}`);
    }
  }

  // React's own form: <azx-form name="enterprise"> is one of its controls, so the browser has
  // already refused the submit while the record is invalid; its value arrives as JSON.
  async function register(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = JSON.parse(String(new FormData(e.currentTarget).get('enterprise'))) as { uscc: string };
    try {
      await store.create('enterprises', { definition: definition!.key, version: definition!.version, data });
      setMessage(`已登记 ${data.uscc}`);
    } catch (err) {
      setMessage(`服务器拒绝：${(err as Error).message}`);
    }
  }

  if (!party) {
    return (
      <form id="sign-in" onSubmit={signIn}>
        <input id="email" name="email" defaultValue="regulator-zj@azx.demo" aria-label="邮箱" />
        <input id="password" name="password" type="password" defaultValue="azx-demo-2026" aria-label="密码" />
        <button type="submit">登录</button>
        <p id="message">{message}</p>
      </form>
    );
  }
  return (
    <main>
      <p id="who">{party.name}</p>
      <h2>隐患台账 <span id="hazard-count">{hazards ?? ''}</span></h2>
      <azx-hazard-ledger id="ledger" store={store} lang="zh-CN" onazx-loaded={(e) => setHazards(e.detail.total)} />
      <h2>登记生产经营单位</h2>
      <form id="enterprise-form" ref={enterpriseForm} onSubmit={register}>
        <azx-form id="enterprise" name="enterprise" required schema={definition?.schema} store={store}>
          <span slot="actions"></span>
        </azx-form>
        <button type="submit">登记</button>
      </form>
      <p id="message" role="status">{message}</p>
    </main>
  );
}
