/**
 * The meetings feature's download routes: a meeting's .ics (behind a signed file name) and the
 * presentielijst and yearly attendance CSVs (behind signed, expiring tokens). Whoever a token names is read
 * from the roster again at download time, so a role revoked since the link was made is refused.
 */
import { type Actor, type Role } from '../../features/groups/types';
import { attendanceCsv, attendanceSumCsv } from '../../features/meetings/attendance';
import { icsTexts } from '../../features/meetings/cards';
import { meetingToIcs } from '../../features/meetings/ics';
import { verifyIcsToken, verifyListToken, verifySumToken } from '../../features/meetings/links';
import * as repo from '../../features/meetings/repository';
import type { MeetingsService } from '../../features/meetings/service';
import type { HttpRoute } from '../featureModule';
import { csvDownload, download, plainText } from '../routeResponses';
import type { AppServices } from '../services';

export function meetingDownloadRoutes(services: AppServices, meetings: MeetingsService): HttpRoute[] {
  const { db } = services;
  const notFound = plainText(404, 'Niet gevonden.');

  const routes: HttpRoute[] = [
    {
      method: 'get',
      path: '/agenda/:meetingId/:file',
      async handler(params) {
        const meetingId = String(params.meetingId ?? '');
        if (!verifyIcsToken(services.appSecret, meetingId, String(params.file ?? ''))) return notFound;
        const meeting = await repo.findMeeting(db, meetingId);
        if (!meeting) return notFound;
        const groupName = await meetings.groupName(meeting.groupId);
        const locale = meeting.locale;
        const { summary, description } = icsTexts(meeting, groupName, locale);
        const body = meetingToIcs(
          { id: meeting.id, sequence: meeting.sequence, startsAt: meeting.startsAt, endsAt: meeting.endsAt, summary, location: meeting.location ?? undefined, url: meeting.onlineUrl ?? undefined, description, cancelled: meeting.status === 'cancelled' },
          { now: services.clock(), uidDomain: 'wijkbot' },
        );
        return download('text/calendar; charset=utf-8', `${meeting.code}.ics`, body);
      },
    },
    {
      method: 'get',
      path: '/presentielijst/:token',
      async handler(params) {
        const claim = verifyListToken(services.appSecret, String(params.token ?? ''), services.clock());
        const refused = plainText(403, 'Deze link is verlopen of ongeldig. Vraag een nieuwe met: presentielijst <code>.');
        if (!claim) return refused;
        // the right to export is checked again now: a role may have been revoked since the link was made
        const actor = await actorFromRoster(claim.personId);
        const meeting = await repo.findMeeting(db, claim.meetingId);
        if (!meeting) return refused;
        try {
          const rows = await meetings.attendance.list(actor, meeting);
          return csvDownload(`presentielijst-${meeting.code}.csv`, attendanceCsv(rows));
        } catch {
          return refused;
        }
      },
    },
    {
      method: 'get',
      path: '/presentie/:token',
      async handler(params) {
        const claim = verifySumToken(services.appSecret, String(params.token ?? ''), services.clock());
        const refused = plainText(403, 'Deze link is verlopen of ongeldig. Vraag een nieuwe met: presentie <wijkgroep> <jaar>.');
        if (!claim) return refused;
        // as for the presentielijst: the right to see the list is checked again now
        const actor = await actorFromRoster(claim.personId);
        try {
          const sum = await meetings.attendance.sum(actor, claim.groupId, claim.year);
          return csvDownload(`presentie-${sum.group.name.replace(/[^A-Za-z0-9-]+/g, '_')}-${claim.year}.csv`, attendanceSumCsv(sum));
        } catch {
          return refused;
        }
      },
    },
  ];

  /** The person behind a download link, with the roles they hold now (not when the link was made). */
  async function actorFromRoster(personId: string): Promise<Actor> {
    const memberships = await db.membership.findMany({ where: { personId }, select: { role: true, groupId: true } });
    return {
      personId, aadObjectId: '', tenantId: '', name: '', locale: 'nl',
      roles: memberships.map((m) => ({ role: m.role as Role, groupId: m.groupId, groupName: null })),
    };
  }

  return routes;
}
