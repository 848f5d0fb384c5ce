// The Custodia consent banner: one script tag on a site; it asks, records the choice and unblocks trackers after opt-in.
declare const __CUSTODIA_CSS__: string;

type Cls = 'necessary' | 'functional' | 'analytics' | 'advertising';
type ChoiceMap = Record<Cls, boolean>;
interface Tracker { id: string; label: string; recipient: string | null; cookies: string[] }
interface ClassView { id: Cls; name: string; description: string; required: boolean; trackers: Tracker[] }
interface Texts { title: string; body: string; acceptAll: string; rejectAll: string; customise: string; save: string; back: string; alwaysOn: string; gpc: string; includes: string; policy: string }
interface Config { registryVersion: number; language: string; organization: string; texts: Texts; classes: ClassView[] }
interface Stored { visitorId?: string; choices: Partial<ChoiceMap>; gpc: boolean; registryVersion: number; language?: string; at: string; receipt?: string; pending?: boolean }

const KEY = 'custodia_banner';
const me = document.currentScript as HTMLScriptElement | null;
const base = (me?.dataset.custodia || (me ? new URL(me.src, location.href).origin : location.origin)).replace(/\/+$/, '');
const langAttr = me?.dataset.lang;
const policyUrl = me?.dataset.policy;
const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
const activated = new Set<string>();
let stored = read();
let config: Promise<Config> | undefined;
let host: HTMLElement | undefined;
let returnFocus: Element | null = null;

function read(): Stored | undefined {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    // storage can be disabled; the cookie still carries the choice
  }
  raw ||= decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith(`${KEY}=`))?.slice(KEY.length + 1) ?? '');
  try {
    const s = raw ? (JSON.parse(raw) as Stored) : undefined;
    return s && s.choices ? s : undefined;
  } catch {
    return undefined;
  }
}

function write(s: Stored): void {
  stored = s;
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // the cookie below is enough
  }
  const { receipt: _r, ...small } = s;
  document.cookie = `${KEY}=${encodeURIComponent(JSON.stringify(small))}; path=/; max-age=15552000; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
}

function loadConfig(): Promise<Config> {
  const lang = !langAttr || langAttr === 'auto' ? (navigator.languages?.length ? navigator.languages : [navigator.language]).join(',') : langAttr;
  config ??= fetch(`${base}/v1/banner/config?lang=${encodeURIComponent(lang)}`, { credentials: 'omit' }).then((r) => {
    if (!r.ok) throw new Error(`config ${r.status}`);
    return r.json() as Promise<Config>;
  });
  return config;
}

/** Turns blocked tags of allowed classes into real scripts. */
function activate(c: Partial<ChoiceMap>): void {
  document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-custodia-class]').forEach((old) => {
    const cls = old.getAttribute('data-custodia-class') as Cls;
    if (!c[cls]) return;
    const s = document.createElement('script');
    for (const a of Array.from(old.attributes)) if (a.name !== 'type' && a.name !== 'data-src') s.setAttribute(a.name, a.value);
    const src = old.getAttribute('data-src');
    if (src) s.src = src;
    else s.text = old.text;
    activated.add(cls);
    old.replaceWith(s);
  });
}

function dropCookies(patterns: string[]): void {
  const res = patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  const parts = location.hostname.split('.');
  for (const c of document.cookie.split('; ')) {
    const name = c.split('=')[0];
    if (!res.some((r) => r.test(name))) continue;
    for (let i = 0; i < parts.length; i++) document.cookie = `${name}=; path=/; max-age=0; domain=${parts.slice(i).join('.')}`;
    document.cookie = `${name}=; path=/; max-age=0`;
  }
}

function post(s: Stored): Promise<void> {
  return fetch(`${base}/v1/banner/choices`, {
    method: 'POST',
    credentials: 'omit',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitorId: s.visitorId, choices: s.choices, gpc, registryVersion: s.registryVersion, language: s.language }),
  })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    // keep only the classes the visitor was shown, so a class added later is asked about
    .then((v: { visitorId: string; receipt: string; choices: ChoiceMap }) => write({ ...s, visitorId: v.visitorId, receipt: v.receipt, choices: pick(v.choices, s.choices), pending: false }))
    .catch(() => undefined);
}

function pick(from: ChoiceMap, keys: Partial<ChoiceMap>): Partial<ChoiceMap> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, from[k as Cls] === true]));
}

async function decide(c: Partial<ChoiceMap>): Promise<void> {
  const cfg = await loadConfig();
  const choices: Partial<ChoiceMap> = {};
  for (const k of cfg.classes) choices[k.id] = k.required || (c[k.id] === true && !(k.id === 'advertising' && gpc));
  const revoked = [...activated].filter((k) => !choices[k as Cls]);
  const s: Stored = { visitorId: stored?.visitorId, choices, gpc, registryVersion: cfg.registryVersion, at: new Date().toISOString(), pending: true, language: cfg.language };
  write(s);
  const sent = post(s);
  close();
  document.dispatchEvent(new CustomEvent('custodia:choice', { detail: choices }));
  if (revoked.length > 0) {
    dropCookies(cfg.classes.filter((k) => revoked.includes(k.id)).flatMap((k) => k.trackers.flatMap((t) => t.cookies)));
    // a script that already ran cannot be unloaded; a reload is the only honest way to stop it
    await sent;
    location.reload();
  } else activate(choices);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function button(text: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls }, text);
  b.addEventListener('click', onClick);
  return b;
}

function render(cfg: Config, view: 'main' | 'custom'): void {
  const t = cfg.texts;
  const root = host!.shadowRoot!;
  const all = (v: boolean) => Object.fromEntries(cfg.classes.map((k) => [k.id, v])) as ChoiceMap;
  const current: ChoiceMap = { necessary: true, functional: false, analytics: false, advertising: false, ...(stored?.choices ?? {}) };
  const dialog = el('div', { class: 'd', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'c-t', 'aria-describedby': 'c-b', tabindex: '-1', lang: cfg.language });
  dialog.append(el('h2', { id: 'c-t' }, t.title), el('p', { id: 'c-b' }, t.body));
  if (gpc) dialog.append(el('p', { class: 'g', role: 'note' }, t.gpc));
  if (view === 'custom') {
    const list = el('ul', { class: 'l' });
    for (const k of cfg.classes) {
      const locked = k.required || (k.id === 'advertising' && gpc);
      const on = k.required || (!locked && current[k.id]);
      const sw = el('button', { type: 'button', role: 'switch', class: 's', 'aria-checked': String(on), 'aria-labelledby': `n-${k.id}`, 'aria-describedby': `x-${k.id}`, 'data-class': k.id });
      if (locked) sw.setAttribute('aria-disabled', 'true');
      else sw.addEventListener('click', () => sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true')));
      const names = k.trackers.map((x) => (!x.recipient ? x.label : x.recipient.includes(x.label) ? x.recipient : `${x.label} (${x.recipient})`));
      list.append(
        el('li', {},
          el('div', { class: 'h' }, el('span', { id: `n-${k.id}`, class: 'n' }, k.name), k.required ? el('span', { class: 'a' }, t.alwaysOn) : '', sw),
          el('p', { id: `x-${k.id}` }, k.description, names.length ? el('br') : '', names.length ? `${t.includes}${names.join(', ')}` : '')),
      );
    }
    const save = () => {
      const c = all(false);
      list.querySelectorAll('[role=switch]').forEach((s) => (c[s.getAttribute('data-class') as Cls] = s.getAttribute('aria-checked') === 'true'));
      void decide(c);
    };
    dialog.append(list, el('div', { class: 'r' }, button(t.rejectAll, 'p', () => void decide(all(false))), button(t.acceptAll, 'p', () => void decide(all(true)))),
      el('div', { class: 'r' }, button(t.save, 'p', save), button(t.back, 'k', () => render(cfg, 'main'))));
  } else {
    dialog.append(el('div', { class: 'r' }, button(t.rejectAll, 'p', () => void decide(all(false))), button(t.acceptAll, 'p', () => void decide(all(true)))),
      el('div', { class: 'r' }, button(t.customise, 'k', () => render(cfg, 'custom'))));
  }
  if (policyUrl) dialog.append(el('p', { class: 'f' }, el('a', { href: policyUrl, target: '_blank', rel: 'noopener' }, t.policy)));
  root.querySelector('.d')?.remove();
  root.append(dialog);
  (view === 'custom' ? (dialog.querySelector('[role=switch]:not([aria-disabled])') as HTMLElement | null) ?? dialog : dialog).focus();
}

function focusables(): HTMLElement[] {
  return Array.from(host?.shadowRoot?.querySelectorAll<HTMLElement>('button, a[href]') ?? []);
}

function onKey(e: KeyboardEvent): void {
  const root = host!.shadowRoot!;
  if (e.key === 'Escape') {
    if (root.querySelector('.l')) void loadConfig().then((c) => render(c, 'main'));
    else if (stored) close();
    return;
  }
  if (e.key !== 'Tab') return;
  // keep focus inside the modal dialog until a choice is made
  const f = focusables();
  const i = f.indexOf(root.activeElement as HTMLElement);
  if (e.shiftKey && i <= 0) {
    e.preventDefault();
    f[f.length - 1]?.focus();
  } else if (!e.shiftKey && i === f.length - 1) {
    e.preventDefault();
    f[0]?.focus();
  }
}

async function open(view: 'main' | 'custom' = 'main'): Promise<void> {
  const cfg = await loadConfig();
  if (!host) {
    host = el('div', { id: 'custodia-banner' });
    const root = host.attachShadow({ mode: 'open' });
    root.append(el('style', {}, __CUSTODIA_CSS__), el('div', { class: 'o' }));
    root.addEventListener('keydown', (e) => onKey(e as KeyboardEvent));
    returnFocus = document.activeElement;
    document.body.append(host);
  }
  render(cfg, view);
}

function close(): void {
  host?.remove();
  host = undefined;
  if (returnFocus instanceof HTMLElement) returnFocus.focus();
  returnFocus = null;
}

function start(): void {
  // GPC switched on after an earlier yes: the signal wins
  if (stored && gpc && stored.choices.advertising) void decide({ ...stored.choices, advertising: false });
  else if (stored) {
    activate(stored.choices);
    if (stored.pending) void post(stored);
  }
  new MutationObserver(() => stored && activate(stored.choices)).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('[data-custodia-open]')) {
      e.preventDefault();
      void open();
    }
  });
  loadConfig()
    .then((cfg) => {
      if (!stored || cfg.classes.some((k) => !(k.id in stored!.choices))) void open();
    })
    .catch(() => undefined);
}

const w = window as unknown as { Custodia?: Record<string, unknown> };
w.Custodia = w.Custodia || {};
w.Custodia.banner = {
  /** Re-opens the banner so the visitor can change their choice. */
  open: (view?: 'main' | 'custom') => open(view),
  /** The current choice, or null before the visitor made one. */
  choice: () => (stored ? { visitorId: stored.visitorId ?? null, choices: { necessary: true, functional: false, analytics: false, advertising: false, ...stored.choices }, gpc: stored.gpc, registryVersion: stored.registryVersion, at: stored.at } : null),
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
