/** One merged catalogue; a duplicate code across features is caught by a unit test. */
import { dateMessages } from '../dates/messages';
import { intentMessages } from '../intent/messages';
import { groupMessages } from '../features/groups/messages';
import { meetingMessages } from '../features/meetings/messages';
import { pollMessages } from '../features/polls/messages';
import { networkMapMessages } from '../features/socialMap/networkMap/messages';
import { socialMapMessages } from '../features/socialMap/messages';
import { summaryMessages } from '../features/summaries/messages';
import { privacyMessages } from '../privacy/messages';
import { csvMessages } from '../csv/messages';
import { commonMessages } from './common';
import type { Messages } from './types';

export const catalogParts: Record<string, Messages> = {
  common: commonMessages,
  dates: dateMessages,
  intent: intentMessages,
  groups: groupMessages,
  meetings: meetingMessages,
  polls: pollMessages,
  socialMap: socialMapMessages,
  networkMap: networkMapMessages,
  summaries: summaryMessages,
  privacy: privacyMessages,
  csv: csvMessages,
};

export const catalog: Messages = Object.assign({}, ...Object.values(catalogParts));
