/**
 * The one indentation measure (tab stops of 4) and the one code-fence tracker, and the readers that share
 * them agreeing on a tab and on where a fence ends.
 */
import { describe, expect, it } from 'vitest';
import { FenceTracker, closesFence, dedentColumns, fenceOpening, indentWidth } from '../../utils/fence';
import { importEntry } from '../../utils/jobname/import';
import { decodeProse, encodeProse, escapeTagLines, splitBlocks } from '../../utils/jobname/text';
import { splitQuestions } from '../../utils/paste';

describe('indentation', () => {
  it('counts a tab to the next multiple of 4', () => {
    expect(indentWidth('x')).toBe(0);
    expect(indentWidth('  x')).toBe(2);
    expect(indentWidth('\tx')).toBe(4);
    expect(indentWidth(' \tx')).toBe(4);
    expect(indentWidth('   \tx')).toBe(4);
    expect(indentWidth('    \tx')).toBe(8);
    expect(indentWidth('\t  \tx')).toBe(8);
    expect(indentWidth('   ')).toBe(3);
  });

  it('dedents by columns; a tab that reaches past the limit goes whole', () => {
    expect(dedentColumns('      x', 4)).toBe('  x');
    expect(dedentColumns('\t\tx', 4)).toBe('\tx');
    expect(dedentColumns(' \tx', 4)).toBe('x');
    expect(dedentColumns(' \tx', 2)).toBe('x');
    expect(dedentColumns('  x', 4)).toBe('x');
  });
});

describe('fences', () => {
  it('open with 3 or more backticks or tildes; a backtick info string has no backtick', () => {
    expect(fenceOpening('```js')).toEqual({ run: '```', indent: 0, info: 'js' });
    expect(fenceOpening('    ~~~~ mermaid ')).toEqual({ run: '~~~~', indent: 4, info: 'mermaid' });
    expect(fenceOpening('\t```')).toEqual({ run: '```', indent: 4, info: '' });
    expect(fenceOpening('``js')).toBeNull();
    expect(fenceOpening('```a`b')).toBeNull();
    expect(fenceOpening('~~~a`b')?.info).toBe('a`b');
    expect(fenceOpening('text ```')).toBeNull();
  });

  it('close with the same character, at least as long, nothing after, at most 3 columns deeper', () => {
    const top = fenceOpening('```')!;
    expect(closesFence('```', top)).toBe(true);
    expect(closesFence('`````  ', top)).toBe(true);
    expect(closesFence('   ```', top)).toBe(true);
    expect(closesFence('    ```', top)).toBe(false);
    expect(closesFence('~~~', top)).toBe(false);
    expect(closesFence('``', top)).toBe(false);
    expect(closesFence('``` js', top)).toBe(false);
    const long = fenceOpening('~~~~')!;
    expect(closesFence('~~~', long)).toBe(false);
    expect(closesFence('~~~~~', long)).toBe(true);
    const nested = fenceOpening('    ```go')!;
    expect(closesFence('    ```', nested)).toBe(true);
    expect(closesFence('\t   ```', nested)).toBe(true);
    expect(closesFence('        ```', nested)).toBe(false);
  });

  it('the tracker marks the opening, the body and the closing line', () => {
    const t = new FenceTracker();
    const marks = ['a', '```', 'b', '        ```', '```', 'c', '~~~', 'd'].map((l) => t.step(l));
    expect(marks).toEqual([false, true, true, true, true, false, true, true]);
    expect(t.fence?.run).toBe('~~~');
  });
});

describe('the readers agree', () => {
  const code = ['```html', '<details>', '', '      ```', '</details>', '```'];

  it('the exporter does not escape a tag line in code, however deep a fence-like line inside it is', () => {
    expect(escapeTagLines(code.join('\n'), false)).toBe(code.join('\n'));
    expect(splitBlocks(code.join('\n'))).toEqual([code.join('\n')]);
  });

  it('the prose codec leaves a fenced block as it is and wraps a Persian paragraph whose backticks open no fence', () => {
    const fenced = '```\nسلام\n```';
    expect(encodeProse(fenced)).toBe(fenced);
    const paragraph = '```a`b سلام';
    expect(encodeProse(paragraph)).toBe(`<p dir="rtl">\n${paragraph}\n</p>`);
    expect(decodeProse(encodeProse(paragraph))).toBe(paragraph);
  });

  it('the paste splitter keeps the same code block whole (it joins the question: no answer has started)', () => {
    const pasted = ['- What does this print?', '', ...code.map((l) => (l ? `  ${l}` : l))].join('\n');
    expect(splitQuestions(pasted)).toEqual([{ text: `What does this print?\n\n${code.join('\n')}`, answer: '' }]);
  });

  it('the importer reads a tab-indented answer with the same measure', () => {
    const entry = [
      '# [Acme](https://acme.example)',
      '',
      '### Technical Interview',
      '- What is a closure?',
      '\t<details>',
      '\t<summary><b><em>Answer</em></b></summary>',
      '\t<div>',
      '',
      '\tA function with its scope.',
      '\t  Indented two more.',
      '',
      '\t</div>',
      '\t</details>',
      '',
    ].join('\n');
    const q = importEntry(entry).record.rounds[0].questions[0];
    expect(q.answers).toEqual(['A function with its scope.\n  Indented two more.']);
    expect(q.layout?.indent).toBe(4);
  });
});
