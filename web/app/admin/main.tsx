// Entry of the admin console.
import { render } from 'preact';
import '../styles/app.css';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { AdminApp } from './admin-app.tsx';

render(
  <I18nProvider titleKey="app.admin">
    <AdminApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
