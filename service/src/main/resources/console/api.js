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

export const get = path => call('GET', path);

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
  const response = await fetch('/api/v1' + path, {headers});
  if (!response.ok) throw new Problem(response.status, await response.json());
  const name = (response.headers.get('Content-Disposition') || '').replace(/^.*filename="([^"]+)".*$/, '$1');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
}
