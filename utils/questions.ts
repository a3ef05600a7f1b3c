/**
 * Sections of questions and adding pasted questions to them (the Questions tab, loaded when opened).
 */
import { newQuestion, newRound, nextId, type ApplicationRecord } from './record';

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
