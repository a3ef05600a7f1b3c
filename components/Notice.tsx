/** A success or error notice, announced to screen readers. Messages are plain text. */
export function Notice({
  kind,
  title,
  items = [],
  testId,
}: {
  kind: 'ok' | 'error';
  title: string;
  items?: readonly string[];
  testId?: string;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div>{title}</div>
      {items.length ? (
        <ul>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list shown once and never reordered; items may repeat.
            <li key={i}>
              <code dir="ltr">{item}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
