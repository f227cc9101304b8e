/** Placeholder shell until the screens land (issue 4). */
export function App() {
  return (
    <main>
      <h1>Rewind</h1>
    </main>
  );
}
