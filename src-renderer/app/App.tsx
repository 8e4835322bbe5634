/** The desk's window. Its screens arrive with the app issues; until then the CLI does the work. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
      <h1>Nexus Billing Desk</h1>
      <p>
        The desktop screens are being built. Meanwhile every use case runs headless:{' '}
        <code>npx nexus-billing --help</code>.
      </p>
    </main>
  );
}
