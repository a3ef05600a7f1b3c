/**
 * Sections of questions and their questions: adding pasted ones (the popup's Questions tab, loaded when opened),
 * and the application page's edits (add, move between and within sections, remove).
 */
import { moveItem } from './reorder';
import { newQuestion, newRound, nextId, type ApplicationRecord, type Round } from './record';

/** The section pasted questions go to: the given one, else the last, else a new "Technical Interview". */
export function ensureRound(r: ApplicationRecord, roundId: string | null): string {
  if (roundId && r.rounds.some((x) => x.id === roundId)) return roundId;
  const last = r.rounds[r.rounds.length - 1];
  if (last) return last.id;
  const id = nextId(r, 'r');
  const tech = r.stages.find((s) => s.kind === 'technical');
  r.rounds.push(newRound(id, tech?.label ?? 'Technical Interview', { stageId: tech?.id ?? null }));
  return id;
}

/** A new section for questions, tied to a step when one is given; returns its id. */
export function addRound(r: ApplicationRecord, title: string, stageId: string | null = null): string {
  const id = nextId(r, 'r');
  r.rounds.push(newRound(id, title.trim() || 'Technical Interview', { stageId }));
  return id;
}

/** Adds questions (already filtered for duplicates) with their answers to a section. */
export function addQuestions(
  r: ApplicationRecord,
  roundId: string | null,
  items: readonly { text: string; answer: string }[],
): string {
  const id = ensureRound(r, roundId);
  const round = r.rounds.find((x) => x.id === id)!;
  for (const item of items) {
    const answer = item.answer.trim();
    round.questions.push(
      newQuestion(nextId(r, 'q'), item.text.trim(), answer ? { answers: [answer], answerLabels: ['Answer'] } : {}),
    );
  }
  return id;
}

/** Moves a section of questions to position `to` among the sections. */
export function moveRound(r: ApplicationRecord, roundId: string, to: number) {
  moveItem(r.rounds, roundId, to);
}

/** Removes a section with its questions. */
export function removeRound(r: ApplicationRecord, roundId: string) {
  r.rounds = r.rounds.filter((x) => x.id !== roundId);
}

/** Where a question is: its section and its position there. */
export function findQuestion(r: ApplicationRecord, questionId: string): { round: Round; index: number } | null {
  for (const round of r.rounds) {
    const index = round.questions.findIndex((q) => q.id === questionId);
    if (index >= 0) return { round, index };
  }
  return null;
}

/** Adds an empty question to a section (a new "Technical Interview" one when there is none); returns its id. */
export function addQuestion(r: ApplicationRecord, roundId: string | null): string {
  const round = r.rounds.find((x) => x.id === ensureRound(r, roundId))!;
  const id = nextId(r, 'q');
  round.questions.push(newQuestion(id, ''));
  return id;
}

/** Moves a question (with what stands after it) to position `to` of a section, its own or another, clamped. */
export function moveQuestion(r: ApplicationRecord, questionId: string, toRoundId: string, to: number) {
  const from = findQuestion(r, questionId);
  const target = r.rounds.find((x) => x.id === toRoundId);
  if (!from || !target) return;
  const [q] = from.round.questions.splice(from.index, 1);
  target.questions.splice(Math.max(0, Math.min(target.questions.length, to)), 0, q);
}

/**
 * Moves a question one place up or down (`delta` -1 or 1); past the first or last of its section it goes to the
 * end of the section before or the start of the one after, as a drag there would.
 */
export function stepQuestion(r: ApplicationRecord, questionId: string, delta: -1 | 1) {
  const from = findQuestion(r, questionId);
  if (!from) return;
  const to = from.index + delta;
  if (to >= 0 && to < from.round.questions.length) return moveQuestion(r, questionId, from.round.id, to);
  const next = r.rounds[r.rounds.indexOf(from.round) + delta];
  if (next) moveQuestion(r, questionId, next.id, delta < 0 ? next.questions.length : 0);
}

export function removeQuestion(r: ApplicationRecord, questionId: string) {
  const at = findQuestion(r, questionId);
  if (at) at.round.questions.splice(at.index, 1);
}
