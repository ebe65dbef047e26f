import { createCareerGuidanceActivity } from '../mutations/createCareerGuidanceActivity.ts';
import { recordMeetingSummary } from '../mutations/recordMeetingSummary.ts';
import { sendDialogueMessage } from '../mutations/sendDialogueMessage.ts';
import { updateActivityStatus } from '../mutations/updateActivityStatus.ts';
import type { TypeResolvers } from './types.ts';

/** The nav subgraph's writes, one file each in ../mutations. */
export const Mutation = {
  createCareerGuidanceActivity,
  updateActivityStatus,
  sendDialogueMessage,
  recordMeetingSummary,
} satisfies TypeResolvers;
