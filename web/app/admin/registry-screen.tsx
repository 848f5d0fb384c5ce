// The current registry: version, lint findings, the classified changes of its publication, and all versions.
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { label, type Labels } from '../lib/labels.ts';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ChangeList, type Change } from './change-list.tsx';
import { LintFindings } from './lint-findings.tsx';
import { staffApi } from './staff-session.ts';

/** The registry screen. */
export function RegistryScreen() {
  const { t, lang, date } = useI18n();
  const current = useLoad(() => call(staffApi.GET('/v1/registry/')));
  const lint = useLoad(() => call(staffApi.GET('/v1/registry/lint')));
  const versions = useLoad(() => call(staffApi.GET('/v1/registry/versions')));
  const v = current.data;
  const reg = v?.registry as { organization?: { names?: Labels }; purposes?: unknown[]; categories?: unknown[]; recipients?: unknown[] } | undefined;
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.registry.title')}</h1>
      {current.problem && <ProblemAlert problem={current.problem} />}
      {current.loading && !v && <p class="muted">{t('common.loading')}</p>}
      {v && (
        <section class="card" aria-labelledby="reg-version">
          <h2 id="reg-version" style="margin-top:0">{label(reg?.organization?.names, lang)} · {t('admin.registry.version', { n: v.versionNo })} <span class="muted">({v.label})</span></h2>
          <p class="muted">{t('admin.registry.publishedBy', { date: date(v.publishedAt, true), who: v.publishedBy })}</p>
          <p>{t('admin.registry.summary', { purposes: reg?.purposes?.length ?? 0, categories: reg?.categories?.length ?? 0, recipients: reg?.recipients?.length ?? 0 })}</p>
          {v.overrideReason && <div class="alert alert-warn"><p>{t('admin.registry.override', { reason: v.overrideReason })}</p></div>}
        </section>
      )}
      <section class="card" aria-labelledby="reg-lint">
        <h2 id="reg-lint" style="margin-top:0">{t('admin.registry.lint')}</h2>
        {lint.problem && <ProblemAlert problem={lint.problem} />}
        {lint.data && <LintFindings findings={lint.data.findings} />}
      </section>
      {v && (
        <section class="card" aria-labelledby="reg-changes">
          <h2 id="reg-changes" style="margin-top:0">{t('admin.registry.changes')}</h2>
          {v.changes.length === 0 ? <p class="muted">{t('admin.registry.changesNone')}</p> : <ChangeList changes={v.changes as Change[]} />}
        </section>
      )}
      <section class="card" aria-labelledby="reg-versions">
        <h2 id="reg-versions" style="margin-top:0">{t('admin.registry.versions')}</h2>
        {versions.problem && <ProblemAlert problem={versions.problem} />}
        {versions.data && (
          <div class="table-wrap">
            <table>
              <thead><tr><th>#</th><th>{t('admin.keys.name')}</th><th>{t('admin.audit.time')}</th><th>{t('admin.audit.actor')}</th></tr></thead>
              <tbody>
                {versions.data.versions.map((x) => (
                  <tr key={x.versionNo}><td>{x.versionNo}</td><td>{x.label}{x.overrideReason && <> <span class="badge warning">override</span></>}</td><td>{date(x.publishedAt, true)}</td><td><code>{x.publishedBy}</code></td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
