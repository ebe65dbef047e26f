import type { NavContext } from '../context.ts';
import type { FollowUp as FollowUpModel, Innsatsgruppe, MainGoal, NavAdvisor, NavOffice } from '../model.ts';
import type { TypeResolvers } from './types.ts';

/**
 * FollowUp: the period comes from veilarboppfolging's status; innsatsgruppe from veilarbvedtaksstotte and office
 * and advisor from veilarboppfolging are read only when asked for, so one service down costs only its fields.
 */
export const FollowUp = {
  async innsatsgruppe(followUp: FollowUpModel, _args: unknown, context: NavContext): Promise<Innsatsgruppe | null> {
    return (await context.loaders.decision14a.load(followUp.ident))?.innsatsgruppe ?? null;
  },

  async mainGoal(followUp: FollowUpModel, _args: unknown, context: NavContext): Promise<MainGoal | null> {
    return (await context.loaders.decision14a.load(followUp.ident))?.mainGoal ?? null;
  },

  async innsatsgruppeDecidedAt(followUp: FollowUpModel, _args: unknown, context: NavContext): Promise<Date | null> {
    return (await context.loaders.decision14a.load(followUp.ident))?.decidedAt ?? null;
  },

  async advisor(followUp: FollowUpModel, _args: unknown, context: NavContext): Promise<NavAdvisor | null> {
    return (await context.loaders.officeAndAdvisor.load(followUp.ident)).advisor;
  },

  async office(followUp: FollowUpModel, _args: unknown, context: NavContext): Promise<NavOffice | null> {
    return (await context.loaders.officeAndAdvisor.load(followUp.ident)).office;
  },
} satisfies TypeResolvers;
