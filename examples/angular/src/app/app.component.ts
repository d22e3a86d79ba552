import { CUSTOM_ELEMENTS_SCHEMA, Component, signal, type OnDestroy } from '@angular/core';
import { FormsModule } from '@angular/forms';
// Each import defines its element.
import 'azx/form';
import 'azx/hazard-ledger';
import { PocketBaseStore, type FormDefinition, type Party } from 'azx/data';

// The PocketBase of `npm start`, or the one named in ?pb= (the end-to-end test starts its own).
const store = new PocketBaseStore({ url: new URLSearchParams(location.search).get('pb') ?? 'http://127.0.0.1:8090' });

@Component({
  selector: 'azx-example-root',
  imports: [FormsModule],
  // <azx-*> are custom elements: Angular sets [property] bindings on them and listens to (event)s.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  templateUrl: './app.component.html',
})
export class AppComponent implements OnDestroy {
  readonly store = store;
  readonly party = signal<Party | null>(store.party);
  readonly definition = signal<FormDefinition | undefined>(undefined);
  readonly hazards = signal<number | undefined>(undefined);
  readonly message = signal('');
  email = 'regulator-zj@azx.demo';
  password = 'azx-demo-2026';
  readonly #stop = store.onPartyChange((party) => {
    this.party.set(party);
    if (party) void store.latestDefinition('enterprise').then((d) => this.definition.set(d));
  });

  ngOnDestroy(): void {
    this.#stop();
  }

  async signIn(): Promise<void> {
    try {
      await store.signIn(this.email, this.password);
    } catch (err) {
      this.message.set(`登录失败：${(err as Error).message}`);
    }
  }

  onLoaded(event: Event): void {
    this.hazards.set((event as CustomEvent<{ total: number }>).detail.total);
  }

  // Angular's own form: <azx-form name="enterprise"> is one of its controls, so the browser has
  // already refused the submit while the record is invalid; its value arrives as JSON.
  async register(form: HTMLFormElement): Promise<void> {
    const data = JSON.parse(String(new FormData(form).get('enterprise'))) as { uscc: string };
    const definition = this.definition()!;
    try {
      await store.create('enterprises', { definition: definition.key, version: definition.version, data });
      this.message.set(`已登记 ${data.uscc}`);
    } catch (err) {
      this.message.set(`服务器拒绝：${(err as Error).message}`);
    }
  }
}
