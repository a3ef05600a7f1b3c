/**
 * An application's details, edited in place (the popup's Details tab and the dashboard's application page):
 * company, the posting's English name offered for the heading, website (stored only when the validator takes
 * it), role, interview platform and the apply ways. Field ids (`record-company-name`, `record-website`,
 * `record-role`, `record-platform`, `apply-way-text`) are those the preview's lint messages focus.
 */
import { useEffect, useState } from 'react';
import { BOARD_IDS, BOARDS } from '@/utils/boards';
import type { Translator } from '@/utils/i18n';
import type { EditRecord } from './useEditSession';
import type { ApplicationRecord } from '@/utils/record';
import { linkUrlProblem } from '@/utils/record-validate';
/**
 * The clipped posting's English name of the company, when it has one besides another name: repository entries
 * head with the English name, so it is offered for the heading (null when there is nothing to offer).
 */
export function englishName(record: ApplicationRecord): string | null {
  const en = record.posting?.company.nameEn?.trim();
  return en && en !== record.company.name.trim() ? en : null;
}

/** One line of text in the user's direction (`dir="auto"`: Persian or English as typed). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  testId?: string;
  placeholder?: string;
  /** A `<datalist>` of suggestions. */
  list?: string;
  onChange(v: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        dir="auto"
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * A link (the company's website, a task link). Only a link the validator takes is stored (http, https or no
 * scheme: a `javascript:` address never is); another text stays in the field, said to be refused, until it is
 * corrected.
 */
export function LinkField({
  id,
  label,
  value,
  tr,
  testId,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  tr: Translator;
  testId: string;
  onChange(v: string): void;
}) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  // Another page's edit shows here, unless this field is being typed in.
  useEffect(() => {
    if (!focused) setText(value);
  }, [value, focused]);
  const problem = linkUrlProblem(text.trim());
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="url"
        dir="ltr"
        inputMode="url"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        data-testid={testId}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          if (!linkUrlProblem(e.target.value.trim())) onChange(e.target.value.trim());
        }}
      />
      {problem ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {tr.t('websiteRefused')}
        </p>
      ) : null}
    </div>
  );
}

/** Quick choices of apply way, beside free text: the boards' names and the ways entries often name. */
const QUICK_WAYS = [...new Set([...BOARD_IDS.map((b) => BOARDS[b].applyWay), 'LinkedIn', 'Referral', 'Email'])];

/** How the user applied (several ways, in order): each removable, quick choices, free text with Enter. */
export function ApplyWays({ ways, tr, onChange }: { ways: string[]; tr: Translator; onChange(ways: string[]): void }) {
  const [text, setText] = useState('');
  const has = (w: string) => ways.some((x) => x.toLowerCase() === w.toLowerCase());
  const add = (w: string) => {
    const way = w.trim();
    if (way && !has(way)) onChange([...ways, way]);
  };
  return (
    <fieldset className="field plain">
      <legend>{tr.t('applyWays')}</legend>
      {ways.length ? (
        <ul className="ways" data-testid="apply-ways">
          {ways.map((w) => (
            <li key={w} className="way">
              <bdi data-testid="apply-way">{w}</bdi>
              <button
                type="button"
                className="way-remove"
                aria-label={tr.t('applyWayRemove', { way: w })}
                onClick={() => onChange(ways.filter((x) => x !== w))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {QUICK_WAYS.filter((w) => !has(w)).map((w) => (
          <button key={w} type="button" className="btn btn-small" data-testid="apply-way-quick" onClick={() => add(w)}>
            + {w}
          </button>
        ))}
      </div>
      <input
        id="apply-way-text"
        dir="auto"
        value={text}
        aria-label={tr.t('applyWayAdd')}
        placeholder={tr.t('applyWayAdd')}
        data-testid="apply-way-text"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) {
            e.preventDefault();
            add(text);
            setText('');
          }
        }}
      />
    </fieldset>
  );
}

/** The details' fields, each edit saved as it happens through the page's edit session. */
export function RecordDetails({ record, edit, tr }: { record: ApplicationRecord; edit: EditRecord; tr: Translator }) {
  const english = englishName(record);
  return (
    <>
      <TextField
        id="record-company-name"
        label={tr.t('company')}
        value={record.company.name}
        testId="edit-company"
        onChange={(v) =>
          edit((d) => {
            d.company.name = v;
          })
        }
      />
      {english ? (
        <p className="field-hint">
          <button
            type="button"
            className="btn btn-small"
            data-testid="use-english-name"
            onClick={() =>
              edit((d) => {
                d.company.name = english;
              })
            }
          >
            {tr.t('useEnglishName', { name: english })}
          </button>
        </p>
      ) : null}
      <LinkField
        id="record-website"
        label={tr.t('website')}
        value={record.company.website}
        tr={tr}
        testId="edit-website"
        onChange={(v) =>
          edit((d) => {
            d.company.website = v;
          })
        }
      />
      <TextField
        id="record-role"
        label={tr.t('role')}
        value={record.role ?? ''}
        testId="edit-role"
        onChange={(v) =>
          edit((d) => {
            d.role = v || null;
          })
        }
      />
      <TextField
        id="record-platform"
        label={tr.t('platform')}
        value={record.platform ?? ''}
        testId="edit-platform"
        onChange={(v) =>
          edit((d) => {
            d.platform = v || null;
          })
        }
      />
      <ApplyWays
        ways={record.applyWays}
        tr={tr}
        onChange={(ways) =>
          edit((d) => {
            d.applyWays = ways;
          })
        }
      />
    </>
  );
}
