// Bundles web/banner into one minified IIFE with its CSS, once per process, and computes its SRI hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The built banner script and what identifies it. */
export interface BannerBundle {
  code: string;
  sri: string;
  etag: string;
}

const DIR = fileURLToPath(new URL('../../web/banner/', import.meta.url));
let cached: Promise<BannerBundle> | undefined;

/** Builds the banner script from its sources (deterministic: the same sources give the same bytes and SRI). */
export async function buildBanner(): Promise<BannerBundle> {
  // esbuild is loaded only when the banner is first asked for, so servers that never serve it start faster
  const { build, transform } = await import('esbuild');
  const css = (await transform(await readFile(`${DIR}banner.css`, 'utf8'), { loader: 'css', minify: true })).code.trim();
  const out = await build({
    entryPoints: [`${DIR}banner.ts`],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { __CUSTODIA_CSS__: JSON.stringify(css) },
  });
  const code = out.outputFiles[0].text;
  const digest = createHash('sha384').update(code).digest('base64');
  return { code, sri: `sha384-${digest}`, etag: `"${digest.slice(0, 32)}"` };
}

/** The banner built on first use and cached; a failed build is retried on the next call. */
export function bannerBundle(): Promise<BannerBundle> {
  cached ??= buildBanner().catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
