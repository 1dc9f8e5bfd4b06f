/** Fields every log line may carry. */
export type LogFields = Record<string, unknown>;

/** A structured JSON logger: one line per call, fields merged with the logger's context. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const SECRET_KEYS = /authorization|token|secret|password|signature|api[_-]?key|cookie/i;

/** Drops values whose key names a secret, so nothing sensitive reaches a log line. */
function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_KEYS.test(key) ? "[redacted]" : value;
  }
  return out;
}

/** Creates a logger that writes JSON lines to the console (Workers Logs picks them up). */
export function createLogger(context: LogFields = {}): Logger {
  const write = (level: string, message: string, fields: LogFields = {}) => {
    const line = JSON.stringify({
      level,
      message,
      time: new Date().toISOString(),
      ...redact(context),
      ...redact(fields),
    });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger({ ...context, ...fields }),
  };
}
