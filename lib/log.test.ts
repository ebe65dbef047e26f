import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

const P02 = '23869823562';

/** A logger whose lines are kept, and the lines as text. */
function captured() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('test', 'info', destination);
  return { log, text: () => lines.join(''), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Whether the digits of P02 are anywhere in the text, whatever is between them. */
const holdsP02 = (text: string) => text.replace(/[^0-9]/g, '').includes(P02);

describe('createLogger masks identity numbers', () => {
  it("in a child logger's bindings, and in its children's", () => {
    const { log, text, lines } = captured();
    const child = log.child({ callId: P02, actor: '238698-23562' });
    child.info('one');
    child.child({ role: '238698 23562' }).info('two');
    expect(holdsP02(text())).toBe(false);
    expect(lines()[1]).toMatchObject({ callId: '***********', actor: '***********', role: '***********', msg: 'two' });
  });

  it('in bindings set later', () => {
    const { log, text } = captured();
    const child = log.child({});
    child.setBindings({ callId: P02 });
    child.info('x');
    expect(holdsP02(text())).toBe(false);
  });

  it('in a nested object deeper than six levels, keys included', () => {
    const { log, text, lines } = captured();
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { ident: P02, [P02]: 'key' } } } } } } } } };
    log.info({ deep }, 'deep');
    expect(holdsP02(text())).toBe(false);
    expect(JSON.stringify(lines()[0]!.deep)).toContain('"ident":"***********"');
  });

  it('beyond any depth, by replacing what is too deep, and in cycles', () => {
    const { log, text } = captured();
    let nested: Record<string, unknown> = { ident: P02 };
    for (let i = 0; i < 40; i++) nested = { inner: nested };
    const cycle: Record<string, unknown> = { ident: P02 };
    cycle.self = cycle;
    log.info({ nested, cycle }, 'x');
    expect(holdsP02(text())).toBe(false);
  });

  it('in numbers and bigints, and leaves other numbers as numbers', () => {
    const { log, text, lines } = captured();
    log.info({ n: Number(P02), big: BigInt(P02).toString(), ms: 1732608000000, count: 12 }, 'numbers %d', Number(P02));
    expect(holdsP02(text())).toBe(false);
    expect(lines()[0]).toMatchObject({ n: '***********', ms: 1732608000000, count: 12 });
  });

  it('in an Error: message, stack, own properties and cause, logged alone or under err', () => {
    const { log, text, lines } = captured();
    const error = Object.assign(new Error(`no person ${P02}`, { cause: new Error(`upstream said 238698-23562`) }), { ident: P02 });
    log.error(error);
    log.error({ err: error }, 'failed');
    log.warn({ problem: error }, 'failed for %s', `23.86.98.23562`);
    expect(holdsP02(text())).toBe(false);
    expect(lines()[0]).toMatchObject({ msg: 'no person ***********', err: { type: 'Error', message: 'no person ***********', ident: '***********' } });
    expect(String((lines()[0]!.err as { stack: string }).stack)).toContain('Error: no person ***********');
  });

  it('in the message and its arguments', () => {
    const { log, text } = captured();
    log.info(`asked for ${P02}`);
    log.info({}, 'asked for %s and %j', '238698 23562', { ident: P02 });
    expect(holdsP02(text())).toBe(false);
  });

  it('and keeps UUIDs, timestamps and ordinary ids readable', () => {
    const { log, lines } = captured();
    const callId = '6f1d3c1e-2b7a-4c3e-9a0f-990001000001';
    log.child({ callId, actor: 'Z990001' }).info({ activityId: '4100101', at: '2026-11-26T08:00:00.000+01:00' }, 'ok');
    expect(lines()[0]).toMatchObject({ callId, actor: 'Z990001', activityId: '4100101', at: '2026-11-26T08:00:00.000+01:00' });
  });
});
