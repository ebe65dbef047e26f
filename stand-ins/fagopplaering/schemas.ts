import { z } from 'zod';

/** Request bodies and parameters of the fagopplæring contract, checked before any state changes. */

const fnr = z.string().regex(/^[0-9]{11}$/, 'må være 11 siffer');
const programomradekode = z.string().regex(/^[A-Z]{5}[0-9]-{4}$/, 'må være en programområdekode');
const fagkode = z.string().regex(/^[A-Z]{3}[0-9]{4}$/, 'må være en fagkode');
const dateTime = z.iso.datetime({ offset: true });
const omfang = z.enum(['FAG_OG_KARAKTERER', 'PRAKSIS', 'LAEREKONTRAKTER', 'OPPLAERINGSPLAN_TIL_NAV']);
const metode = z.enum(['MUNTLIG', 'SKRIFTLIG', 'DIGITAL']);
const status = z.enum(['VENTER_PA_SAMTYKKE', 'MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT', 'AVSLUTTET', 'TRUKKET']);
const versjon = z.number().int().min(1);
const omfangListe = z
  .array(omfang)
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'omfang må være unike');

export const uuidParam = z.guid();
export const programomradekodeParam = programomradekode;

export const sokOpplaeringsdataBody = z.object({
  fnr: z
    .array(fnr)
    .min(1)
    .max(200)
    .refine((list) => new Set(list).size === list.length, 'fnr må være unike'),
  inkluder: z.array(z.enum(['FAG', 'PRAKSIS', 'LAEREKONTRAKTER'])).optional(),
});

export const nyKartleggingBody = z.object({
  fnr,
  henvisendeVeileder: z.object({
    navIdent: z.string().regex(/^[A-Z][0-9]{6}$/),
    navn: z.string().min(1),
    enhetId: z.string().regex(/^[0-9]{4}$/),
    enhetNavn: z.string().min(1),
    epost: z.email().nullable().optional(),
  }),
  onsketLaerefag: z.array(programomradekode).min(1).max(3),
  beskrivelse: z.string().min(1).max(4000),
  karrierenotatId: z.guid().optional(),
  samtykke: z
    .object({
      // Left out only with DIGITAL: then NAV asks the person, who gives the consent herself (giSamtykke).
      gittTidspunkt: dateTime.optional(),
      metode,
      omfang: omfangListe,
    })
    .refine((s) => s.metode === 'DIGITAL' || s.gittTidspunkt !== undefined, { message: 'påkrevd for MUNTLIG og SKRIFTLIG', path: ['gittTidspunkt'] }),
});
export type NyKartlegging = z.infer<typeof nyKartleggingBody>;

/** POST /kartlegginger/{id}/samtykke: the person's own consent, at most what NAV asked for. */
export const giSamtykkeBody = z.object({ omfang: omfangListe });

export const sokKartleggingerBody = z
  .object({
    fnr: fnr.optional(),
    navIdent: z.string().regex(/^[A-Z][0-9]{6}$/).optional(),
    status: z.array(status).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'minst ett søkekriterium');

export const statusBody = z.object({
  status: z.enum(['UNDER_BEHANDLING', 'AVSLUTTET']),
  versjon,
  tildeltRadgiverId: z.string().regex(/^FR-[0-9]{2}$/).optional(),
  kommentar: z.string().max(1000).optional(),
});

export const trekkSamtykkeBody = z.object({
  trukketTidspunkt: dateTime.optional(),
  metode,
  registrertAv: z.object({ type: z.enum(['BRUKER', 'NAV', 'FAGOPPLAERING', 'SYSTEM']), id: z.string().min(1) }),
});

const planFag = z.object({
  fagkode,
  fagnavn: z.string().min(1),
  niva: z.enum(['VG1', 'VG2', 'VG3']).nullable().optional(),
  grunnlag: z.enum(['VITNEMAL', 'KOMPETANSEBEVIS', 'REALKOMPETANSE', 'PRAKSIS']).nullable().optional(),
  opplaeringssted: z.enum(['SKOLE', 'BEDRIFT', 'PRIVATIST', 'VOKSENOPPLAERING']).nullable().optional(),
  merknad: z.string().max(500).nullable().optional(),
});

export const planInnholdBody = z.object({
  laerefagkode: programomradekode,
  rute: z.enum(['LAERLING', 'PRAKSISKANDIDAT', 'FAGBREV_PA_JOBB', 'VOKSENOPPLAERING']),
  godkjenteFag: z.array(planFag),
  gjenstaendeFag: z.array(planFag),
  godkjentPraksisManeder: z.number().int().min(0).nullable().optional(),
  estimertVarighetManeder: z.number().int().min(0).max(96),
  merknader: z.string().max(4000),
});
export type PlanInnhold = z.infer<typeof planInnholdBody>;

export const endrePlanBody = planInnholdBody.extend({ versjon });
export const sendPlanBody = z.object({ versjon });

const maaned = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'må være YYYY-MM');
export const statistikkQuery = z
  .object({ fraMaaned: maaned, tilMaaned: maaned })
  .refine((q) => q.fraMaaned <= q.tilMaaned, { message: 'fraMaaned må være før tilMaaned', path: ['tilMaaned'] });
