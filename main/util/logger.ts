/**
 * Where the backend reports its own failures. Messages name error codes and places, never
 * patient data: logs sit outside the database and are not protected like it.
 */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => console.error(message, error instanceof Error ? error.stack : (error ?? '')),
};

/** For tests: keeps messages in memory. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? e.message : JSON.stringify(e ?? null)}`),
  };
}
