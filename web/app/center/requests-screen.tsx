// The person's requests: make a new one, follow status and deadline, open one by reference, download an export.
import { useI18n } from '../i18n/i18n-context.tsx';
import { call } from '../api/client.ts';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';
import { RequestDetail } from './request-detail.tsx';
import { RequestForm } from './request-form.tsx';
import { RequestLookup } from './request-lookup.tsx';
import { RequestRow } from './request-row.tsx';

/** The "my requests" screen; `sub` is a request id when one is open. */
export function RequestsScreen(props: { sub: string }) {
  const { t, lang } = useI18n();
  const list = useLoad(() => call(personApi.GET('/v1/me/requests')), [props.sub]);
  const me = useLoad(() => call(personApi.GET('/v1/me')));
  const about = useLoad(() => call(personApi.GET('/v1/notice/purposes', { params: { query: { lang } } })), [lang]);
  // GDPR 21(1): uses resting on legitimate interests or a public task can be objected to; each applies to some roles
  const role = me.data?.subject.role;
  const categories = (me.data?.categories ?? []).map((c) => ({ ...c, label: about.data?.categories.find((x) => x.id === c.category)?.label ?? c.label }));
  const objectable = (about.data?.purposes ?? []).filter((p) => ['legitimate-interests', 'public-task'].includes(p.legalBasis) && (!p.roles || !role || p.roles.includes(role)));
  if (props.sub) return <RequestDetail id={props.sub} />;
  return (
    <>
      <h1 tabIndex={-1}>{t('center.requests.title')}</h1>
      <div class="grid">
        <section class="card" aria-labelledby="new-h">
          <h2 id="new-h" style="margin-top:0">{t('center.requests.new')}</h2>
          <RequestForm categories={categories} objectable={objectable} onFiled={list.reload} />
        </section>
        <section class="card" aria-labelledby="list-h">
          <h2 id="list-h" style="margin-top:0">{t('center.requests.list')}</h2>
          {list.problem && <ProblemAlert problem={list.problem} />}
          {list.data && (list.data.requests.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <ul style="list-style:none;padding:0;margin:0" data-testid="my-requests">
              {list.data.requests.map((r) => <RequestRow key={r.id} request={r} />)}
            </ul>
          ))}
          <RequestLookup />
        </section>
      </div>
    </>
  );
}
