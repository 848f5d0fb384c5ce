// One request in the person's list: type, status (overdue flagged), received and due dates, a link to it.
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { isOverdue, money, type RequestView } from '../lib/requests.ts';
import { linkClick } from '../lib/use-route.ts';

/** A list item. */
export function RequestRow(props: { request: RequestView }) {
  const { t, date, lang } = useI18n();
  const r = props.request;
  return (
    <li style="padding:.6rem 0;border-bottom:1px solid var(--line)">
      <a href={`/requests/${r.id}`} onClick={linkClick}><strong>{tOr(t, 'request.', r.type)}</strong></a>{' '}
      <span class={`badge ${r.status === 'completed' ? 'ok' : r.status === 'refused' || r.status === 'rejected' ? 'error' : ''}`}>{tOr(t, 'status.', r.status)}</span>
      {isOverdue(r) && <> <span class="badge overdue">{t('status.overdue')}</span></>}
      {r.fee && r.fee.amount > 0 && <> <span class="badge warning">{t('center.requests.feeBadge', { amount: money(r.fee, lang) })}</span></>}
      <div class="hint">{t('center.requests.received', { date: date(r.receivedAt) })} · {t('center.requests.due', { date: date(r.dueAt) })}</div>
    </li>
  );
}
