// The storage chapter's troubleshooting challenge (content/14-storage), checked like the
// others: the start fails what it is about, the solution meets every objective and rule, and
// the fixes a learner tries first fail the objective or rule that should catch them. Every
// scenario runs through the storage engine; nothing is typed in.
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'storage';
const CLAIM_SPEC = 'spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 20Gi\n';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-pending-claim',
    startFails: ['claims[name=data].phase == Bound', 'pods[name=app].status == Running'],
    wrong: [
      {
        name: 'storageClassName: "" on the claim (static PVs of no class only: FailedBinding)',
        input: (s) => edit(s, [CLAIM_SPEC, `spec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 20Gi\n`]),
        fails: ['claims[name=data].phase == Bound', 'pods[name=app].status == Running'],
      },
      {
        name: 'Immediate binding (still nobody to provision)',
        input: (s) => edit(s, ['volumeBindingMode: WaitForFirstConsumer', 'volumeBindingMode: Immediate']),
        fails: ['claims[name=data].phase == Bound', 'pods[name=app].status == Running'],
      },
      {
        name: 'a PV made by hand for the claim',
        input: (s) => `${s}---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: manual\nspec:\n  capacity: { storage: 20Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  claimRef: { namespace: default, name: data }\n  csi: { driver: ebs.csi.eks.amazonaws.com, volumeHandle: vol-1 }\n`,
        fails: ['added 1'],
      },
      {
        name: 'starting the missing driver (the cluster is not yours)',
        input: (s) => edit(s, ['    running: false\n', '    running: true\n']),
        fails: ['keep StorageScenario/cluster spec'],
      },
    ],
  },
  {
    id: 'challenge-zone-maintenance',
    startFails: ['pods[name=db-0].status == Running'],
    wrong: [
      {
        name: 'podManagementPolicy: Parallel (ordering is not the problem)',
        input: (s) => edit(s, ['  serviceName: db\n', '  serviceName: db\n  podManagementPolicy: Parallel\n']),
        fails: ['pods[name=db-0].status == Running'],
      },
      {
        name: 'Immediate binding (the driver still picks a zone)',
        input: (s) => edit(s, ['volumeBindingMode: WaitForFirstConsumer', 'volumeBindingMode: Immediate']),
        fails: ['pods[name=db-0].status == Running'],
      },
      {
        name: 'a new node in zone-b',
        input: (s) => `${s}---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-e\n  labels: { kubernetes.io/hostname: node-e, topology.kubernetes.io/zone: zone-b }\nstatus:\n  conditions: [{ type: Ready, status: "True" }]\n`,
        fails: ['pods[name=db-0].status == Running'],
      },
      {
        name: 'relabelling node-b into zone-a',
        input: (s) => edit(s, ['{ kubernetes.io/hostname: node-b, topology.kubernetes.io/zone: zone-b }', '{ kubernetes.io/hostname: node-b, topology.kubernetes.io/zone: zone-a }']),
        fails: ['keep Node/node-b metadata.labels'],
      },
    ],
  },
];

checkChallengeCases('storage troubleshooting challenges: start, solution and wrong fixes, through the engine', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));
