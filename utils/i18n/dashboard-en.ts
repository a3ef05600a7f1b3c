/**
 * The English words only the dashboard shows: its own and those of the record views it shows (components/summary.tsx,
 * PostingView.tsx). Loaded by it beside en.ts, never by the popup.
 */

export const messages = {
  dashboardTitle: 'Jobnote — Dashboard',
  appsOne: '{n} application',
  appsMany: '{n} applications',
  backup: 'Backup',
  backupHint:
    'A backup is a JSON file with all your applications. ' +
    'Import also reads jobname entries (.md files, one application each). ' +
    'Importing adds them, replacing any with the same id; nothing is written unless every file is valid.',
  importLabel: 'Import backup (.json) or jobname entries (.md)',
  exportBackup: 'Export backup',
  importTooLarge: '{name} is too large to import.',
  importUnreadable: 'Nothing was imported: {names} cannot be read as Jobnote data.',
  imported: 'Imported {apps}',
  importFailed: 'Nothing was imported from {names}.',
  exported: 'Exported {apps}',
  exportFailed: 'Export failed.',
  deleted: 'Deleted {name}',
  theApplication: 'the application',
  deleteFailed: 'Delete failed.',
  applications: 'Applications',
  loadFailed: 'Could not read your applications.',
  noApplicationsYet: 'No applications yet',
  lastStage: 'Last stage',
  actions: 'Actions',
  unnamedCompany: 'Unnamed company',
  posting: 'Posting',
  confirmDelete: 'Confirm deleting {name}',
  deleteQuestion: 'Delete {name}?',
  yesDelete: 'Yes, delete',
  downloadEntry: 'Download the jobname entry of {name}',
  entryMd: 'Entry .md',
  deleteName: 'Delete {name}',
  // A record's summary and its posting (components/summary.tsx, PostingView.tsx).
  noStages: 'No stages yet',
  scoreOf: 'Score {score} out of 10',
  statusOf: 'Status: {outcome}',
  postingTitle: 'Title',
  postingBoard: 'Board',
  postingWebsite: 'Website',
  postingLocation: 'Location',
  postingType: 'Type',
  postingSeniority: 'Seniority',
  postingSalary: 'Salary',
  postingSkills: 'Skills',
  postingPosted: 'Posted',
  postingClipped: 'Clipped',
  postingDescription: 'Description',
  sourceFrom: 'From {source}',
  listSeparator: ', ',
  sourceJsonLd: 'JSON-LD',
  sourceState: 'page state',
  sourceDom: 'page',
  sourceReadability: 'Readability',
  delete: 'Delete',
  errQuota:
    'The browser’s storage for Jobnote is full (QuotaExceededError), so nothing was stored. ' +
    'Free some space (delete applications you no longer need, or other sites’ data) and try again.',
  errAbort: 'The browser stopped the write before it finished (AbortError), so nothing was stored. Try again.',
  errUnknown: 'The browser refused it ({name}) without saying why.',
  damagedHeading: 'Damaged records',
  damagedHint:
    'These stored records cannot be read, so they are not listed above. They are kept as they are, ' +
    'and backups include them. Repair one by editing its JSON, or delete it.',
  damagedWhy: 'Why: {reason}',
  damagedJson: 'Stored JSON of {id}',
  repair: 'Repair',
  saveRepair: 'Save',
  repairNotJson: 'Not saved: this is not valid JSON ({error}).',
  repairInvalid: 'Not saved: the record is still not valid.',
  repairId: 'Not saved: the id must stay {id}.',
  repaired: 'Repaired {name}',
  importedDamaged: 'Damaged records kept as they were (see Damaged records): {n}',
  importKeptReadable: 'Not restored as damaged, a readable record is stored with its id: {id}',
  exportedDamaged: 'Damaged records included as they are stored: {n}',
};

export type DashboardKey = keyof typeof messages;
