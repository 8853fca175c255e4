/** Roles are shown as people read them, in their language, wherever a role is shown: never "coordinator" or "admin". */
import { summariseGrantsFor } from '../../../src/features/groups/service';
import { ROLES, roleLabel, type Actor } from '../../../src/features/groups/types';
import { attendanceCsv } from '../../../src/features/meetings/attendance';
import { t } from '../../../src/i18n';

const actor: Actor = {
  personId: 'p1', aadObjectId: 'a', tenantId: 't', name: 'Carla', locale: 'nl',
  roles: [{ role: 'coordinator', groupId: 'g1', groupName: 'Oost' }, { role: 'admin', groupId: null, groupName: null }, { role: 'raadslid', groupId: 'g1', groupName: 'Oost' }],
};

test('every role has a Dutch and an English label; the codes coordinator and admin never show', () => {
  for (const role of ROLES) {
    expect(roleLabel(role, 'nl')).toBeTruthy();
    expect(roleLabel(role, 'en')).toBeTruthy();
  }
  expect(roleLabel('coordinator', 'nl')).toBe('coördinator');
  expect(roleLabel('admin', 'nl')).toBe('beheerder');
  expect(roleLabel('admin', 'en')).toBe('administrator');
});

test('wie ben ik: "coördinator (Oost), beheerder, raadslid (Oost)"', () => {
  expect(summariseGrantsFor(actor, 'nl')).toEqual(['coördinator (Oost)', 'beheerder', 'raadslid (Oost)']);
  expect(summariseGrantsFor(actor, 'en')).toEqual(['coordinator (Oost)', 'administrator', 'council member (Oost)']);
});

test('a refusal names the role in words', () => {
  expect(t('nl', 'groups.notAllowedToGrant', { roleNl: roleLabel('admin', 'nl') })).toContain('de rol beheerder niet');
  expect(t('nl', 'groups.roleUsage')).not.toMatch(/\b(coordinator|admin)\b/);
});

test('the presentielijst CSV for GAIA writes the role in Dutch', () => {
  const csv = attendanceCsv([{ date: '2026-12-08', start: '12:30', end: '14:00', type: 'FTO', theme: '', group: 'Oost', code: 'FTO-7K2', name: 'Carla', role: 'coordinator', bigNumber: '', agbCode: '' }] as never);
  expect(csv).toContain(';Carla;coördinator;');
});
