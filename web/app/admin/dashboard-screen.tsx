// Dashboards from the audit log's daily counts: consents over time, consent events and accesses per purpose,
// requests per type and their time to completion, plus the audit chain's status.
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { useLoad } from '../lib/use-load.ts';
import { BarChart, type Bar } from '../ui/bar-chart.tsx';
import { DayChart } from '../ui/day-chart.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { AuditVerify } from './audit-verify.tsx';
import { staffApi } from './staff-session.ts';

const DAYS = 30;

/** Every day of the window as YYYY-MM-DD (UTC, like the server's buckets). */
function daysUntil(until: string, n: number): string[] {
  const end = new Date(until);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() - (n - 1 - i))).toISOString().slice(0, 10));
}

/** Sums counts by key over rows matching `pick`, largest first. */
function totals(rows: { action: string; key: string | null; count: number }[], pick: (action: string) => boolean, name: (key: string) => string = (k) => k): Bar[] {
  const m = new Map<string, number>();
  for (const r of rows) if (pick(r.action)) m.set(r.key ?? '—', (m.get(r.key ?? '—') ?? 0) + r.count);
  return [...m].map(([k, value]) => ({ label: name(k), value })).sort((a, b) => b.value - a.value).slice(0, 12);
}

/** The dashboard screen. */
export function DashboardScreen() {
  const { t, lang } = useI18n();
  // purpose names in the reader's language, from the public notice data
  const about = useLoad(() => call(staffApi.GET('/v1/notice/purposes', { params: { query: { lang } } })), [lang]);
  const purposeName = (id: string) => about.data?.purposes.find((p) => p.id === id)?.label ?? id;
  const stats = useLoad(() => call(staffApi.GET('/v1/stats/', { params: { query: { days: DAYS } } })));
  const rows = stats.data?.rows ?? [];
  const days = stats.data ? daysUntil(stats.data.until, DAYS) : [];
  const perDay = (action: string) => Object.fromEntries(days.map((d) => [d, rows.filter((r) => r.day === d && r.action === action).reduce((n, r) => n + r.count, 0)]));
  const typeName = (k: string) => tOr(t, 'request.', k);
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.dashboard.title')}</h1>
      <p class="lead">{t('admin.dashboard.period', { days: DAYS })}</p>
      {stats.problem && <ProblemAlert problem={stats.problem} />}
      {stats.data && (
        <div class="grid">
          <section class="card">
            <DayChart title={t('admin.dashboard.consents')} days={days} empty={t('admin.dashboard.empty')} series={[
              { name: t('admin.dashboard.granted'), className: 's-granted', counts: perDay('consent.grant') },
              { name: t('admin.dashboard.withdrawn'), className: 's-withdrawn', counts: perDay('consent.withdraw') },
            ]} />
          </section>
          <section class="card"><BarChart title={t('admin.dashboard.byPurpose')} bars={totals(rows, (a) => a.startsWith('consent.'), purposeName)} empty={t('admin.dashboard.empty')} /></section>
          <section class="card"><BarChart title={t('admin.dashboard.accesses')} bars={totals(rows, (a) => a === 'data.read' || a === 'data.share' || a === 'decision', purposeName)} empty={t('admin.dashboard.empty')} /></section>
          <section class="card"><BarChart title={t('admin.dashboard.requests')} bars={totals(rows, (a) => a === 'rights.request', typeName)} empty={t('admin.dashboard.empty')} /></section>
          <section class="card"><BarChart title={t('admin.dashboard.completion')} bars={(stats.data.completions ?? []).map((c) => ({ label: typeName(c.type), value: c.medianDays }))} empty={t('admin.dashboard.empty')} /></section>
        </div>
      )}
      <AuditVerify />
    </>
  );
}
