import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../registry/index.ts';
import { example } from './lifecycle.testing.ts';
import { renderPia, renderRopa } from './report.render.ts';
import { REPORT_MESSAGES } from './report/messages/report.messages.ts';

describe('report rendering', () => {
  it.each(LANGUAGES)('the ropa of 000 in %s is one accessible page with the PIPL 56 keeping note', (lang) => {
    const html = renderRopa(example('000-broker.live'), { lang });
    expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
    expect(html).toContain(`<h1>${REPORT_MESSAGES[lang].ropaTitle}</h1>`);
    expect(html).toContain(REPORT_MESSAGES[lang].keepNote);
    expect(html).toContain('<a class="skip" href="#main">');
    expect(html).toContain('@media print');
    expect(html).not.toContain('undefined');
    expect(html).not.toContain(REPORT_MESSAGES[lang].sections.issues);
  });

  it('lists missing items when the registry lacks them, and escapes registry text', () => {
    const reg = example('000-broker.live');
    reg.purposes[0].roles = undefined;
    reg.purposes[0].labels.en = 'Accounts <script>';
    const html = renderRopa(reg);
    expect(html).toContain(REPORT_MESSAGES.en.sections.issues);
    expect(html).toContain(REPORT_MESSAGES.en.issue.roles(''));
    expect(html).toContain('Accounts &lt;script&gt;');
  });

  it('JSON is the language-neutral record', () => {
    const ropa = JSON.parse(renderRopa(example('001-cybozu-shanghai.live'), { format: 'json' }));
    expect(ropa.keepYears).toBe(3);
    expect(ropa.activities.find((a: { id: string }) => a.id === 'parent-company-sharing').transfers[0].mechanism.type).toBe('standard-contract');
  });

  it.each(LANGUAGES)('the pia of 003 face-login in %s has the three PIPL 56 sections and the on-file status', (lang) => {
    const m = REPORT_MESSAGES[lang];
    const html = renderPia(example('003-online-shop.live'), ['face-login'], { lang });
    for (const s of [m.sections.lawfulness, m.sections.impact, m.sections.adequacy]) expect(html).toContain(s);
    expect(html).toContain('PIA-003-2026-06');
    expect(html).toContain(m.keepNote);
    expect(html).toContain(m.triggers.sensitive);
    expect(html).not.toContain('undefined');
  });

  it('without purposes, reports every purpose that needs an assessment; JSON of one purpose is one object', () => {
    const html = renderPia(example('001-cybozu-shanghai.live'));
    expect(html).toContain(REPORT_MESSAGES.en.sections.needs);
    expect(html).toContain('PIA-2026-01');
    expect(html).toContain('PIA-2026-02');
    expect(JSON.parse(renderPia(example('001-cybozu-shanghai.live'), ['web-analytics'], { format: 'json' })).purpose.id).toBe('web-analytics');
    expect(JSON.parse(renderPia(example('004-kr-marketplace.live'), undefined, { format: 'json' }))).toEqual([]);
  });
});
