// The public front page: what the center is for, and the current privacy notice in the reader's language.
import { useI18n } from '../i18n/i18n-context.tsx';
import { NoticeFrame } from './notice-frame.tsx';

/** The home screen. */
export function HomeScreen() {
  const { t } = useI18n();
  return (
    <>
      <div class="hero">
        <h1 tabIndex={-1}>{t('center.hero.title')}</h1>
        <p class="lead">{t('center.hero.lead')}</p>
      </div>
      <NoticeFrame />
    </>
  );
}
