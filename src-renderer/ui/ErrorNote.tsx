/** A refusal, shown next to what caused it (a field, a button, a row), in the service's own sentence. */
export function ErrorNote({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error-note" role="alert">
      {message}
    </p>
  );
}
