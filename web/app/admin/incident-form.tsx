// Recording a breach: what happened, when, which categories, how many people, which laws; no personal values.
import { useState } from 'preact/hooks';
import { call, rawJson, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { label, type Labels } from '../lib/labels.ts';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffApi, staffKey } from './staff-session.ts';

const VECTORS = ['external-intrusion', 'insider', 'loss', 'misdelivery', 'other'] as const;

/** The datetime-local value for now, in the browser's zone. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Records an incident and tells the list. */
export function IncidentForm(props: { onRecorded: () => void }) {
  const { t, lang } = useI18n();
  const reg = useLoad(() => call(staffApi.GET('/v1/registry/')));
  const doc = reg.data?.registry as { categories?: { id: string; labels?: Labels }[]; organization?: { regimes?: string[]; contact?: { email?: string } } } | undefined;
  const blank = () => ({ title: '', description: '', startedAt: localNow(), discoveredAt: localNow(), vector: 'external-intrusion', affectedCount: '0', measures: '', email: '' });
  const [f, setF] = useState(blank);
  const [cats, setCats] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      id: `inc-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 6)}`,
      title: f.title, description: f.description, measures: f.measures,
      startedAt: new Date(f.startedAt).toISOString(), discoveredAt: new Date(f.discoveredAt).toISOString(),
      categories: cats, vector: f.vector, affectedCount: Number(f.affectedCount),
      regimes: doc?.organization?.regimes ?? ['pipl'],
      contact: { email: f.email || doc?.organization?.contact?.email },
    };
    const r = await rawJson('POST', '/v1/incidents', staffKey(), body);
    setProblem(r.problem ?? null);
    if (r.problem) return;
    setF(blank());
    setCats([]);
    props.onRecorded();
  };
  return (
    <form class="card" onSubmit={submit}>
      <h2 style="margin-top:0">{t('admin.incidents.record')}</h2>
      <div class="field"><label for="inc-title">{t('admin.incidents.titleField')}</label><input id="inc-title" required value={f.title} onInput={set('title')} /></div>
      <div class="field"><label for="inc-desc">{t('admin.incidents.summary')}</label><textarea id="inc-desc" rows={3} required style="font-family:inherit;font-size:1rem" value={f.description} onInput={set('description')} /></div>
      <div class="row">
        <div class="field"><label for="inc-start">{t('admin.incidents.started')}</label><input id="inc-start" type="datetime-local" required value={f.startedAt} onInput={set('startedAt')} /></div>
        <div class="field"><label for="inc-disc">{t('admin.incidents.discovered')}</label><input id="inc-disc" type="datetime-local" required value={f.discoveredAt} onInput={set('discoveredAt')} /></div>
        <div class="field"><label for="inc-vector">{t('admin.incidents.vector')}</label><select id="inc-vector" value={f.vector} onChange={set('vector')}>{VECTORS.map((v) => <option key={v} value={v}>{v}</option>)}</select></div>
        <div class="field"><label for="inc-count">{t('admin.incidents.count')}</label><input id="inc-count" type="number" min={0} required value={f.affectedCount} onInput={set('affectedCount')} /></div>
      </div>
      <fieldset class="field" style="border:1px solid var(--line);border-radius:8px;max-height:12rem;overflow:auto">
        <legend>{t('admin.incidents.categories')}</legend>
        <div class="grid" style="grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.2rem .8rem">
          {(doc?.categories ?? []).map((c) => (
            <label key={c.id} style="font-weight:400"><input type="checkbox" checked={cats.includes(c.id)} onChange={(e) => setCats(e.currentTarget.checked ? [...cats, c.id] : cats.filter((x) => x !== c.id))} /> {label(c.labels, lang, c.id)}</label>
          ))}
        </div>
      </fieldset>
      <div class="field"><label for="inc-measures">{t('admin.incidents.measures')}</label><input id="inc-measures" required value={f.measures} onInput={set('measures')} /></div>
      <div class="field"><label for="inc-email">{t('admin.incidents.contact')}</label><input id="inc-email" type="email" placeholder={doc?.organization?.contact?.email} value={f.email} onInput={set('email')} /></div>
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit" disabled={cats.length === 0}>{t('admin.incidents.record')}</button>
    </form>
  );
}
