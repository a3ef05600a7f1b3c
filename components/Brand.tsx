/** The logo and name at the start of the popup's and the dashboard's header bar. */
export function Brand({ name }: { name: string }) {
  return (
    <div className="brand">
      <img src="/icon/48.png" alt="" />
      <h1>{name}</h1>
    </div>
  );
}
