// Sittings, attendance and quorum in the French minutes (see minutes-attendance.ts). States arrive in
// their "of" form ("du Maroc", "de l’Égypte"). Pure.
import type { AttendanceWording } from './minutes-attendance';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const attendanceFr: AttendanceWording = {
  sittingsHeading: 'Séances, présences et quorum',
  sittingHeading: (sitting, date) => `${cap(sitting)} — ${date}`,
  sittingOpened: ({ sitting, date, time, chair, chairName }) => {
    const by = chair ? `, sous la présidence de ${chairName ? `${chairName}, ` : ''}chef de la délégation ${chair}` : '';
    return `${cap(sitting)} a été ouverte le ${date} à ${time}${by}.`;
  },
  presentAtOpening: (states) => `Présentes à l’ouverture : les délégations ${states}.`,
  noneAtOpening: 'Aucune délégation d’État membre n’a été enregistrée comme présente à l’ouverture.',
  headAtSitting: (state, hole) => `Lors de cette séance, la délégation ${state} était conduite par ${hole}.`,
  arrived: (state, time) => `À ${time}, la délégation ${state} a rejoint la séance.`,
  left: (state, time) => `À ${time}, la délégation ${state} a quitté la séance.`,
  returned: (state, time) => `À ${time}, la délégation ${state} est revenue en séance.`,
  quorumLost: ({ time, present, members, required }) =>
    `À ${time}, le quorum n’était plus atteint : ${present} États membres présents sur ${members}, ${required} requis.`,
  quorumRestored: ({ time, present, members, required }) =>
    `À ${time}, le quorum a été rétabli : ${present} États membres présents sur ${members}, ${required} requis.`,
  quorumReached: ({ time, present, members, required }) =>
    `À ${time}, le quorum a été atteint : ${present} États membres présents sur ${members}, ${required} requis.`,
  sittingClosed: ({ sitting, time }) => `${cap(sitting)} a été levée à ${time}.`,
  absentStates: (states) => `Les États membres suivants n’étaient pas représentés à la session : ${states}.`,
  allRepresented: 'Tous les États membres étaient représentés à la session.',
  headFor: (sitting) => `lors de ${sitting}`,
  presence: 'Présence',
  interval: (from, to) => `${from}–${to}`,
  endOfSitting: 'fin de séance',
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`),
};
