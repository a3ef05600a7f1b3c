/**
 * The jobname repository's generator (`src/mdgen.html` `generateMarkdown`, whose output docs/format.md §2.1
 * describes), ported line for line as a test oracle: given the same form values, our exporter must write the
 * same bytes. Its long templates are split into concatenated pieces, nothing else.
 */
export interface MdgenForm {
  companyName: string;
  companySite: string;
  jobTitle: string;
  statusValues: string; // concatenated checked emojis
  applyWays: string[];
  interviewProcess: string; // the mermaid textarea
  sentResume: string;
  hrCall: string;
  technicalInterview: string;
  rejectionEmail: string;
  offerEmail: string;
  hours: number;
  minutes: number;
  interviewPlatform: string;
  score: string;
  qaItems: { q: string; a: string; hasAnswer: boolean }[];
}

function formatDuration(hours: number | string, minutes: number | string): string {
  const h = parseInt(String(hours), 10) || 0;
  const m = parseInt(String(minutes), 10) || 0;
  if (h === 0 && m === 0) return 'Duration not specified';
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h !== 1 ? 's' : ''}`);
  if (m > 0) parts.push(`${m} minute${m !== 1 ? 's' : ''}`);
  return parts.join(' & ');
}

function parseDateFromString(s: string): Date | null {
  if (!s) return null;
  s = String(s).trim();
  const sep = s.includes('-') ? '-' : s.includes('/') ? '/' : null;
  if (sep) {
    const parts = s.split(sep).map((p) => p.replace(/^0+/, '') || '0');
    if (parts.length >= 3) {
      const y = parseInt(parts[0], 10);
      const m = parseInt(parts[1], 10);
      const d = parseInt(parts[2], 10);
      if (!Number.isNaN(y) && !Number.isNaN(m) && !Number.isNaN(d)) return new Date(y, m - 1, d);
    }
  }
  const dd = new Date(s);
  return Number.isNaN(dd.getTime()) ? null : dd;
}

function formatDate(dateString: string): string {
  if (!dateString) return 'Date not set';
  const parsed = parseDateFromString(dateString);
  if (!parsed) return 'Date not set';
  const month = String(parsed.getMonth() + 1).padStart(2, '0');
  const day = String(parsed.getDate()).padStart(2, '0');
  return `${parsed.getFullYear()}/${month}/${day}`;
}

export function generateMarkdown(f: MdgenForm): string {
  const {
    companyName,
    companySite,
    jobTitle,
    statusValues,
    interviewProcess,
    sentResume,
    hrCall,
    technicalInterview,
    rejectionEmail,
    offerEmail,
  } = f;
  const applyWayValues = f.applyWays.join(' & ');
  const duration = formatDuration(f.hours, f.minutes);
  let emailLine = '';
  if (rejectionEmail) emailLine = `- **Rejection Email**<br />${formatDate(rejectionEmail)}`;
  else if (offerEmail) emailLine = `- **Offer Email**<br />${formatDate(offerEmail)}`;
  else emailLine = `- **Response Email**<br />Date not set`;
  const scoreNum = parseFloat(f.score) || 0;
  let scoreColor = '#4caf50';
  if (scoreNum >= 8) scoreColor = '#4caf50';
  else if (scoreNum >= 5) scoreColor = '#ff9800';
  else scoreColor = '#f44336';
  const scoreHtml =
    `<mark style="background-color:${scoreColor}; color:#ffffff; padding:4px 8px; border-radius:4px">` +
    `${scoreNum}/10</mark>`;
  const qaMarkdown = f.qaItems
    .map((item) => {
      const q = (item.q || '').trim() || 'Question';
      const a = (item.a || '').trim() || '';
      if (!item.hasAnswer || !a) {
        return `- ${q}`;
      } else {
        return `- ${q}
    <details>
    <summary style="font-size:14px"><b><em>Answer</em></b></summary>
    <div style="border:2px dashed #4a5568; padding:12px; border-radius:6px; margin-top:8px;  background-color: rgba(74,85,104,0.15);">

    ${a}

    </div>
    </details>`;
      }
    })
    .join('\n\n');
  return (
    `# [${companyName}](${companySite})\n\n` +
    `### Status\n#### ${statusValues}\n\n` +
    `## ${jobTitle}\n\n` +
    `### Interview Process\n\`\`\`mermaid\n${interviewProcess}\n\`\`\`\n\n` +
    `### Apply Way\n${applyWayValues}\n\n` +
    `### Interview Date\n\n` +
    `- **Sent Resume**<br />${formatDate(sentResume)}\n\n` +
    `- **HR Call**<br />${formatDate(hrCall)}\n\n` +
    `- **Technical Interview**<br />${formatDate(technicalInterview)}\n\n` +
    `${emailLine}\n\n` +
    `### Interview Duration\n- **Technical Interview**<br />${duration}\n\n` +
    `### Interview Platform\n${interviewPlatform(f)}\n\n` +
    `### Technical Interview\n${qaMarkdown}\n\n` +
    `## Score\n<h4>${scoreHtml}</h4>`
  );
}

function interviewPlatform(f: MdgenForm): string {
  return f.interviewPlatform;
}
