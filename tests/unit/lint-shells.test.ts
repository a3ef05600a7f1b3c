/** What lint says of the empty shells the repository never has (issue 9): they name what to fill in. */
import { describe, expect, it } from 'vitest';
import { lintEntry } from '../../utils/jobname/lint';

const BODY =
  '### Interview Date\n\n- **Sent Resume**<br />1404.07.15\n\n### Interview Duration\n- **HR Interview**<br />30 minutes\n\n' +
  '### Interview Platform\nGoogle Meet\n\n';

const messages = async (md: string) => (await lintEntry(md)).map((m) => `${m.line}: ${m.message}`);

describe('lint of empty shells', () => {
  it('an empty website link: add the website', async () => {
    const said = await messages(`# [Acme]()\n\n### Status\n#### 📜\n\n### Apply Way\nJobinja\n\n${BODY}`);
    expect(said).toContain('1: the heading\'s link is empty ("()"): add the company\'s website');
  });

  it('a heading without a link reads the name, and asks for the website', async () => {
    const said = await messages(`# Acme\n\n### Status\n#### 📜\n\n${BODY}`);
    expect(said).toContain('1: the heading has no link: add the company\'s website, as "# [Company](url)"');
  });

  it('an empty status line, and no Apply Way', async () => {
    const said = await messages(`# [Acme](https://acme.example)\n\n### Status\n#### \n\n${BODY}`);
    expect(said).toContain('4: the status line is empty: log a step, or leave the Status section out');
    expect(said.some((m) => m.endsWith('no "Apply Way" section'))).toBe(true);
  });

  it('a round with no questions, named', async () => {
    const md =
      '# [Acme](https://acme.example)\n\n### Status\n#### 📜📞\n\n### Apply Way\nJobinja\n\n' +
      BODY +
      '### Technical Interview\n\n### HR Interview\n- **Why us?**\n\n## Score\n<h4><mark style="background-color:#ff9800">6/10</mark></h4>\n';
    const said = await messages(md);
    const line = md.split('\n').indexOf('### Technical Interview') + 1;
    expect(said).toContain(`${line}: the round "Technical Interview" has no questions`);
    expect(said.some((m) => m.includes('"HR Interview" has no questions'))).toBe(false);
  });
});
