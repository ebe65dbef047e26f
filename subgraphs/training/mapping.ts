import { personal } from '../../lib/consent/subject.ts';
import type {
  FullfortFag,
  Kartleggingsforesporsel,
  Laerefag,
  LaereplanFag,
  Laerekontrakt,
  Omfang,
  Opplaeringsplan,
  PlanFag,
  Praksis,
} from './clients/fagopplaering.schemas.ts';
import type {
  ApprenticeshipModel,
  CompletedSubjectModel,
  CurriculumSubjectModel,
  PracticeModel,
  SkillsMappingConsentModel,
  SkillsMappingRequestModel,
  SkillsMappingScope,
  SubjectType,
  TradeModel,
  TrainingPlanModel,
  TrainingPlanSubjectModel,
  TrainingRoute,
} from './model.ts';

/** Upstream records (fagopplaering.openapi.yaml, Norwegian names) → the graph's model (English names). */

const SUBJECT_TYPE: Record<FullfortFag['fagtype'], SubjectType> = {
  FF: 'COMMON_CORE',
  FP: 'COMMON_PROGRAMME',
  VP: 'OPTIONAL_PROGRAMME',
  PF: 'IN_DEPTH_PROJECT',
  UP: 'UNSPECIFIED_PROGRAMME',
};

const ROUTE: Record<Opplaeringsplan['rute'], TrainingRoute> = {
  LAERLING: 'APPRENTICESHIP',
  PRAKSISKANDIDAT: 'EXPERIENCE_BASED_CANDIDATE',
  FAGBREV_PA_JOBB: 'CERTIFICATE_AT_WORK',
  VOKSENOPPLAERING: 'ADULT_EDUCATION',
};

/** The consent's omfang and the graph's scope values, one to one. */
export const SCOPE_OF_OMFANG: Record<Omfang, SkillsMappingScope> = {
  FAG_OG_KARAKTERER: 'SUBJECTS_AND_GRADES',
  PRAKSIS: 'PRACTICE',
  LAEREKONTRAKTER: 'APPRENTICESHIPS',
  OPPLAERINGSPLAN_TIL_NAV: 'TRAINING_PLAN_TO_NAV',
};

/** NVB's "-" means no grade was given: the graph says null. */
const gradeOf = (karakter: FullfortFag['karakterStandpunkt']): string | null => (karakter === null || karakter === '-' ? null : karakter);

export function toCompletedSubject(subject: string, fag: FullfortFag): CompletedSubjectModel {
  const overallGrade = gradeOf(fag.karakterStandpunkt);
  const examGrade = gradeOf(fag.karakterEksamen);
  return personal(subject, {
    code: fag.fagkode,
    title: fag.fagnavn,
    subjectType: SUBJECT_TYPE[fag.fagtype],
    level: fag.niva,
    programmeArea: fag.programomradekode,
    // The exam decides when there was one (NVB: karakter_eksamen over karakter_standpunkt).
    grade: examGrade ?? overallGrade,
    overallGrade,
    examGrade,
    passed: fag.bestatt,
    year: fag.aar,
    term: fag.termin === 'V' ? 'SPRING' : 'AUTUMN',
    candidateType: fag.status === 'E' ? 'PUPIL' : 'EXTERNAL_CANDIDATE',
  });
}

const DOCUMENTATION = {
  ATTEST: 'CERTIFICATE',
  ARBEIDSAVTALE: 'EMPLOYMENT_CONTRACT',
  AA_REGISTERET: 'EMPLOYEE_REGISTER',
  EGENERKLAERING: 'SELF_DECLARATION',
} as const;

export function toPractice(subject: string, p: Praksis): PracticeModel {
  return personal(subject, {
    employer: p.arbeidsgiver.navn,
    occupation: p.yrke,
    occupationCode: p.yrkeskode ?? null,
    relevantTradeCode: p.relevantLaerefag ?? null,
    from: p.fra,
    to: p.til,
    positionPercent: p.stillingsprosent,
    documented: p.dokumentert,
    documentation: p.dokumentasjon ? DOCUMENTATION[p.dokumentasjon] : null,
  });
}

const CONTRACT_TYPE = { LAEREKONTRAKT: 'APPRENTICE', OPPLAERINGSKONTRAKT: 'TRAINING_CANDIDATE', KANDIDATKONTRAKT: 'CANDIDATE' } as const;
const CONTRACT_STATUS = { AKTIV: 'ACTIVE', FULLFORT: 'COMPLETED', HEVET: 'CANCELLED' } as const;

export function toApprenticeship(subject: string, k: Laerekontrakt): ApprenticeshipModel {
  return personal(subject, {
    tradeCode: k.laerefagkode,
    employer: k.laerebedrift.navn,
    trainingOffice: k.opplaeringskontor ?? null,
    contractType: CONTRACT_TYPE[k.kontraktstype],
    startedAt: k.startdato,
    // A cancelled contract ended the day it was cancelled, not at its planned end.
    endedAt: k.status === 'HEVET' && k.hevetDato ? k.hevetDato : k.sluttdato,
    status: CONTRACT_STATUS[k.status],
  });
}

const toCurriculumSubject = (f: LaereplanFag): CurriculumSubjectModel => ({
  code: f.fagkode,
  title: f.tittel,
  subjectType: SUBJECT_TYPE[f.fagtype],
  externalCandidatesOnly: f.kunForPrivatister,
  interdisciplinaryExam: f.tverrfagligEksamen,
});

export function toTrade(l: Laerefag): TradeModel {
  return {
    code: l.programomradekode,
    title: l.tittel,
    occupationTitle: l.yrkestittel,
    certificate: l.sluttkompetanse,
    educationProgramme: l.utdanningsprogram.tittel,
    programmeAreas: l.lop.map((area) => ({
      code: area.programomradekode,
      title: area.tittel,
      level: area.niva,
      place: area.opplaeringssted === 'SKOLE' ? 'SCHOOL' : area.opplaeringssted === 'BEDRIFT' ? 'COMPANY' : null,
      subjects: area.fag.map(toCurriculumSubject),
    })),
    commonCoreSubjects: (l.fellesfag ?? []).map(toCurriculumSubject),
    routes: l.ruter.map((r) => ROUTE[r]),
    apprenticeshipMonths: l.laretidManeder,
    requiredPracticeMonths: l.kravPraksisManeder,
  };
}

const RECORDER_KIND = { BRUKER: 'PERSON', NAV: 'NAV_ADVISOR', FAGOPPLAERING: 'TRAINING_ADVISOR', SYSTEM: 'SYSTEM' } as const;

function toConsent(subject: string, s: NonNullable<Kartleggingsforesporsel['samtykke']>): SkillsMappingConsentModel {
  const kind = RECORDER_KIND[s.registrertAv.type];
  return personal(subject, {
    givenAt: new Date(s.gittTidspunkt),
    method: s.metode,
    scope: s.omfang.map((o) => SCOPE_OF_OMFANG[o]),
    withdrawnAt: s.trukketTidspunkt ? new Date(s.trukketTidspunkt) : null,
    // The person's own ident is not repeated: whoever may see the consent knows whose it is.
    recordedBy: { kind, id: kind === 'PERSON' || kind === 'SYSTEM' ? null : s.registrertAv.id },
  });
}

export function toSkillsMappingRequest(k: Kartleggingsforesporsel): SkillsMappingRequestModel {
  const v = k.henvisendeVeileder;
  return personal(k.fnr, {
    id: k.id,
    version: k.versjon,
    personIdent: k.fnr,
    reference: k.referanse,
    status: k.status,
    requestedAt: new Date(k.opprettet),
    updatedAt: new Date(k.sistEndret),
    tradeCodes: [...k.onsketLaerefag],
    consent: k.samtykke && toConsent(k.fnr, k.samtykke),
    requestedScope: k.etterspurtOmfang.map((o) => SCOPE_OF_OMFANG[o]),
    referringAdvisor: { navIdent: v.navIdent, name: v.navn, officeId: v.enhetId, officeName: v.enhetNavn },
    assignedAdvisor: k.tildeltRadgiver ? { id: k.tildeltRadgiver.id, name: k.tildeltRadgiver.navn } : null,
    trainingPlanId: k.opplaeringsplanId,
  });
}

const CREDIT_BASIS = { VITNEMAL: 'DIPLOMA', KOMPETANSEBEVIS: 'CERTIFICATE_OF_COMPETENCE', REALKOMPETANSE: 'PRIOR_LEARNING', PRAKSIS: 'PRACTICE' } as const;
const PLACE = { SKOLE: 'SCHOOL', BEDRIFT: 'COMPANY', PRIVATIST: 'EXTERNAL_CANDIDATE', VOKSENOPPLAERING: 'ADULT_EDUCATION' } as const;

// merknad (free text) is left out on purpose: the graph carries no free text it does not need.
const toPlanSubject = (subject: string, f: PlanFag): TrainingPlanSubjectModel =>
  personal(subject, {
    code: f.fagkode,
    title: f.fagnavn,
    level: f.niva ?? null,
    creditedOn: f.grunnlag ? CREDIT_BASIS[f.grunnlag] : null,
    takenAt: f.opplaeringssted ? PLACE[f.opplaeringssted] : null,
  });

export function toTrainingPlan(p: Opplaeringsplan): TrainingPlanModel {
  return personal(p.fnr, {
    id: p.id,
    tradeCode: p.laerefagkode,
    route: ROUTE[p.rute],
    estimatedMonths: p.estimertVarighetManeder,
    status: p.status === 'UTKAST' ? 'DRAFT' : 'SENT',
    tentative: p.tentativ,
    creditedSubjects: p.godkjenteFag.map((f) => toPlanSubject(p.fnr, f)),
    remainingSubjects: p.gjenstaendeFag.map((f) => toPlanSubject(p.fnr, f)),
    creditedPracticeMonths: p.godkjentPraksisManeder ?? null,
    writtenBy: { id: p.utarbeidetAv.id, name: p.utarbeidetAv.navn },
    createdAt: new Date(p.opprettet),
    sentAt: p.sendt ? new Date(p.sendt.tidspunkt) : null,
    delivery: p.sendt
      ? personal(p.fnr, { channel: p.sendt.kanal, sentAt: new Date(p.sendt.tidspunkt), messageId: p.sendt.digipostMessageId })
      : null,
  });
}
