import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { TrainingContext } from '../context.ts';
import type { DeliveryStatus, TrainingPlanDeliveryModel, TrainingPlanModel } from '../model.ts';
import type { MessageDelivery } from '../clients/digipost.schemas.ts';

const DELIVERY_STATUS: Record<MessageDelivery['status'], DeliveryStatus> = {
  // Digipost's NOT_COMPLETE and COMPLETE both mean accepted but not yet in the mailbox or at the printer.
  NOT_COMPLETE: 'SENT',
  COMPLETE: 'SENT',
  DELIVERED: 'DELIVERED',
  DELIVERED_TO_PRINT: 'DELIVERED_TO_PRINT',
};

/** TrainingPlan: the trade from the catalogue and the letter's delivery from Digipost. */
export const TrainingPlanResolvers = {
  TrainingPlan: {
    trade(plan: TrainingPlanModel, _args: unknown, context: TrainingContext) {
      return context.loaders.trades.load(plan.tradeCode);
    },
  },
  TrainingPlanDelivery: {
    async status(delivery: TrainingPlanDeliveryModel, _args: unknown, context: TrainingContext) {
      return DELIVERY_STATUS[(await context.loaders.deliveries.load(delivery.messageId)).status];
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
