// Placeholder until the schema drift view lands.
export function SchemaDriftView() {
  return <main className="view">Schema drift</main>;
}
