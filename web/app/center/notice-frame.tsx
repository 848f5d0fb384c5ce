// The privacy notice as the server renders it, in a frame sized to its content (same origin, no scripts).
import { useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The current notice in the current language. */
export function NoticeFrame() {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLIFrameElement>(null);
  const src = `/v1/notice?lang=${encodeURIComponent(lang)}&format=html`;
  // the notice is a full, accessible page of its own; growing the frame to its height avoids a scroll inside a scroll
  const fit = () => {
    const doc = ref.current?.contentDocument;
    if (doc && ref.current) ref.current.style.height = `${doc.documentElement.scrollHeight + 4}px`;
  };
  return (
    <section aria-labelledby="notice-h">
      <h2 id="notice-h" class="row" style="justify-content:space-between;align-items:baseline">
        <span>{t('center.notice.frame')}</span>
        <a href={src} target="_blank" rel="noopener" style="font-size:.9rem;font-weight:400">{t('center.notice.open')}</a>
      </h2>
      <iframe ref={ref} class="notice-frame" title={t('center.notice.frame')} src={src} sandbox="allow-same-origin allow-popups" onLoad={fit} />
    </section>
  );
}
