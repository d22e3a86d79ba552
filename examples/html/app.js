/* global $, AZX */
// The PocketBase of `npm start`, or the one named in ?pb= (the end-to-end test starts its own).
const store = new AZX.PocketBaseStore({ url: new URLSearchParams(location.search).get('pb') || 'http://127.0.0.1:8090' });
// Every AZX element on the page, those already in the markup included, uses this store.
AZX.provideStore(document.body, store);
let definition;

$('#ledger').on('azx-loaded', (e) => $('#hazard-count').text(e.originalEvent.detail.total));

store.onPartyChange(async (party) => {
  $('#sign-in').prop('hidden', !!party);
  $('#portal').prop('hidden', !party);
  $('#who').text(party ? party.name : '');
  if (!party) return;
  definition = await store.latestDefinition('enterprise');
  // .prop sets the element's property: the schema is an object, not an attribute
  $('#enterprise').prop('schema', definition.schema);
});

$('#sign-in').on('submit', async (e) => {
  e.preventDefault();
  try {
    await store.signIn($('#email').val(), $('#password').val());
  } catch (err) {
    $('#message').text(`登录失败：${err.message}`);
  }
});

// The page's own form: <azx-form name="enterprise"> is one of its controls, so the browser has
// already refused the submit while the record is invalid; its value arrives as JSON.
$('#enterprise-form').on('submit', async (e) => {
  e.preventDefault();
  const data = JSON.parse(new FormData(e.target).get('enterprise'));
  try {
    await store.create('enterprises', { definition: definition.key, version: definition.version, data });
    $('#message').text(`已登记 ${data.uscc}`);
  } catch (err) {
    $('#message').text(`服务器拒绝：${err.message}`);
  }
});
