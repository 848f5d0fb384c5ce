// Breach incidents: listed when the lifecycle API offers them; until then the screen says so.
import { rawJson } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffKey } from './staff-session.ts';

interface Incident {
  id: string;
  summary?: string;
  title?: string;
  status?: string;
  discoveredAt?: string;
}

/** The incidents screen. */
export function IncidentsScreen() {
  const { t, date } = useI18n();
  const list = useLoad(() => rawJson<{ incidents?: Incident[] } | Incident[]>('GET', '/v1/incidents', staffKey()));
  const incidents = Array.isArray(list.data) ? list.data : (list.data?.incidents ?? []);
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.incidents.title')}</h1>
      <p class="lead">{t('admin.incidents.lead')}</p>
      {list.problem && <ProblemAlert problem={list.problem} />}
      {list.data && (
        <section class="card">
          {incidents.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <ul>
              {incidents.map((i) => <li key={i.id}><code>{i.id}</code> {i.summary ?? i.title} {i.status && <span class="badge">{i.status}</span>} {i.discoveredAt && date(i.discoveredAt, true)}</li>)}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
