/**
 * Record → jobname markdown entry.
 *
 * The exporter first renders the record as a list of keyed blocks, in the exact shape of the repository's
 * generator (mdgen, docs/format.md §2) extended to what real entries use (any number of dated stages, several
 * rounds, follow-ups, several answers, Task, review). For a record imported from an entry, each block whose
 * rendering is unchanged since the import is replaced by the entry's own text for it (`record.source`), so an
 * unedited entry exports to the same bytes and an edited one changes only where it was edited.
 */
import { findDate } from '../date-find';
import { formatDate, formatDuration } from '../dates';
import type { AnswerLayout, ApplicationRecord, DateFormat, ExportPrefs, Question, Round, Stage } from '../record';
import { deriveStatus } from './kinds';

export { deriveStatus };
import { renderProcess } from './mermaid';
import { formatKey, layOver, type Block, type SplitSection } from './parts';
import {
  encodeProse,
  escapeHeading,
  escapeLabel,
  escapeLine,
  escapeLineStart,
  escapeTagLines,
  formatLinkUrl,
  indentLines,
  inertLinks,
  isSafeLink,
} from './text';

export interface ExportOptions {
  /** Writes every parsed date in this format instead of the record's own preference. */
  dateFormat?: DateFormat;
}

export type { Block };

/** The generator's answer box (docs/format.md §2.1), with its two spaces before `background-color`. */
const BOXED_DIV =
  '<div style="border:2px dashed #4a5568; padding:12px; border-radius:6px; margin-top:8px; ' +
  ' background-color: rgba(74,85,104,0.15);">';
const SUMMARY_OPEN = '<summary style="font-size:14px"><b><em>';
const SUMMARY_CLOSE = '</em></b></summary>';

/** The generator's score colours: ≥ 8 green, ≥ 5 orange, else red. */
export function scoreColor(score: number): string {
  return score >= 8 ? '#4caf50' : score >= 5 ? '#ff9800' : '#f44336';
}

function scoreLine(score: number): string {
  return (
    `<h4><mark style="background-color:${scoreColor(score)}; color:#ffffff; padding:4px 8px; border-radius:4px">` +
    `${score}/10</mark></h4>`
  );
}

/**
 * The value of a stage in the Interview Date list. The text as written is kept (time, notes); only the
 * date inside it is rewritten when the day or the wanted format differs.
 */
export function dateValue(stage: Pick<Stage, 'date' | 'dateText' | 'time'>, fmt: DateFormat): string {
  const text = stage.dateText;
  if (stage.date) {
    const want = formatDate(stage.date, fmt);
    const found = text ? findDate(text) : null;
    if (text && found)
      return text.slice(found.start, found.end) === want
        ? text
        : text.slice(0, found.start) + want + text.slice(found.end);
    return stage.time ? `${want} AT ${stage.time}` : want;
  }
  return text ?? 'Date not set';
}

/** Whether a stage has a line in the Interview Date list. */
function inDateList(stage: Stage): boolean {
  return stage.date !== null || stage.dateText !== null;
}

function durationText(stage: Stage): string | null {
  if (stage.duration !== null) return stage.duration;
  if (stage.durationMinutes !== null) return formatDuration(stage.durationMinutes);
  return null;
}

const GENERATOR_LAYOUT: AnswerLayout = { indent: 4, gap: false, divBlank: true, close: '' };

function renderAnswer(
  answer: string,
  label: string,
  prefs: ExportPrefs,
  layout: AnswerLayout = GENERATOR_LAYOUT,
): string {
  const ind = ' '.repeat(layout.indent);
  // Blank lines around the answer go; the first line's own indentation stays.
  const body = indentLines(escapeTagLines(answer.replace(/^(?:[ \t]*\n)+/, '').trimEnd(), true), ind);
  const div = prefs.answerStyle === 'boxed' ? BOXED_DIV : '<div>';
  const pad = layout.divBlank ? '\n\n' : '\n';
  return (
    `${ind}<details>\n` +
    `${ind}${SUMMARY_OPEN}${label || 'Answer'}${SUMMARY_CLOSE}\n` +
    `${ind}${div}${pad}${body}${pad}${ind}</div>\n` +
    `${ind}</details>${layout.close}`
  );
}

/** A `- ` question with its follow-ups, answers and notes, then the text standing after it. */
function renderQuestion(q: Question, prefs: ExportPrefs): string {
  const answers = q.answers
    .map((a, i) => ({ a, label: q.answerLabels[i] ?? 'Answer' }))
    .filter((x) => x.a.trim() !== '');
  const hasMore = answers.length > 0 || q.followUps.some((f) => f.trim());
  // Notes after answers need an answer or follow-up to stand after; otherwise they continue the text.
  const text = hasMore || !q.notes.trim() ? q.text.trim() : `${q.text.trim()}\n\n${q.notes.trim()}`;
  const lines = escapeTagLines(text || 'Question', false).split('\n');
  let out =
    '- ' +
    lines[0] +
    lines
      .slice(1)
      .map((l) => '\n' + (l ? '  ' + l : ''))
      .join('');
  for (const f of q.followUps) {
    if (!f.trim()) continue;
    out +=
      '\n\n' +
      f
        .trim()
        .split('\n')
        .map((l, i) => `  > ${i === 0 ? '**Follow-up:** ' : ''}${l}`.trimEnd())
        .join('\n');
  }
  const layout = q.layout ?? GENERATOR_LAYOUT;
  answers.forEach(({ a, label }, i) => {
    out +=
      (i === 0 && !layout.gap && !q.followUps.some((f) => f.trim()) ? '\n' : '\n\n') +
      renderAnswer(a, label, prefs, layout);
  });
  if (hasMore && q.notes.trim()) out += '\n\n' + indentLines(escapeTagLines(q.notes.trim(), false), '  ');
  out += '\n\n';
  if (q.after.trim()) out += encodeProse(q.after) + '\n\n';
  return out;
}

/** A run of `<li>` questions as the `<ul dir="rtl">` list real entries use for Persian HR questions. */
function renderListGroup(qs: Question[], prefs: ExportPrefs): string {
  let out = '<ul dir="rtl">\n';
  for (const q of qs) {
    const text = q.text.trim().replace(/<(\/?)(li|ul)\b/gi, '&lt;$1$2');
    out += `    <li>${text}</li>\n`;
    if (q.notes.trim()) out += indentLines(q.notes.trim(), '    ') + '\n';
    for (let i = 0; i < q.answers.length; i++)
      if (q.answers[i].trim())
        out += renderAnswer(q.answers[i], q.answerLabels[i], prefs, q.layout ?? undefined) + '\n';
  }
  out += '</ul>\n\n';
  const last = qs[qs.length - 1];
  if (last.after.trim()) out += encodeProse(last.after) + '\n\n';
  return out;
}

/**
 * A round's blocks. A round with nothing in it is written only where the imported entry had it (the
 * generator's empty section, kept for the round trip): one made here and never filled is not an entry's
 * section, and the repository has none.
 */
function roundBlocks(round: Round, prefs: ExportPrefs, sourceKeys: ReadonlySet<string>): Block[] {
  const empty = !round.intro.trim() && !round.questions.length && !round.outro.trim();
  const key = formatKey({ kind: 'round', id: round.id });
  if (empty && !sourceKeys.has(key)) return [];
  const blocks: Block[] = [{ key, text: `### ${escapeHeading(round.title)}\n` }];
  // The generator's empty section: its heading, then the blank lines of an empty question list.
  if (empty) blocks.push({ key: formatKey({ kind: 'empty', id: round.id }), text: '\n\n' });
  if (round.intro.trim())
    blocks.push({ key: formatKey({ kind: 'intro', id: round.id }), text: encodeProse(round.intro) + '\n\n' });
  for (let i = 0; i < round.questions.length; ) {
    const q = round.questions[i];
    if (q.style === 'li') {
      // A run of <li> questions is one list; text standing after an item ends the list there.
      let j = i + 1;
      while (j < round.questions.length && round.questions[j].style === 'li' && !round.questions[j - 1].after.trim())
        j++;
      blocks.push({
        key: formatKey({ kind: 'list', id: q.id }),
        text: renderListGroup(round.questions.slice(i, j), prefs),
      });
      i = j;
    } else {
      blocks.push({ key: formatKey({ kind: 'question', id: q.id }), text: renderQuestion(q, prefs) });
      i++;
    }
  }
  if (round.outro.trim())
    blocks.push({ key: formatKey({ kind: 'outro', id: round.id }), text: encodeProse(round.outro) + '\n\n' });
  return blocks;
}

function taskBlock(record: ApplicationRecord): Block | null {
  const task = record.task;
  if (!task) return null;
  let body = task.text.trim() ? encodeProse(task.text) : '';
  const missing = task.links.filter((l) => l.url && isSafeLink(l.url) && !task.text.includes(l.url));
  if (missing.length)
    body +=
      (body ? '\n\n' : '') +
      missing.map((l) => `- [${escapeLine(l.text || l.url)}](${formatLinkUrl(l.url)})`).join('\n');
  return { key: formatKey({ kind: 'task' }), text: `### Task\n${body}${body ? '\n\n' : '\n'}` };
}

/** The body: rounds in order, the Task section placed at its stage among them. */
function bodyBlocks(record: ApplicationRecord, prefs: ExportPrefs, sourceKeys: ReadonlySet<string>): Block[] {
  const task = taskBlock(record);
  const stageIndex = new Map(record.stages.map((s, i) => [s.id, i]));
  const taskAt = record.stages.findIndex((s) => s.kind === 'task');
  const blocks: Block[] = [];
  let taskPlaced = !task;
  for (const round of record.rounds) {
    const at = round.stageId !== null ? (stageIndex.get(round.stageId) ?? -1) : -1;
    if (!taskPlaced && taskAt >= 0 && at > taskAt) {
      blocks.push(task!);
      taskPlaced = true;
    }
    blocks.push(...roundBlocks(round, prefs, sourceKeys));
  }
  if (!taskPlaced) blocks.push(task!);
  return blocks;
}

/**
 * The heading: the company linked to its website, or the name alone when there is none (the repository never
 * has an empty `()` link).
 */
function headLine(record: ApplicationRecord): string {
  const url = safeUrl(record.company.website);
  return url
    ? `# [${escapeLine(record.company.name)}](${formatLinkUrl(url)})\n\n`
    : `# ${escapeHeading(record.company.name)}\n\n`;
}

/**
 * The record rendered as keyed blocks in the canonical (generator) layout. `sourceKeys`: the keys of the
 * imported entry's parts (the record's own source by default; the importer passes them before the record
 * has one), which decide where an empty round is kept.
 */
export function canonicalBlocks(
  record: ApplicationRecord,
  options: ExportOptions = {},
  sourceKeys: ReadonlySet<string> = new Set(record.source?.parts.map((p) => p.key)),
): Block[] {
  const prefs = record.exportPrefs;
  const fmt = options.dateFormat ?? prefs.dateFormat;
  const b: Block[] = [];
  b.push({
    key: formatKey({ kind: 'head' }),
    text: headLine(record),
  });
  // Section headings are blocks of their own, so a changed value keeps an imported entry's heading spelling.
  const section = (name: SplitSection, heading: string, body: string) =>
    b.push(
      { key: formatKey({ kind: 'heading', section: name }), text: heading + '\n' },
      { key: formatKey({ kind: 'body', section: name }), text: body },
    );
  // No step logged: no status line (the repository never has an empty one).
  const status = deriveStatus(record);
  if (status) section('status', '### Status', `#### ${status}\n\n`);
  if (record.role?.trim()) b.push({ key: formatKey({ kind: 'role' }), text: `## ${escapeHeading(record.role)}\n\n` });
  const diagram = renderProcess(record.stages, record.outcome, prefs);
  if (diagram) section('process', '### Interview Process', '```mermaid\n' + diagram + '\n```\n\n');
  const ways = record.applyWays
    .map((w) => escapeLine(w.replace(/&amp;/g, '&amp;amp;').replace(/ & /g, ' &amp; ')))
    .filter(Boolean);
  if (ways.length) section('applyWay', '### Apply Way', `${escapeLineStart(ways.join(' & '))}\n\n`);

  const dated = record.stages.filter(inDateList);
  if (dated.length) {
    b.push({ key: formatKey({ kind: 'dates' }), text: '### Interview Date\n\n' });
    for (const s of dated)
      b.push({
        key: formatKey({ kind: 'date', id: s.id }),
        text: `- **${escapeLabel(s.label)}**<br />${dateValue(s, fmt)}\n\n`,
      });
  }
  const timed = record.stages.filter((s) => durationText(s) !== null);
  const taskDuration =
    record.task?.duration && !record.stages.some((s) => s.kind === 'task' && durationText(s) !== null)
      ? record.task.duration
      : null;
  if (timed.length || taskDuration) {
    b.push({ key: formatKey({ kind: 'durations' }), text: '### Interview Duration\n' });
    for (const s of timed)
      b.push({
        key: formatKey({ kind: 'duration', id: s.id }),
        text: `- **${escapeLabel(s.durationLabel ?? s.label)}**<br />${durationText(s)}\n\n`,
      });
    if (taskDuration)
      b.push({ key: formatKey({ kind: 'taskDuration' }), text: `- **Task Deadline**<br />${taskDuration}\n\n` });
  }
  if (record.platform?.trim())
    section('platform', '### Interview Platform', `${escapeLineStart(escapeLine(record.platform))}\n\n`);
  b.push(...bodyBlocks(record, prefs, sourceKeys));
  const review = record.review.trim();
  if (record.score !== null || review)
    section('score', '## Score', `${record.score !== null ? scoreLine(record.score) : ''}${review ? '\n\n' : ''}`);
  if (review) b.push({ key: formatKey({ kind: 'review' }), text: encodeProse(review) });
  b.push({ key: formatKey({ kind: 'end' }), text: '\n' });
  return b;
}

/** A website as the heading links it: one with an unsafe scheme (javascript:, data:, …) is left out. */
function safeUrl(url: string): string {
  return isSafeLink(url) ? url : '';
}

/**
 * The jobname markdown entry for a record. Whatever a part says (an imported entry's own text, an answer
 * written in markdown), no link in the result has an unsafe scheme (`inertLinks`, docs/format.md §16.1).
 */
export function exportEntry(record: ApplicationRecord, options: ExportOptions = {}): string {
  return exportEntryBlocks(record, options).text;
}

/** What `exportEntry` writes, and the blocks it is made of, in order, each under its key. */
export interface ExportedEntry {
  text: string;
  /**
   * The blocks as written (an imported entry's own text where it is unchanged): which part of the record each
   * line of the entry comes from (`text` is their text, its links made inert, and the end tidied).
   */
  blocks: Block[];
}

/** `exportEntry` with its blocks: one export for a page that shows the entry and traces its lines back. */
export function exportEntryBlocks(record: ApplicationRecord, options: ExportOptions = {}): ExportedEntry {
  const canonical = canonicalBlocks(record, options);
  const { blocks, text } = record.source?.parts.length
    ? layOver(canonical, record.source.parts)
    : { blocks: canonical, text: canonical.map((b) => b.text).join('') };
  return { text: inertLinks(text), blocks };
}

/** The file name and folder the repository would give the entry: `src/<slug>/<slug>.md`. */
export function entryFileName(record: Pick<ApplicationRecord, 'company'>): { slug: string; path: string } {
  const slug =
    record.company.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, '-')
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') ||
    slugFromWebsite(record.company.website) ||
    'company';
  return { slug, path: `src/${slug}/${slug}.md` };
}

/**
 * Where an imported entry came from, from the name of the file it was read from: `busnet__busnet-interview.md`
 * (the `<folder>__<file>.md` names of entries kept outside the repository's tree, as ../shared/jobname has them)
 * is `busnet/busnet-interview.md`; `src/hamkaransystem/1402.md` (a path) is `hamkaransystem/1402.md`; `cpol.md`
 * stays. Characters no file system takes are dropped; null when nothing is left.
 */
export function entryFileFromName(name: string): string | null {
  const parts = name
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..');
  const src = parts.lastIndexOf('src');
  const kept = (src >= 0 && src < parts.length - 1 ? parts.slice(src + 1) : parts.slice(-1)).flatMap((p, i, all) =>
    i === all.length - 1 && all.length === 1 ? p.split('__') : [p],
  );
  const clean = kept
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .map((p) => p.replace(/[\u0000-\u001f<>:"|?*\u007f]/g, '').trim())
    .filter((p) => p && p !== '.' && p !== '..');
  return clean.length ? clean.join('/') : null;
}

/**
 * What a download of the entry is called and where it goes in a zip of entries: an imported entry under the
 * name and folder it came with (`source.file`: the zip path `busnet/busnet-interview.md`, downloaded alone
 * as `busnet__busnet-interview.md`, which imports back to the same folder), any other under the repository's
 * name for it (`cafe-bazaar/cafe-bazaar.md`, downloaded as `cafe-bazaar.md`).
 */
export function entryDownload(record: Pick<ApplicationRecord, 'company' | 'source'>): { name: string; path: string } {
  const file = record.source?.file;
  if (file) return { name: file.split('/').join('__'), path: file };
  const { slug } = entryFileName(record);
  return { name: `${slug}.md`, path: `${slug}/${slug}.md` };
}

function slugFromWebsite(url: string): string {
  const m = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/.:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/[^a-z0-9-]/g, '') : '';
}
