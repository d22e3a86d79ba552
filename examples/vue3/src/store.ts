import { PocketBaseStore } from 'azx/data';

// The PocketBase of `npm start`, or the one named in ?pb= (the end-to-end test starts its own).
export const store = new PocketBaseStore({ url: new URLSearchParams(location.search).get('pb') ?? 'http://127.0.0.1:8090' });
