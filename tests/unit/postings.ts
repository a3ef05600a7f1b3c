import type { Posting } from '../../utils/record';

/** A clipped Jobinja posting with only what every posting has; `fields` replace any part. */
export function posting(fields: Partial<Posting> = {}): Posting {
  return {
    board: 'jobinja',
    url: 'https://jobinja.ir/companies/acme/jobs/AbC1',
    jobId: 'AbC1',
    title: 'Backend Developer',
    company: { name: 'Acme', nameEn: 'Acme', website: null },
    location: null,
    employmentType: null,
    seniority: null,
    salary: null,
    skills: [],
    description: 'Build the API.',
    postedAt: null,
    clippedAt: '2025-05-01T10:00:00.000Z',
    sources: {},
    notes: [],
    ...fields,
  };
}
