// The privacy center shell: header with language switcher, navigation, and the screen for the current path.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { linkClick, useRoute } from '../lib/use-route.ts';
import { Brand } from '../ui/brand.tsx';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { ChoicesScreen } from './choices-screen.tsx';
import { DataScreen } from './data-screen.tsx';
import { HomeScreen } from './home-screen.tsx';
import { endSession, onSessionChange, personToken } from './person-session.ts';
import { RequestsScreen } from './requests-screen.tsx';
import { SignInScreen } from './sign-in-screen.tsx';

const PRIVATE: { path: string; label: MessageKey; view: (p: { sub: string }) => preact.JSX.Element }[] = [
  { path: 'data', label: 'center.nav.data', view: DataScreen },
  { path: 'choices', label: 'center.nav.choices', view: ChoicesScreen },
  { path: 'requests', label: 'center.nav.requests', view: RequestsScreen },
];

/** The whole privacy center. */
export function CenterApp() {
  const { t } = useI18n();
  const path = useRoute('');
  const [signedIn, setSignedIn] = useState(() => personToken() !== null);
  useEffect(() => onSessionChange(() => setSignedIn(personToken() !== null)), []);
  const [head, ...rest] = path.split('/');
  const priv = PRIVATE.find((p) => p.path === head);
  let body;
  if (priv) body = signedIn ? <priv.view sub={rest.join('/')} /> : <SignInScreen next={`/${path}`} reason={t('center.signIn.needed')} />;
  else if (head === 'sign-in') body = <SignInScreen next="/data" />;
  else body = <HomeScreen />;
  return (
    <>
      <a class="skip" href="#main">{t('common.skip')}</a>
      <header class="topbar">
        <div class="topbar-inner">
          <Brand href="/" label={t('app.center')} />
          <LanguageSwitcher />
          {signedIn ? <button class="secondary" type="button" onClick={endSession}>{t('common.signOut')}</button> : <a class="button" href="/sign-in" onClick={linkClick}>{t('center.nav.signIn')}</a>}
        </div>
        <nav class="nav" aria-label={t('common.mainNav')}>
          <a href="/" aria-current={head === '' ? 'page' : undefined} onClick={linkClick}>{t('center.nav.notice')}</a>
          {PRIVATE.map((p) => (
            <a key={p.path} href={`/${p.path}`} aria-current={p === priv ? 'page' : undefined} onClick={linkClick}>{t(p.label)}</a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{body}</main>
    </>
  );
}
