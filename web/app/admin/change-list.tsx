// The classified changes of a publication: what changed, whether it is material, and which consents it affects.
import { useI18n } from '../i18n/i18n-context.tsx';

/** A classified registry change as the publication stores it. */
export interface Change {
  path: string;
  op: 'added' | 'removed' | 'changed';
  material: boolean;
  code: string;
  reason: string;
  affects?: { purposes: string[]; recipients: string[] };
}

/** Material changes first. */
export function ChangeList(props: { changes: Change[] }) {
  const { t } = useI18n();
  const sorted = [...props.changes].sort((a, b) => Number(b.material) - Number(a.material));
  return (
    <ul style="list-style:none;padding:0;margin:0">
      {sorted.map((c, i) => {
        const affected = [...(c.affects?.purposes ?? []), ...(c.affects?.recipients ?? [])];
        return (
          <li key={i} style="padding:.45rem 0;border-bottom:1px solid var(--line)">
            <span class={`badge ${c.material ? 'warning' : 'info'}`}>{c.material ? t('admin.registry.material') : t('admin.registry.minor')}</span>{' '}
            <code class="rule">{c.code}</code> <span class="muted">{c.op}</span>
            <div>{c.reason}</div>
            <div class="path muted">{c.path}</div>
            {affected.length > 0 && <div>{t('admin.registry.affects', { list: affected.join(', ') })}</div>}
          </li>
        );
      })}
    </ul>
  );
}
