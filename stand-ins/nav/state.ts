import { loadFixture } from '../common/fixtures.ts';
import type { Aktivitet, Dialog, Enhet, NavFixture, NavPerson, Oppfolgingsperiode, Veileder } from './types.ts';

/**
 * NAV's in-memory state: the fixture's records plus the indexes the routes need. Records are stored as the
 * contract shapes them (threads as a NAV employee sees them), so a read is a lookup and a write replaces records.
 */
export class NavState {
  readonly meta: NavFixture['meta'];
  readonly enheter: Enhet[];
  readonly veiledere: Veileder[];
  readonly personer: NavPerson[];
  /** Current version of every activity, by id, in fixture order (the plan's order). */
  readonly aktiviteter = new Map<string, Aktivitet>();
  /** Every stored version of an activity, newest first (the current one included). */
  readonly versjoner = new Map<string, Aktivitet[]>();
  /** Threads by id, in fixture order. */
  readonly dialoger = new Map<string, Dialog>();
  private readonly personByFnr = new Map<string, NavPerson>();
  private readonly periodeOwner = new Map<string, { person: NavPerson; periode: Oppfolgingsperiode }>();
  // Per-person indexes, so a person's plan or threads are found without scanning every record (10 000-person sets).
  private readonly aktivitetIds = new Map<NavPerson, Set<string>>();
  private readonly dialogIds = new Map<NavPerson, Set<string>>();
  private readonly dialogIdByAktivitet = new Map<string, string>();
  private lastVersjon: number;
  private lastAktivitetId: number;
  private lastDialogId: number;
  private lastHenvendelseId: number;

  constructor(
    fixture: NavFixture,
    /** The stand-in's clock: every "now" (timestamps of writes) comes from here. */
    readonly now: () => Date,
  ) {
    this.meta = fixture.meta;
    this.enheter = fixture.enheter;
    this.veiledere = fixture.veiledere;
    this.personer = fixture.personer;
    for (const p of fixture.personer) {
      this.personByFnr.set(p.fnr, p);
      for (const periode of p.oppfolgingsperioder) this.periodeOwner.set(periode.uuid, { person: p, periode });
    }
    for (const a of fixture.aktiviteter) {
      this.aktiviteter.set(a.id, a);
      this.versjoner.set(a.id, fixture.aktivitetVersjoner[a.id] ?? [a]);
      this.index(this.aktivitetIds, a.oppfolgingsperiodeId, a.id);
    }
    for (const d of fixture.dialoger) this.saveDialog(d);
    const versjoner = [...this.versjoner.values()].flat().map((a) => Number(a.versjon));
    this.lastVersjon = Math.max(0, ...versjoner);
    this.lastAktivitetId = Math.max(0, ...fixture.aktiviteter.map((a) => Number(a.id)));
    this.lastDialogId = Math.max(0, ...fixture.dialoger.map((d) => Number(d.id)));
    this.lastHenvendelseId = Math.max(0, ...fixture.dialoger.flatMap((d) => d.henvendelser.map((h) => Number(h.id))));
  }

  person(fnr: string): NavPerson | undefined {
    return this.personByFnr.get(fnr);
  }

  /** The period and the person who owns it (the owner of its activities and threads). */
  periode(uuid: string): { person: NavPerson; periode: Oppfolgingsperiode } | undefined {
    return this.periodeOwner.get(uuid);
  }

  /** The person's open period; undefined when not under follow-up. */
  gjeldendePeriode(person: NavPerson): Oppfolgingsperiode | undefined {
    return person.oppfolgingsperioder.find((p) => !p.sluttDato);
  }

  veilederByIdent(navIdent: string): Veileder | undefined {
    return this.veiledere.find((v) => v.navIdent === navIdent);
  }

  veilederByAzureId(azureId: string): Veileder | undefined {
    return this.veiledere.find((v) => v.azureId === azureId);
  }

  /** The person's activities in all periods, in stored order (the plan's order). */
  aktiviteterOf(person: NavPerson): Aktivitet[] {
    return [...(this.aktivitetIds.get(person) ?? [])].map((id) => this.aktiviteter.get(id)!);
  }

  /** The person's threads in all periods, in stored order. */
  dialogerOf(person: NavPerson): Dialog[] {
    return [...(this.dialogIds.get(person) ?? [])].map((id) => this.dialoger.get(id)!);
  }

  dialogForAktivitet(aktivitetId: string): Dialog | undefined {
    const id = this.dialogIdByAktivitet.get(aktivitetId);
    return id === undefined ? undefined : this.dialoger.get(id);
  }

  /** Stores a new version of an activity (new or changed) as the current one. */
  saveAktivitet(aktivitet: Aktivitet): void {
    this.aktiviteter.set(aktivitet.id, aktivitet);
    this.versjoner.set(aktivitet.id, [aktivitet, ...(this.versjoner.get(aktivitet.id) ?? [])]);
    this.index(this.aktivitetIds, aktivitet.oppfolgingsperiodeId, aktivitet.id);
  }

  /** Stores a thread, new or changed. */
  saveDialog(dialog: Dialog): void {
    this.dialoger.set(dialog.id, dialog);
    this.index(this.dialogIds, dialog.oppfolgingsperiode, dialog.id);
    if (dialog.aktivitetId) this.dialogIdByAktivitet.set(dialog.aktivitetId, dialog.id);
  }

  private index(byPerson: Map<NavPerson, Set<string>>, periode: string, id: string): void {
    const owner = this.periodeOwner.get(periode)?.person;
    if (!owner) return;
    const ids = byPerson.get(owner) ?? new Set<string>();
    byPerson.set(owner, ids.add(id));
  }

  /** `versjon` is one global sequence over all activities, as in veilarbaktivitet. */
  nextVersjon(): string {
    return String(++this.lastVersjon);
  }

  nextAktivitetId(): string {
    return String(++this.lastAktivitetId);
  }

  nextDialogId(): string {
    return String(++this.lastDialogId);
  }

  nextHenvendelseId(): string {
    return String(++this.lastHenvendelseId);
  }
}

/** Loads nav.json (event times shifted to `now`) into a fresh state. */
export async function loadNavState(options: { fixturesDir?: string; now?: () => Date } = {}): Promise<NavState> {
  const now = options.now ?? (() => new Date());
  const fixture = await loadFixture<NavFixture>('nav', { dir: options.fixturesDir, now: now() });
  return new NavState(fixture, now);
}
