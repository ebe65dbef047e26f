import type DataLoader from 'dataloader';
import { createPoaoTilgangLoader } from '../../lib/access/poaoTilgang.ts';
import type { AccessDecision } from '../../lib/access/policy.ts';
import type { BaseContext } from '../../lib/subgraph/context.ts';
import { createVeilarbaktivitetClient, type VeilarbaktivitetClient } from './clients/veilarbaktivitet.ts';
import { createVeilarbdialogClient, type VeilarbdialogClient } from './clients/veilarbdialog.ts';
import { createVeilarboppfolgingClient, type VeilarboppfolgingClient } from './clients/veilarboppfolging.ts';
import { createVeilarbvedtaksstotteClient, type VeilarbvedtaksstotteClient } from './clients/veilarbvedtaksstotte.ts';
import { createVeilarbportefoljeClient, type VeilarbportefoljeClient } from './clients/veilarbportefolje.ts';
import { permittedOffices } from './clients/poaoTilgangOffices.ts';
import { navHttp } from './clients/navHttp.ts';
import { perKeyLoader } from '../../lib/upstream/perKeyLoader.ts';
import type { Activity, Decision14a, DialogueThread, FollowUp, OfficeAndAdvisor } from './model.ts';
import type { DialogueSends } from './mutations/dialogueSends.ts';

/** The NAV applications' clients for one request (reads go through the loaders, writes use them directly). */
export interface NavClients {
  veilarbaktivitet: VeilarbaktivitetClient;
  veilarbdialog: VeilarbdialogClient;
  veilarboppfolging: VeilarboppfolgingClient;
  veilarbvedtaksstotte: VeilarbvedtaksstotteClient;
  veilarbportefolje: VeilarbportefoljeClient;
  /** The configured offices the calling NAV employee has access to (one poao-tilgang batch). */
  permittedOffices(azureId: string): Promise<string[]>;
}

/** Per-person reads, each made at most once per person per request. */
export interface NavLoaders {
  activities: DataLoader<string, Activity[]>;
  threads: DataLoader<string, DialogueThread[]>;
  followUp: DataLoader<string, FollowUp | null>;
  officeAndAdvisor: DataLoader<string, OfficeAndAdvisor>;
  decision14a: DataLoader<string, Decision14a | null>;
}

/** The nav subgraph's per-request context. */
export interface NavContext extends BaseContext {
  clients: NavClients;
  loaders: NavLoaders;
  /** poao-tilgang decisions for the calling NAV advisor, batched; absent for every other role. */
  poaoTilgang?: DataLoader<string, AccessDecision>;
  /** poao-tilgang write (SKRIVE) decisions for the calling NAV advisor, asked before every write. */
  poaoTilgangWrite?: DataLoader<string, AccessDecision>;
  /** What each sendDialogueMessage idempotency key did (the subgraph's, not the request's: retries come later). */
  dialogueSends: DialogueSends;
}

export interface NavContextOptions {
  /** Base URL of the NAV API host. */
  baseUrl: string;
  /** Audience of the tokens exchanged for NAV's services. */
  audience: string;
  timeoutMs?: number;
  /** The NAV offices (enhet ids) whose caseloads myCaseload reads, for the offices the advisor has access to. */
  caseloadOffices: readonly string[];
  /** The subgraph's ledger of dialogue sends, shared by every request. */
  dialogueSends: DialogueSends;
}

/** Builds the per-request context: clients, loaders and (for advisors) the poao-tilgang loader, all new per request. */
export function navContextFactory(options: NavContextOptions): (base: BaseContext) => NavContext {
  return (base) => {
    const scope = base.upstream(options.audience);
    const http = { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs };
    const clients: NavClients = {
      veilarbaktivitet: createVeilarbaktivitetClient(navHttp('veilarbaktivitet', http, scope)),
      veilarbdialog: createVeilarbdialogClient(navHttp('veilarbdialog', http, scope)),
      veilarboppfolging: createVeilarboppfolgingClient(navHttp('veilarboppfolging', http, scope)),
      veilarbvedtaksstotte: createVeilarbvedtaksstotteClient(navHttp('veilarbvedtaksstotte', http, scope)),
      veilarbportefolje: createVeilarbportefoljeClient(navHttp('veilarbportefolje', http, scope)),
      permittedOffices: (azureId) => permittedOffices(navHttp('poao-tilgang', http, scope), azureId, options.caseloadOffices),
    };
    const loaders: NavLoaders = {
      activities: perKeyLoader((ident) => clients.veilarbaktivitet.activitiesOf(ident)),
      threads: perKeyLoader((ident) => clients.veilarbdialog.threadsOf(ident)),
      followUp: perKeyLoader((ident) => clients.veilarboppfolging.followUpOf(ident)),
      officeAndAdvisor: perKeyLoader((ident) => clients.veilarboppfolging.officeAndAdvisorOf(ident)),
      decision14a: perKeyLoader((ident) => clients.veilarbvedtaksstotte.latestDecisionOf(ident)),
    };
    const advisor = base.caller.role === 'nav-advisor' ? base.caller : undefined;
    const poaoTilgang = advisor && createPoaoTilgangLoader(navHttp('poao-tilgang', http, scope), advisor.azureId);
    const poaoTilgangWrite = advisor && createPoaoTilgangLoader(navHttp('poao-tilgang', http, scope), advisor.azureId, 'SKRIVE');
    return { ...base, clients, loaders, poaoTilgang, poaoTilgangWrite, dialogueSends: options.dialogueSends };
  };
}
