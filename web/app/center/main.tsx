// Entry of the privacy center.
import { render } from 'preact';
import '../styles/app.css';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { CenterApp } from './center-app.tsx';

render(
  <I18nProvider titleKey="app.center">
    <CenterApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
