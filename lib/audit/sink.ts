import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSocket } from 'node:dgram';

/** Where audit lines go. A write that fails rejects: the caller must not disclose what it could not record. */
export interface AuditSink {
  write(lines: string[]): Promise<void>;
}

/** Appends to a file (the embedded default: AUDIT_LOG_FILE, under .data/). */
export function fileSink(path: string): AuditSink {
  let ready: Promise<unknown> | undefined;
  return {
    async write(lines) {
      ready ??= mkdir(dirname(path), { recursive: true });
      await ready;
      await appendFile(path, lines.map((l) => `${l}\n`).join(''), 'utf8');
    },
  };
}

/** Writes to stdout (production on NAIS, where a log shipper routes it to the audit index). */
export function stdoutSink(): AuditSink {
  return {
    write: (lines) =>
      new Promise((resolve, reject) => {
        process.stdout.write(lines.map((l) => `${l}\n`).join(''), (err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Sends each line as an RFC 5424 syslog message over UDP (facility local4, severity info). */
export function syslogSink(host: string, port: number, appName: string): AuditSink {
  const socket = createSocket('udp4');
  socket.unref();
  return {
    async write(lines) {
      await Promise.all(
        lines.map(
          (line) =>
            new Promise<void>((resolve, reject) => {
              const msg = Buffer.from(`<166>1 ${new Date().toISOString()} - ${appName} - audit - ${line}`);
              socket.send(msg, port, host, (err) => (err ? reject(err) : resolve()));
            }),
        ),
      );
    },
  };
}

/** AUDIT_SINK=file|stdout|syslog (default file), AUDIT_LOG_FILE, AUDIT_SYSLOG_HOST/PORT. */
export function auditSinkFromEnv(env: Record<string, string | undefined>, defaultFile: string, appName: string): AuditSink {
  switch (env.AUDIT_SINK ?? 'file') {
    case 'file':
      return fileSink(env.AUDIT_LOG_FILE ?? defaultFile);
    case 'stdout':
      return stdoutSink();
    case 'syslog':
      return syslogSink(env.AUDIT_SYSLOG_HOST ?? 'localhost', Number(env.AUDIT_SYSLOG_PORT ?? 514), appName);
    default:
      throw new Error(`AUDIT_SINK must be file, stdout or syslog (got "${env.AUDIT_SINK}")`);
  }
}
