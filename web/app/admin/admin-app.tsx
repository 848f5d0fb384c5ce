// The admin console shell: sign-in gate, header, navigation and the screen for the current path.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { linkClick, useRoute } from '../lib/use-route.ts';
import { Brand } from '../ui/brand.tsx';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { AuditScreen } from './audit-screen.tsx';
import { DashboardScreen } from './dashboard-screen.tsx';
import { IncidentsScreen } from './incidents-screen.tsx';
import { KeysScreen } from './keys-screen.tsx';
import { PublishScreen } from './publish-screen.tsx';
import { RegistryScreen } from './registry-screen.tsx';
import { RequestsScreen } from './requests-screen.tsx';
import { SignInScreen } from './sign-in-screen.tsx';
import { onSignOut, signOut, staffKey } from './staff-session.ts';

const SCREENS: { path: string; label: MessageKey; view: (p: { sub: string }) => preact.JSX.Element }[] = [
  { path: '', label: 'admin.nav.dashboard', view: DashboardScreen },
  { path: 'registry', label: 'admin.nav.registry', view: RegistryScreen },
  { path: 'publish', label: 'admin.nav.publish', view: PublishScreen },
  { path: 'requests', label: 'admin.nav.requests', view: RequestsScreen },
  { path: 'audit', label: 'admin.nav.audit', view: AuditScreen },
  { path: 'keys', label: 'admin.nav.keys', view: KeysScreen },
  { path: 'incidents', label: 'admin.nav.incidents', view: IncidentsScreen },
];

/** The whole admin console. */
export function AdminApp() {
  const { t } = useI18n();
  const path = useRoute('/admin');
  const [signedIn, setSignedIn] = useState(() => staffKey() !== null);
  useEffect(() => onSignOut(() => setSignedIn(false)), []);
  const [head, ...rest] = path.split('/');
  const screen = SCREENS.find((s) => s.path === head) ?? SCREENS[0];
  const View = screen.view;
  return (
    <>
      <a class="skip" href="#main">{t('common.skip')}</a>
      <header class="topbar">
        <div class="topbar-inner">
          <Brand href="/admin" label={t('app.admin')} />
          <LanguageSwitcher />
          {signedIn && <button class="secondary" type="button" onClick={signOut}>{t('common.signOut')}</button>}
        </div>
        {signedIn && (
          <nav class="nav" aria-label={t('common.mainNav')}>
            {SCREENS.map((s) => (
              <a key={s.path} href={`/admin${s.path ? `/${s.path}` : ''}`} aria-current={s === screen ? 'page' : undefined} onClick={linkClick}>{t(s.label)}</a>
            ))}
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>{signedIn ? <View sub={rest.join('/')} /> : <SignInScreen onSignedIn={() => setSignedIn(true)} />}</main>
    </>
  );
}
