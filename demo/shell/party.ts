// The header's line about who is signed in: name, role, organization and, for a regulator, the
// region it oversees, by name. Names of people and organizations are proper names in Chinese,
// marked as such so that an English page reads them as Chinese.
import { ROLE, referenceOf, termLabel, type Party, type Store } from '../../components/data/index.js';
import { word, type PortalLocale } from './words.js';

function proper(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.lang = 'zh-CN';
  span.textContent = text;
  return span;
}

export async function partyLine(store: Store, party: Party, locale: PortalLocale): Promise<Node[]> {
  const lang = locale === 'en' ? 'en' : 'zh';
  const out: Node[] = [proper(party.name), document.createTextNode(` · ${termLabel(ROLE, party.role, lang)}`)];
  // a user named after its organization shows the name once
  if (party.organizationName && party.organizationName !== party.name) {
    out.push(document.createTextNode(' · '), proper(party.organizationName));
  }
  if (party.regionScope) {
    const names = referenceOf(store);
    await names.load([party.regionScope]);
    const region = names.regionName(party.regionScope, locale);
    out.push(document.createTextNode(` · ${word(locale, 'scope')} `), locale === 'en' && /[\u4e00-\u9fff]/.test(region) ? proper(region) : document.createTextNode(region));
  }
  return out;
}
