/**
 * Board identification, job ids and canonical URLs (utils/clip/url.ts) for every URL form in docs/boards.md §3.
 */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, identify } from '../../utils/clip/url';

const JOBINJA_SLUG = '%D8%A8%D8%B1%D9%86%D8%A7%D9%85%D9%87-%D9%86%D9%88%DB%8C%D8%B3'; // «برنامه-نویس»

describe('job pages: board, job id and canonical URL', () => {
  const cases: [url: string, board: string, jobId: string, canonical: string][] = [
    // Jobinja: /companies/{slug}/jobs/{code}/{persian-slug}?_ref=&_t=; the code, never the slug.
    [
      `https://jobinja.ir/companies/snapp/jobs/AInJ/${JOBINJA_SLUG}?_ref=16&_t=abc123`,
      'jobinja',
      'AInJ',
      `https://jobinja.ir/companies/snapp/jobs/AInJ/${JOBINJA_SLUG}`,
    ],
    [
      'https://jobinja.ir/companies/snapp/jobs/AInJ/استخدام-برنامه-نویس',
      'jobinja',
      'AInJ',
      `https://jobinja.ir/companies/snapp/jobs/AInJ/${encodeURI('استخدام-برنامه-نویس')}`,
    ],
    [
      'https://jobinja.ir/companies/digikala/jobs/AbC123',
      'jobinja',
      'AbC123',
      'https://jobinja.ir/companies/digikala/jobs/AbC123',
    ],
    [
      'https://jobinja.ir/companies/digikala/jobs/Atah/?_t=1#apply',
      'jobinja',
      'Atah',
      'https://jobinja.ir/companies/digikala/jobs/Atah/',
    ],
    [
      'https://www.jobinja.ir/companies/x/jobs/Q1w2/slug?utm_source=telegram&_ref=3',
      'jobinja',
      'Q1w2',
      'https://www.jobinja.ir/companies/x/jobs/Q1w2/slug',
    ],
    // Jobvision: /jobs/{id} and /jobs/{id}/{slug}; the canonical is /jobs/{id}, which redirects to the slug URL.
    ['https://jobvision.ir/jobs/823451', 'jobvision', '823451', 'https://jobvision.ir/jobs/823451'],
    [
      'https://jobvision.ir/jobs/823451/استخدام-کارشناس-فروش',
      'jobvision',
      '823451',
      'https://jobvision.ir/jobs/823451',
    ],
    [
      'https://www.jobvision.ir/jobs/823451/slug?utm_medium=email#top',
      'jobvision',
      '823451',
      'https://jobvision.ir/jobs/823451',
    ],
    ['http://JobVision.ir/jobs/7/', 'jobvision', '7', 'https://jobvision.ir/jobs/7'],
    // Quera Magnet: /magnet/jobs/{pk}.
    ['https://quera.org/magnet/jobs/k8d2m', 'quera', 'k8d2m', 'https://quera.org/magnet/jobs/k8d2m'],
    ['https://quera.org/magnet/jobs/k8d2m/?utm_source=x', 'quera', 'k8d2m', 'https://quera.org/magnet/jobs/k8d2m'],
    ['https://www.quera.org/magnet/jobs/abc123#desc', 'quera', 'abc123', 'https://quera.org/magnet/jobs/abc123'],
    // LinkedIn: /jobs/view/{id}/, /jobs/view/{slug}-{id}, ?currentJobId= on search and collections, country subdomains.
    [
      'https://www.linkedin.com/jobs/view/3912345678/',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/view/3912345678',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/view/3912345678/?refId=abc%3D%3D&trackingId=xyz&trk=flagship3_search&lipi=urn',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/view/senior-backend-engineer-at-acme-3912345678',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    // A number in the slug is not the id: the id follows the last hyphen.
    [
      'https://www.linkedin.com/jobs/view/engineer-level-2-team-1234567-at-acme-3912345678/',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/search/?currentJobId=3912345678&keywords=golang&geoId=101',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=3912345678',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/jobs/collections/top-applicant/?currentJobId=4000000001&discover=recommended',
      'linkedin',
      '4000000001',
      'https://www.linkedin.com/jobs/view/4000000001/',
    ],
    [
      'https://ir.linkedin.com/jobs/view/backend-developer-at-cafe-bazaar-3912345678',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://de.linkedin.com/jobs/view/3912345678?trk=public_jobs_topcard-title',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://linkedin.com/jobs/view/3912345678/',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
    [
      'https://www.linkedin.com/comm/jobs/view/3912345678/',
      'linkedin',
      '3912345678',
      'https://www.linkedin.com/jobs/view/3912345678/',
    ],
  ];

  it.each(cases)('%s', (url, board, jobId, canonical) => {
    expect(identify(url)).toEqual({ board, jobId, url: canonical, isJobPage: true });
    expect(canonicalUrl(url)).toBe(canonical);
    // Canonical is stable: the canonical URL identifies the same posting.
    expect(identify(canonical)).toEqual({ board, jobId, url: canonical, isJobPage: true });
  });

  it('keys Jobinja on the code: two slugs of one posting are the same job', () => {
    const a = identify(`https://jobinja.ir/companies/snapp/jobs/AInJ/${JOBINJA_SLUG}?_ref=1`)!;
    const b = identify('https://jobinja.ir/companies/snapp/jobs/AInJ/another-title?_t=9')!;
    expect([a.board, a.jobId]).toEqual([b.board, b.jobId]);
  });
});

describe('pages of a board that are not job pages', () => {
  const cases: [url: string, board: string, canonical: string][] = [
    ['https://jobinja.ir/jobs?page=2', 'jobinja', 'https://jobinja.ir/jobs?page=2'],
    [
      'https://jobinja.ir/jobs/category/it-software-web-development-jobs/استخدام-وب',
      'jobinja',
      `https://jobinja.ir/jobs/category/it-software-web-development-jobs/${encodeURI('استخدام-وب')}`,
    ],
    [
      'https://jobinja.ir/jobs?filters%5Bkeywords%5D%5B0%5D=react&_ref=5',
      'jobinja',
      'https://jobinja.ir/jobs?filters%5Bkeywords%5D%5B0%5D=react',
    ],
    ['https://jobinja.ir/companies/snapp', 'jobinja', 'https://jobinja.ir/companies/snapp'],
    ['https://jobinja.ir/companies/snapp/jobs', 'jobinja', 'https://jobinja.ir/companies/snapp/jobs'],
    ['https://jobinja.ir/companies/snapp/jobs/', 'jobinja', 'https://jobinja.ir/companies/snapp/jobs/'],
    ['https://jobinja.ir/', 'jobinja', 'https://jobinja.ir/'],
    ['https://jobvision.ir/jobs?page=2', 'jobvision', 'https://jobvision.ir/jobs?page=2'],
    ['https://jobvision.ir/jobs/keyword/react?page=3', 'jobvision', 'https://jobvision.ir/jobs/keyword/react?page=3'],
    ['https://jobvision.ir/jobs/category/developer', 'jobvision', 'https://jobvision.ir/jobs/category/developer'],
    ['https://jobvision.ir/companies/1234/snapp', 'jobvision', 'https://jobvision.ir/companies/1234/snapp'],
    ['https://quera.org/magnet/jobs?page=2', 'quera', 'https://quera.org/magnet/jobs?page=2'],
    ['https://quera.org/magnet/jobs/?search=go', 'quera', 'https://quera.org/magnet/jobs/?search=go'],
    ['https://quera.org/magnet/jobs/category/remote', 'quera', 'https://quera.org/magnet/jobs/category/remote'],
    ['https://quera.org/magnet/companies/x', 'quera', 'https://quera.org/magnet/companies/x'],
    [
      'https://www.linkedin.com/jobs/search/?keywords=golang&trk=x',
      'linkedin',
      'https://www.linkedin.com/jobs/search/?keywords=golang',
    ],
    [
      'https://www.linkedin.com/jobs/collections/recommended/',
      'linkedin',
      'https://www.linkedin.com/jobs/collections/recommended/',
    ],
    ['https://www.linkedin.com/jobs/search/?currentJobId=abc', 'linkedin', 'https://www.linkedin.com/jobs/search/'],
    ['https://www.linkedin.com/jobs/view/12345/', 'linkedin', 'https://www.linkedin.com/jobs/view/12345/'],
    ['https://www.linkedin.com/company/acme/', 'linkedin', 'https://www.linkedin.com/company/acme/'],
    ['https://www.linkedin.com/feed/', 'linkedin', 'https://www.linkedin.com/feed/'],
  ];

  it.each(cases)('%s', (url, board, canonical) => {
    expect(identify(url)).toEqual({ board, jobId: null, url: canonical, isJobPage: false });
  });
});

describe('other sites', () => {
  it('strips tracking parameters and the fragment, and nothing else', () => {
    expect(
      canonicalUrl(
        'https://careers.example.com/jobs/42?utm_source=a&utm_medium=b&utm_campaign=c&utm_term=d&utm_content=e&_ref=f&_t=g&fbclid=h&gclid=i&refId=j&trackingId=k&trk=l&msclkid=m#apply',
      ),
    ).toBe('https://careers.example.com/jobs/42');
    expect(canonicalUrl('https://careers.example.com/jobs?id=42&utm_source=x&lang=fa')).toBe(
      'https://careers.example.com/jobs?id=42&lang=fa',
    );
    expect(canonicalUrl('https://careers.example.com/jobs/42?')).toBe('https://careers.example.com/jobs/42');
    expect(canonicalUrl('https://careers.example.com/jobs/42#section')).toBe('https://careers.example.com/jobs/42');
    expect(canonicalUrl('https://CAREERS.Example.COM./jobs/42')).toBe('https://careers.example.com/jobs/42');
    expect(canonicalUrl('https://careers.example.com:443/jobs/42')).toBe('https://careers.example.com/jobs/42');
  });

  it('keeps the parameters some career sites key their postings on', () => {
    // Greenhouse embedded boards: gh_jid is the job; gh_src is tracking.
    expect(canonicalUrl('https://acme.example/careers?gh_jid=4012345&gh_src=abc')).toBe(
      'https://acme.example/careers?gh_jid=4012345',
    );
    expect(canonicalUrl('https://jobs.example.com/apply?position=backend&source=linkedin&src=x&from=list')).toBe(
      'https://jobs.example.com/apply?position=backend&source=linkedin&src=x&from=list',
    );
    expect(canonicalUrl('https://jobs.lever.co/acme/0f1e2d3c?lever-source=LinkedIn&lever-origin=applied')).toBe(
      'https://jobs.lever.co/acme/0f1e2d3c',
    );
  });

  it('knows generic pages as no board', () => {
    expect(identify('https://boards.greenhouse.io/acme/jobs/4012345?gh_src=1')).toEqual({
      board: null,
      jobId: null,
      url: 'https://boards.greenhouse.io/acme/jobs/4012345',
      isJobPage: false,
    });
  });

  it('matches board hosts exactly, not look-alikes', () => {
    for (const url of [
      'https://jobinja.ir.evil.example/companies/x/jobs/AInJ/y',
      'https://evil-jobinja.ir/companies/x/jobs/AInJ/y',
      'https://notlinkedin.com/jobs/view/3912345678/',
      'https://linkedin.com.evil.example/jobs/view/3912345678/',
      'https://quera.org.example/magnet/jobs/abc',
    ])
      expect(identify(url)?.board, url).toBeNull();
  });
});

describe('what identify() refuses', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    'file:///home/me/job.html',
    'ftp://jobinja.ir/companies/x/jobs/AInJ/y',
    'chrome://extensions/',
    'about:blank',
    'mailto:hr@example.com',
    'blob:https://jobinja.ir/1234',
    'chrome-extension://abc/popup.html',
    'not a url',
    '',
    '/companies/x/jobs/AInJ/y',
  ])('%s → null', (url) => {
    expect(identify(url)).toBeNull();
  });
});

describe('canonicalUrl in a Firefox content script', () => {
  // There clip.js sees URLSearchParams through an Xray wrapper whose iterators are not iterable, so a clip of any
  // URL with a query failed ("searchParams.keys() is not iterable"; tests/e2e/firefox.e2e.test.ts). Here the
  // iterators are taken away the same way: canonicalUrl must do without them.
  it('drops tracking parameters without iterating URLSearchParams', () => {
    const proto = URLSearchParams.prototype as unknown as Record<PropertyKey, unknown>;
    const names = [Symbol.iterator, 'keys', 'values', 'entries'] as const;
    const saved = names.map((n) => Object.getOwnPropertyDescriptor(proto, n)!);
    for (const n of names)
      Object.defineProperty(proto, n, {
        configurable: true,
        value() {
          throw new TypeError(`URLSearchParams.${String(n)} is not iterable here`);
        },
      });
    try {
      expect(canonicalUrl('https://boards.greenhouse.io/acme/jobs/4012345?gh_src=8a1b&utm_source=LinkedIn#app')).toBe(
        'https://boards.greenhouse.io/acme/jobs/4012345',
      );
      expect(canonicalUrl('https://careers.example.com/jobs/42?utm_medium=x')).toBe(
        'https://careers.example.com/jobs/42',
      );
    } finally {
      names.forEach((n, i) => {
        Object.defineProperty(proto, n, saved[i]!);
      });
    }
  });
});
