// Publishing a new registry version: paste YAML, see validation problems by line and column, and on lint
// errors publish only with a written reason (it goes into the audit log with the version).
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ChangeList, type Change } from './change-list.tsx';
import { LintFindings, type Finding } from './lint-findings.tsx';
import { staffApi } from './staff-session.ts';

interface Published {
  versionNo: number;
  changes: unknown[];
  findings: Finding[];
}

/** The publish screen. */
export function PublishScreen() {
  const { t } = useI18n();
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<Published | null>(null);
  // the refusal lists lint errors in English; the lint endpoint gives them in every declared language
  const [localized, setLocalized] = useState<Finding[] | null>(null);
  const lintBlocked = problem?.code === 'REGISTRY_LINT_ERRORS';

  const loadCurrent = async () => {
    const r = await call(staffApi.GET('/v1/registry/'));
    // JSON is YAML too, so the current document can be edited as it is
    if (r.data) setSource(JSON.stringify(r.data.registry, null, 2));
    else if (r.problem) setProblem(r.problem);
  };
  const publish = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setDone(null);
    const body = lintBlocked && reason.trim() ? { source, overrideReason: reason.trim() } : { source };
    const r = await call(staffApi.POST('/v1/registry/versions', { body }));
    setBusy(false);
    if (r.data) {
      setProblem(null);
      setReason('');
      setLocalized(null);
      setDone(r.data as Published);
      return;
    }
    let findings: Finding[] | null = null;
    if (r.problem?.code === 'REGISTRY_LINT_ERRORS') {
      const l = await call(staffApi.POST('/v1/registry/lint', { body: { source } }));
      findings = l.data ? l.data.findings.filter((f) => f.severity === 'error') : null;
    }
    setLocalized(findings);
    setProblem(r.problem!);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('admin.publish.title')}</h1>
      <form class="card" onSubmit={publish}>
        <div class="field">
          <div class="row" style="justify-content:space-between;align-items:center">
            <label for="registry-source">{t('admin.publish.source')}</label>
            <button type="button" class="link" onClick={loadCurrent}>{t('admin.publish.load')}</button>
          </div>
          <textarea id="registry-source" rows={18} spellcheck={false} required value={source} onInput={(e) => setSource(e.currentTarget.value)} aria-describedby={problem ? 'publish-problem' : undefined} />
        </div>
        <div id="publish-problem" aria-live="polite">
          {problem && problem.code === 'REGISTRY_VERSION_EXISTS' && <div class="alert alert-warn" role="alert"><p>{t('admin.publish.exists')}</p></div>}
          {problem && lintBlocked && (
            <div class="alert alert-error" role="alert">
              <p>{t('admin.publish.lint')}</p>
              <LintFindings findings={localized ?? (problem.errors ?? []).map((x) => ({ ruleId: x.code ?? '', severity: 'error' as const, path: x.path, message: x.message }))} />
            </div>
          )}
          {problem && !lintBlocked && problem.code !== 'REGISTRY_VERSION_EXISTS' && <ProblemAlert problem={problem} title={problem.code.startsWith('REGISTRY_') ? t('admin.publish.invalid') : undefined} />}
        </div>
        {lintBlocked && (
          <div class="field">
            <label for="override-reason">{t('admin.publish.reason')}</label>
            <input id="override-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} maxLength={2000} />
          </div>
        )}
        <button type="submit" disabled={busy}>{lintBlocked ? t('admin.publish.override') : t('admin.publish.submit')}</button>
      </form>
      {done && (
        <section class="card" aria-live="polite">
          <p class="alert alert-ok" role="status">{t('admin.publish.done', { n: done.versionNo })}</p>
          {done.findings.length > 0 && <LintFindings findings={done.findings} />}
          <h2>{t('admin.registry.changes')}</h2>
          {done.changes.length === 0 ? <p class="muted">{t('admin.registry.changesNone')}</p> : <ChangeList changes={done.changes as Change[]} />}
        </section>
      )}
    </>
  );
}
