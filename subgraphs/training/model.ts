import type { Personal } from '../../lib/consent/subject.ts';

/**
 * What the training resolvers return: the GraphQL types' shapes with the enum values of schema.graphql. Every
 * object holding personal data is marked with its data subject (`Personal`, lib/consent/subject.ts). References
 * to trades are kept as codes and resolved through the per-request catalogue loader.
 */

export type SubjectType = 'COMMON_CORE' | 'COMMON_PROGRAMME' | 'OPTIONAL_PROGRAMME' | 'IN_DEPTH_PROJECT' | 'UNSPECIFIED_PROGRAMME';
export type EducationLevel = 'VG1' | 'VG2' | 'VG3';
export type Term = 'SPRING' | 'AUTUMN';
export type CandidateType = 'PUPIL' | 'EXTERNAL_CANDIDATE';
export type PracticeDocumentation = 'CERTIFICATE' | 'EMPLOYMENT_CONTRACT' | 'EMPLOYEE_REGISTER' | 'SELF_DECLARATION';
export type ApprenticeshipContractType = 'APPRENTICE' | 'TRAINING_CANDIDATE' | 'CANDIDATE';
export type ApprenticeshipStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
export type TrainingRoute = 'APPRENTICESHIP' | 'EXPERIENCE_BASED_CANDIDATE' | 'CERTIFICATE_AT_WORK' | 'ADULT_EDUCATION';
export type SkillsMappingStatus = 'VENTER_PA_SAMTYKKE' | 'MOTTATT' | 'UNDER_BEHANDLING' | 'PLAN_SENDT' | 'AVSLUTTET' | 'TRUKKET';
/** Open requests: fagopplæringen may still work on them (contract: MOTTATT, UNDER_BEHANDLING, PLAN_SENDT). */
export const OPEN_STATUSES: ReadonlySet<SkillsMappingStatus> = new Set(['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT']);
export type SkillsMappingScope = 'SUBJECTS_AND_GRADES' | 'PRACTICE' | 'APPRENTICESHIPS' | 'TRAINING_PLAN_TO_NAV';
export type ConsentMethod = 'MUNTLIG' | 'SKRIFTLIG' | 'DIGITAL';
export type TrainingPlanStatus = 'DRAFT' | 'SENT';
export type CreditBasis = 'DIPLOMA' | 'CERTIFICATE_OF_COMPETENCE' | 'PRIOR_LEARNING' | 'PRACTICE';
export type RemainingSubjectPlace = 'SCHOOL' | 'COMPANY' | 'EXTERNAL_CANDIDATE' | 'ADULT_EDUCATION';
export type DeliveryChannel = 'DIGIPOST' | 'PRINT';
export type DeliveryStatus = 'SENT' | 'DELIVERED' | 'DELIVERED_TO_PRINT';

/** Person: the entity key; every other field is resolved from it. */
export interface PersonModel extends Personal {
  ident: string;
}

export interface CompletedSubjectModel extends Personal {
  code: string;
  title: string;
  subjectType: SubjectType;
  level: EducationLevel;
  programmeArea: string;
  grade: string | null;
  overallGrade: string | null;
  examGrade: string | null;
  passed: boolean;
  year: number;
  term: Term;
  candidateType: CandidateType;
}

export interface PracticeModel extends Personal {
  employer: string;
  occupation: string;
  occupationCode: string | null;
  relevantTradeCode: string | null;
  from: string;
  to: string | null;
  positionPercent: number;
  documented: boolean;
  documentation: PracticeDocumentation | null;
}

export interface ApprenticeshipModel extends Personal {
  tradeCode: string;
  employer: string;
  trainingOffice: string | null;
  contractType: ApprenticeshipContractType;
  startedAt: string;
  endedAt: string;
  status: ApprenticeshipStatus;
}

/** Lærefag from the catalogue: not personal data. */
export interface TradeModel {
  code: string;
  title: string;
  occupationTitle: string;
  certificate: 'FAGBREV' | 'SVENNEBREV';
  educationProgramme: string;
  programmeAreas: ProgrammeAreaModel[];
  commonCoreSubjects: CurriculumSubjectModel[];
  routes: TrainingRoute[];
  apprenticeshipMonths: number;
  requiredPracticeMonths: number;
}

export interface ProgrammeAreaModel {
  code: string;
  title: string;
  level: EducationLevel;
  place: 'SCHOOL' | 'COMPANY' | null;
  subjects: CurriculumSubjectModel[];
}

export interface CurriculumSubjectModel {
  code: string;
  title: string;
  subjectType: SubjectType;
  externalCandidatesOnly: boolean;
  interdisciplinaryExam: boolean;
}

/** Who registered a consent: the person themself, a NAV advisor on their behalf, fagopplæringen, or a system. */
export type ConsentRecorderKind = 'PERSON' | 'NAV_ADVISOR' | 'TRAINING_ADVISOR' | 'SYSTEM';

export interface SkillsMappingConsentModel extends Personal {
  givenAt: Date;
  method: ConsentMethod;
  scope: SkillsMappingScope[];
  withdrawnAt: Date | null;
  /** `id`: the NAVident or fagopplæring advisor id; null for the person (their ident is no news to anyone who sees it). */
  recordedBy: { kind: ConsentRecorderKind; id: string | null };
}

export interface SkillsMappingRequestModel extends Personal {
  id: string;
  /** Versjon: changes need the version last read. */
  version: number;
  /** The person the request is about (resolved to a Person reference). */
  personIdent: string;
  reference: string;
  status: SkillsMappingStatus;
  requestedAt: Date;
  updatedAt: Date;
  tradeCodes: string[];
  /** The person's consent; null while the request awaits it (VENTER_PA_SAMTYKKE) and after they declined it. */
  consent: SkillsMappingConsentModel | null;
  /** What NAV asked the consent to cover. */
  requestedScope: SkillsMappingScope[];
  referringAdvisor: { navIdent: string; name: string; officeId: string; officeName: string };
  assignedAdvisor: { id: string; name: string } | null;
  trainingPlanId: string | null;
}

export interface TrainingPlanSubjectModel extends Personal {
  code: string;
  title: string;
  level: EducationLevel | null;
  creditedOn: CreditBasis | null;
  takenAt: RemainingSubjectPlace | null;
}

export interface TrainingPlanDeliveryModel extends Personal {
  channel: DeliveryChannel;
  sentAt: Date;
  /** Digipost's message id, to ask Digipost about the delivery. */
  messageId: string;
}

export interface TrainingPlanModel extends Personal {
  id: string;
  tradeCode: string;
  route: TrainingRoute;
  estimatedMonths: number;
  status: TrainingPlanStatus;
  tentative: boolean;
  creditedSubjects: TrainingPlanSubjectModel[];
  remainingSubjects: TrainingPlanSubjectModel[];
  creditedPracticeMonths: number | null;
  writtenBy: { id: string; name: string };
  createdAt: Date;
  sentAt: Date | null;
  delivery: TrainingPlanDeliveryModel | null;
}
