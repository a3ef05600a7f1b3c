/**
 * The benchmark's baseline clipper: what a generic clipper does, plain Readability on a copy of the page
 * and turndown with its defaults, and nothing else. `scripts/bench.ts` bundles it (esbuild, IIFE) into a
 * copy of the built extension in place of `clip.js`, so it is injected, checked and stored by exactly the
 * same code (`clipTab` in the background) as Jobnote's own clipper: only the extractor differs.
 *
 * Like `entrypoints/clip.ts`, the script's value is a promise of a ClipResponse, and a second injection into
 * the same page reuses the first one's function.
 */
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import type { ClipResponse } from '../../utils/clip/messages';

async function clip(): Promise<ClipResponse> {
  const started = performance.now();
  try {
    const article = new Readability(document.cloneNode(true) as Document).parse();
    const description = article?.content ? new TurndownService().turndown(article.content) : null;
    return {
      ok: true,
      ms: Math.round(performance.now() - started),
      posting: {
        board: 'readability',
        url: location.href,
        jobId: null,
        title: article?.title || document.title || null,
        company: { name: article?.siteName ?? null, nameEn: null, website: null },
        location: null,
        employmentType: null,
        seniority: null,
        salary: null,
        skills: [],
        description,
        postedAt: null,
        clippedAt: new Date().toISOString(),
        sources: { title: 'readability', description: 'readability' },
        notes: [],
      },
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const g = globalThis as { __jobnoteClip?: () => Promise<ClipResponse> };
g.__jobnoteClip ??= clip;
export default g.__jobnoteClip();
