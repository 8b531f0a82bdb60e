// Sittings, attendance and quorum in the English minutes (see minutes-attendance.ts). Pure.
import type { AttendanceWording } from './minutes-attendance';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const attendanceEn: AttendanceWording = {
  sittingsHeading: 'Sittings, attendance and quorum',
  sittingHeading: (sitting, date) => `${cap(sitting)} — ${date}`,
  sittingOpened: ({ sitting, date, time, chair, chairName }) => {
    const by = chair ? `, chaired by ${chairName ? `${chairName}, ` : ''}head of the delegation of ${chair}` : '';
    return `${cap(sitting)} opened on ${date} at ${time}${by}.`;
  },
  presentAtOpening: (states) => `Present at the opening: the delegations of ${states}.`,
  noneAtOpening: 'No member delegation was recorded as present at the opening.',
  headAtSitting: (state, hole) => `At this sitting the delegation of ${state} was headed by ${hole}.`,
  arrived: (state, time) => `At ${time} the delegation of ${state} joined the sitting.`,
  left: (state, time) => `At ${time} the delegation of ${state} left the sitting.`,
  returned: (state, time) => `At ${time} the delegation of ${state} returned to the sitting.`,
  quorumLost: ({ time, present, members, required }) =>
    `At ${time} the quorum was no longer met: ${present} of ${members} member states present, ${required} required.`,
  quorumRestored: ({ time, present, members, required }) =>
    `At ${time} the quorum was restored: ${present} of ${members} member states present, ${required} required.`,
  quorumReached: ({ time, present, members, required }) =>
    `At ${time} the quorum was reached: ${present} of ${members} member states present, ${required} required.`,
  sittingClosed: ({ sitting, time }) => `${cap(sitting)} was closed at ${time}.`,
  absentStates: (states) => `The following member states were not represented at the session: ${states}.`,
  allRepresented: 'Every member state was represented at the session.',
  headFor: (sitting) => `at ${sitting}`,
  presence: 'Present',
  interval: (from, to) => `${from}–${to}`,
  endOfSitting: 'end of sitting',
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),
};
