/** A client error as JSON, naming the field at fault, never a stack trace. */
export function jsonError(status: number, field: string, message: string) {
  return Response.json({ error: { field, message } }, { status });
}
