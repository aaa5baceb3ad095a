// Calls the service's REST API with the signed-in key. The key is kept in sessionStorage (gone when the tab
// closes), sent as the X-Api-Key header, never put in a URL.
import {lang} from './i18n.js';

const KEY = 'jipan.apiKey';

export function key() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(STORE);
}

// A dealer group: the store the console shows (none: every store the key sees), kept for the tab like the key.
const STORE = 'jipan.store';

export function store() {
  return sessionStorage.getItem(STORE) || '';
}

export function chooseStore(code) {
  if (code) sessionStorage.setItem(STORE, code); else sessionStorage.removeItem(STORE);
}

/** The reads whose data is a store's: with a store chosen, they ask for that store's data only. */
const BY_STORE = /^\/(reports\/|call-lists(\?|$|\/tier-migration)|classification-runs(\?|$)|customers(\?|$)|imports(\?|$)|nightly(\?|$))/;

/** {@code path} with the chosen store as its {@code store} parameter, where the path reads a store's data. */
export function withStore(path) {
  const code = store();
  if (!code || !BY_STORE.test(path) || /[?&]store=/.test(path)) return path;
  return path + (path.includes('?') ? '&' : '?') + 'store=' + encodeURIComponent(code);
}

/** An error answer of the service: RFC 9457 problem (status, detail, errors [{path, message}]). */
export class Problem extends Error {
  constructor(status, body) {
    super(body && body.detail ? body.detail : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

export async function call(method, path, body) {
  // reasons, tasks, rule names and errors come in the console's language
  const headers = {Accept: 'application/json', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN'};
  if (key()) headers['X-Api-Key'] = key();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v1' + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Problem(response.status, json);
  return json;
}

export const get = path => call('GET', withStore(path));

/** A text answer (e.g. the DRL a decision table generates). */
export async function text(path) {
  const headers = {Accept: 'text/plain', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN'};
  if (key()) headers['X-Api-Key'] = key();
  const response = await fetch('/api/v1' + path, {headers});
  if (!response.ok) throw new Problem(response.status, await response.json().catch(() => null));
  return response.text();
}
export const post = (path, body) => call('POST', path, body);

/** A query string of the parameters that have a value. */
export function query(parameters) {
  return Object.entries(parameters).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
}

/**
 * Downloads what {@code path} (under /api/v1) answers, with the key in its header, as a file named as the
 * answer's Content-Disposition says (else {@code fallbackName}).
 */
export async function download(path, fallbackName) {
  const headers = {'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN'};
  if (key()) headers['X-Api-Key'] = key();
  const response = await fetch('/api/v1' + withStore(path), {headers});
  if (!response.ok) throw new Problem(response.status, await response.json());
  const name = (response.headers.get('Content-Disposition') || '').replace(/^.*filename="([^"]+)".*$/, '$1');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
}
