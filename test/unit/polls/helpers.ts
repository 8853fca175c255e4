/** Shared bits for the polls unit tests. */
import type { PollRecord } from '../../../src/features/polls/types';

export function pollRecord(over: Partial<PollRecord> = {}): PollRecord {
  return {
    id: 7,
    status: 'open',
    question: 'Moet de ROHA-raad maandelijks vergaderen?',
    options: ['Ja', 'Nee', 'Alleen digitaal'],
    multiple: false,
    anonymous: false,
    resultsLive: true,
    feedback: false,
    deadline: new Date('2026-11-27T16:00:00Z'),
    audience: 'raad',
    audienceGroupIds: [],
    target: { kind: 'here' },
    creatorId: 'creator',
    creatorName: 'Carla Coördinator',
    locale: 'nl',
    draftConversationId: 'conv',
    conversationId: 'conv',
    messageId: 'msg',
    eligibleCount: 13,
    changes: 0,
    result: null,
    publishedAt: new Date('2026-11-23T10:00:00Z'),
    closedAt: null,
    closedBy: null,
    ...over,
  };
}

export { actionsOf as actions, cardProblems, textsOf as texts } from '../../support/cardInspect';
