/** Shared bits for the unit tests of the meetings integration (cards, drafts, links, jobs). */
import type { MeetingRecord } from '../../../src/features/meetings/repository';

export function meetingRecord(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: 'cmeeting000000000000000001',
    code: 'FTO-7K2',
    groupId: 'group-oost',
    type: 'FTO',
    status: 'planned',
    startsAt: new Date('2026-12-08T11:30:00Z'),
    endsAt: new Date('2026-12-08T13:00:00Z'),
    theme: 'antistolling',
    location: 'Gezondheidscentrum Oost',
    onlineUrl: null,
    sequence: 0,
    seriesId: null,
    creatorId: 'carla',
    creatorName: 'Carla Coördinator',
    locale: 'nl',
    conversationId: 'channel',
    messageId: 'msg',
    remindedSeq: null,
    attendanceAt: null,
    attendanceBy: null,
    ...over,
  };
}

export { actionsOf as actions, cardProblems, textsOf as texts } from '../../support/cardInspect';
