// The queue of data-subject requests, nearest deadline first, overdue ones highlighted.
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr, type MessageKey } from '../i18n/index.ts';
import { byDeadline, isOverdue, OPEN, requestList } from '../lib/requests.ts';
import { useLoad } from '../lib/use-load.ts';
import { linkClick } from '../lib/use-route.ts';
import { RequestWork } from './request-work.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffApi } from './staff-session.ts';

/** The request queue screen. */
export function RequestsScreen(props: { sub?: string }) {
  return props.sub ? <RequestWork id={props.sub} /> : <RequestQueue />;
}

/** Open requests, nearest deadline first. */
function RequestQueue() {
  const { t, date } = useI18n();
  const list = useLoad(() => call(staffApi.GET('/v1/requests', {})));
  const open = list.data ? requestList(list.data).filter((r) => OPEN.has(r.status)).sort(byDeadline) : [];
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.requests.title')}</h1>
      <p class="lead">{t('admin.requests.lead')}</p>
      {list.problem && <ProblemAlert problem={list.problem} />}
      {list.data && (
        <section class="card table-wrap">
          {open.length === 0 ? <p class="muted">{t('admin.requests.none')}</p> : (
            <table data-testid="request-queue">
              <thead><tr><th>{t('admin.requests.ref')}</th><th>{t('admin.requests.type')}</th><th>{t('admin.requests.status')}</th><th>{t('admin.requests.received')}</th><th>{t('admin.requests.due')}</th></tr></thead>
              <tbody>
                {open.map((r) => {
                  const late = isOverdue(r);
                  return (
                    <tr key={r.id} class={late ? 'overdue' : undefined}>
                      <td><a href={`/admin/requests/${r.id}`} onClick={linkClick}><code>{r.id}</code></a></td>
                      <td>{tOr(t, 'request.', r.type)}</td>
                      <td>{t(`status.${r.status}` as MessageKey)}{late && <> <span class="badge overdue">{t('status.overdue')}</span></>}</td>
                      <td>{date(r.receivedAt)}</td>
                      <td><strong>{date(r.dueAt)}</strong></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
