// The form that creates an API key for a role (and a department or purposes where the role needs them).
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffApi } from './staff-session.ts';

const ROLES = ['admin', 'privacy-officer', 'agent', 'auditor', 'service'] as const;
type Role = (typeof ROLES)[number];

/** Creates a key and hands the one-time secret up. */
export function KeyCreateForm(props: { onCreated: (issued: { id: string; key: string }) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [department, setDepartment] = useState('');
  const [purposes, setPurposes] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      name: name.trim(),
      role,
      ...(department.trim() ? { department: department.trim() } : {}),
      purposes: purposes.split(',').map((p) => p.trim()).filter(Boolean),
    };
    const r = await call(staffApi.POST('/v1/keys/', { body }));
    setProblem(r.problem ?? null);
    if (r.data) {
      setName('');
      setPurposes('');
      setDepartment('');
      props.onCreated(r.data);
    }
  };
  return (
    <form onSubmit={submit}>
      <h2 style="margin-top:0">{t('admin.keys.create')}</h2>
      <div class="row">
        <div class="field"><label for="key-name">{t('admin.keys.name')}</label><input id="key-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field">
          <label for="key-role">{t('admin.keys.role')}</label>
          <select id="key-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </div>
        {role === 'agent' && <div class="field"><label for="key-dept">{t('admin.keys.department')}</label><input id="key-dept" value={department} onInput={(e) => setDepartment(e.currentTarget.value)} /></div>}
        {role === 'service' && <div class="field"><label for="key-purposes">{t('admin.keys.purposes')}</label><input id="key-purposes" required value={purposes} onInput={(e) => setPurposes(e.currentTarget.value)} /></div>}
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit">{t('admin.keys.create')}</button>
    </form>
  );
}
