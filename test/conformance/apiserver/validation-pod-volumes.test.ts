// Volume validation against upstream's TestValidateVolumes
// (pkg/apis/core/validation/validation_test.go). Upstream calls
// ValidateVolumes([]core.Volume{vol}, nil, field.NewPath("field"), opts) and
// checks the number of errors, each type, that the field equals or ends with
// "."+field, and that the detail contains the expected text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorString, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import type { PodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';
import { validateFlexVolumeSource } from '../../../simulations/apiserver/validation/core/in-tree-volume-sources.ts';
import { pathsByName, validateVolumeDevices, validateVolumeMounts } from '../../../simulations/apiserver/validation/core/volume-mounts.ts';
import { validateVolumes } from '../../../simulations/apiserver/validation/core/volumes.ts';
import { UPSTREAM, ZERO_OPTS } from './validation-pod-fixtures.ts';

interface VErr {
  type: ErrorType;
  field: string;
  detail?: string;
}
interface VolumeCase {
  name: string;
  vol: JsonObject;
  errs?: VErr[];
  opts?: PodValidationOptions;
}

const v = (name: string, source: JsonObject): JsonObject => ({ name, ...source });
const R = (field: string, detail?: string): VErr => ({ type: 'FieldValueRequired', field, detail });
const I = (field: string, detail?: string): VErr => ({ type: 'FieldValueInvalid', field, detail });
const F = (field: string, detail?: string): VErr => ({ type: 'FieldValueForbidden', field, detail });
const NS = (field: string): VErr => ({ type: 'FieldValueNotSupported', field });
/** dnsLabelErrMsg in validation_test.go */
const DNS_LABEL_ERR_MSG = "a lowercase RFC 1123 label must consist of";

const iscsi = (extra: JsonObject): JsonObject => ({ iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, fsType: 'ext4', readOnly: false, ...extra } });
const labels = (path: string, extra: JsonObject = {}): JsonObject => ({ path, fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' }, ...extra });
const resourceRef = (path: string, resource: string): JsonObject => ({ path, resourceFieldRef: { containerName: 'test-container', resource } });
const fieldRef = (path: string, fieldPath: string): JsonObject => ({ path, fieldRef: { apiVersion: 'v1', fieldPath } });
const quobyte = (extra: JsonObject): JsonObject => ({ quobyte: extra });
const scaleIO = (extra: JsonObject): JsonObject => ({ scaleIO: { gateway: 'http://abcd/efg', system: 'test-system', volumeName: 'test-vol-1', ...extra } });

const cases: VolumeCase[] = [
  // EmptyDir and basic volume names
  { name: 'valid alpha name', vol: v('empty', { emptyDir: {} }) },
  { name: 'valid num name', vol: v('123', { emptyDir: {} }) },
  { name: 'valid alphanum name', vol: v('empty-123', { emptyDir: {} }) },
  { name: 'valid numalpha name', vol: v('123-empty', { emptyDir: {} }) },
  { name: 'zero-length name', vol: v('', { emptyDir: {} }), errs: [R('name')] },
  { name: 'name > 63 characters', vol: v('a'.repeat(64), { emptyDir: {} }), errs: [I('name', 'must be no more than')] },
  { name: 'name has dots', vol: v('a.b.c', { emptyDir: {} }), errs: [I('name', 'must not contain dots')] },
  { name: 'name not a DNS label', vol: v('Not a DNS label!', { emptyDir: {} }), errs: [I('name', DNS_LABEL_ERR_MSG)] },
  // More than one source field specified.
  { name: 'more than one source', vol: v('dups', { emptyDir: {}, hostPath: { path: '/mnt/path', type: 'Directory' } }), errs: [F('hostPath', 'may not specify more than 1 volume')] },
  // HostPath
  { name: 'default HostPath', vol: v('hostpath', { hostPath: { path: '/mnt/path', type: 'Directory' } }) },
  { name: 'valid HostPath', vol: v('hostpath', { hostPath: { path: '/mnt/path', type: 'Socket' } }) },
  { name: 'invalid HostPath', vol: v('hostpath', { hostPath: { path: '/mnt/path', type: 'invalid' } }), errs: [NS('type')] },
  { name: 'invalid HostPath backsteps', vol: v('hostpath', { hostPath: { path: '/mnt/path/..', type: 'Directory' } }), errs: [I('path', "must not contain '..'")] },
  // GcePersistentDisk, AWSElasticBlockStore
  { name: 'valid GcePersistentDisk', vol: v('gce-pd', { gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }) },
  { name: 'valid AWSElasticBlockStore', vol: v('aws-ebs', { awsElasticBlockStore: { volumeID: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }) },
  // GitRepo
  { name: 'valid GitRepo', vol: v('git-repo', { gitRepo: { repository: 'my-repo', revision: 'hashstring', directory: 'target' } }) },
  { name: 'valid GitRepo in .', vol: v('git-repo-dot', { gitRepo: { repository: 'my-repo', directory: '.' } }) },
  { name: 'valid GitRepo with .. in name', vol: v('git-repo-dot-dot-foo', { gitRepo: { repository: 'my-repo', directory: '..foo' } }) },
  { name: 'GitRepo starts with ../', vol: v('gitrepo', { gitRepo: { repository: 'foo', directory: '../dots/bar' } }), errs: [I('gitRepo.directory', "must not contain '..'")] },
  { name: 'GitRepo contains ..', vol: v('gitrepo', { gitRepo: { repository: 'foo', directory: 'dots/../bar' } }), errs: [I('gitRepo.directory', "must not contain '..'")] },
  { name: 'GitRepo absolute target', vol: v('gitrepo', { gitRepo: { repository: 'foo', directory: '/abstarget' } }), errs: [I('gitRepo.directory')] },
  // ISCSI
  { name: 'valid ISCSI', vol: v('iscsi', iscsi({})) },
  { name: 'valid IQN: eui format', vol: v('iscsi', iscsi({ iqn: 'eui.0123456789ABCDEF' })) },
  { name: 'valid IQN: naa format', vol: v('iscsi', iscsi({ iqn: 'naa.62004567BA64678D0123456789ABCDEF' })) },
  { name: 'empty portal', vol: v('iscsi', iscsi({ targetPortal: '' })), errs: [R('iscsi.targetPortal')] },
  { name: 'empty iqn', vol: v('iscsi', iscsi({ iqn: '' })), errs: [R('iscsi.iqn')] },
  { name: 'invalid IQN: iqn format', vol: v('iscsi', iscsi({ iqn: 'iqn.2015-02.example.com:test;ls;' })), errs: [I('iscsi.iqn')] },
  { name: 'invalid IQN: eui format', vol: v('iscsi', iscsi({ iqn: 'eui.0123456789ABCDEFGHIJ' })), errs: [I('iscsi.iqn')] },
  { name: 'invalid IQN: naa format', vol: v('iscsi', iscsi({ iqn: 'naa.62004567BA_4-78D.123456789ABCDEF' })), errs: [I('iscsi.iqn')] },
  { name: 'valid initiatorName', vol: v('iscsi', iscsi({ initiatorName: 'iqn.2015-02.example.com:init' })) },
  { name: 'invalid initiatorName', vol: v('iscsi', iscsi({ initiatorName: '2015-02.example.com:init' })), errs: [I('iscsi.initiatorname')] },
  { name: 'empty secret (discoveryCHAPAuth)', vol: v('iscsi', iscsi({ chapAuthDiscovery: true })), errs: [R('iscsi.secretRef')] },
  { name: 'empty secret (sessionCHAPAuth)', vol: v('iscsi', iscsi({ chapAuthSession: true })), errs: [R('iscsi.secretRef')] },
  // Secret
  { name: 'valid Secret', vol: v('secret', { secret: { secretName: 'my-secret' } }) },
  { name: 'valid Secret with defaultMode', vol: v('secret', { secret: { secretName: 'my-secret', defaultMode: 0o644 } }) },
  { name: 'valid Secret with projection and mode', vol: v('secret', { secret: { secretName: 'my-secret', items: [{ key: 'key', path: 'filename', mode: 0o644 }] } }) },
  { name: 'valid Secret with subdir projection', vol: v('secret', { secret: { secretName: 'my-secret', items: [{ key: 'key', path: 'dir/filename' }] } }) },
  { name: 'secret with missing path', vol: v('secret', { secret: { secretName: 's', items: [{ key: 'key', path: '' }] } }), errs: [R('secret.items[0].path')] },
  { name: 'secret with leading ..', vol: v('secret', { secret: { secretName: 's', items: [{ key: 'key', path: '../foo' }] } }), errs: [I('secret.items[0].path')] },
  { name: 'secret with .. inside', vol: v('secret', { secret: { secretName: 's', items: [{ key: 'key', path: 'foo/../bar' }] } }), errs: [I('secret.items[0].path')] },
  { name: 'secret with invalid positive defaultMode', vol: v('secret', { secret: { secretName: 's', defaultMode: 0o1000 } }), errs: [I('secret.defaultMode')] },
  { name: 'secret with invalid negative defaultMode', vol: v('secret', { secret: { secretName: 's', defaultMode: -1 } }), errs: [I('secret.defaultMode')] },
  // ConfigMap
  { name: 'valid ConfigMap', vol: v('cfgmap', { configMap: { name: 'my-cfgmap' } }) },
  { name: 'valid ConfigMap with defaultMode', vol: v('cfgmap', { configMap: { name: 'my-cfgmap', defaultMode: 0o644 } }) },
  { name: 'valid ConfigMap with projection and mode', vol: v('cfgmap', { configMap: { name: 'my-cfgmap', items: [{ key: 'key', path: 'filename', mode: 0o644 }] } }) },
  { name: 'valid ConfigMap with subdir projection', vol: v('cfgmap', { configMap: { name: 'my-cfgmap', items: [{ key: 'key', path: 'dir/filename' }] } }) },
  { name: 'configmap with missing path', vol: v('cfgmap', { configMap: { name: 'c', items: [{ key: 'key', path: '' }] } }), errs: [R('configMap.items[0].path')] },
  { name: 'configmap with leading ..', vol: v('cfgmap', { configMap: { name: 'c', items: [{ key: 'key', path: '../foo' }] } }), errs: [I('configMap.items[0].path')] },
  { name: 'configmap with .. inside', vol: v('cfgmap', { configMap: { name: 'c', items: [{ key: 'key', path: 'foo/../bar' }] } }), errs: [I('configMap.items[0].path')] },
  { name: 'configmap with invalid positive defaultMode', vol: v('cfgmap', { configMap: { name: 'c', defaultMode: 0o1000 } }), errs: [I('configMap.defaultMode')] },
  { name: 'configmap with invalid negative defaultMode', vol: v('cfgmap', { configMap: { name: 'c', defaultMode: -1 } }), errs: [I('configMap.defaultMode')] },
  // Glusterfs
  { name: 'valid Glusterfs', vol: v('glusterfs', { glusterfs: { endpoints: 'host1', path: 'path', readOnly: false } }) },
  { name: 'empty hosts', vol: v('glusterfs', { glusterfs: { endpoints: '', path: 'path', readOnly: false } }), errs: [R('glusterfs.endpoints')] },
  { name: 'empty path', vol: v('glusterfs', { glusterfs: { endpoints: 'host', path: '', readOnly: false } }), errs: [R('glusterfs.path')] },
  // Flocker
  { name: 'valid Flocker -- datasetUUID', vol: v('flocker', { flocker: { datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } }) },
  { name: 'valid Flocker -- datasetName', vol: v('flocker', { flocker: { datasetName: 'datasetName' } }) },
  { name: 'both empty', vol: v('flocker', { flocker: { datasetName: '' } }), errs: [R('flocker')] },
  { name: 'both specified', vol: v('flocker', { flocker: { datasetName: 'datasetName', datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } }), errs: [I('flocker')] },
  { name: 'slash in flocker datasetName', vol: v('flocker', { flocker: { datasetName: 'foo/bar' } }), errs: [I('flocker.datasetName', "must not contain '/'")] },
  // RBD
  { name: 'valid RBD', vol: v('rbd', { rbd: { monitors: ['foo'], image: 'bar', fsType: 'ext4' } }) },
  { name: 'empty rbd monitors', vol: v('rbd', { rbd: { monitors: [], image: 'bar', fsType: 'ext4' } }), errs: [R('rbd.monitors')] },
  { name: 'empty image', vol: v('rbd', { rbd: { monitors: ['foo'], image: '', fsType: 'ext4' } }), errs: [R('rbd.image')] },
  // Cinder, CephFS
  { name: 'valid Cinder', vol: v('cinder', { cinder: { volumeID: '29ea5088-4f60-4757-962e-dba678767887', fsType: 'ext4', readOnly: false } }) },
  { name: 'valid CephFS', vol: v('cephfs', { cephfs: { monitors: ['foo'] } }) },
  { name: 'empty cephfs monitors', vol: v('cephfs', { cephfs: { monitors: [] } }), errs: [R('cephfs.monitors')] },
  // DownwardAPI (items are reported at downwardAPI.<field>, without the item index, as upstream does)
  {
    name: 'valid DownwardAPI',
    vol: v('downwardapi', {
      downwardAPI: {
        items: [
          fieldRef('labels', 'metadata.labels'),
          fieldRef('labels with subscript', "metadata.labels['key']"),
          fieldRef('labels with complex subscript', "metadata.labels['test.example.com/key']"),
          fieldRef('annotations', 'metadata.annotations'),
          fieldRef('annotations with subscript', "metadata.annotations['key']"),
          fieldRef('annotations with complex subscript', "metadata.annotations['TEST.EXAMPLE.COM/key']"),
          fieldRef('namespace', 'metadata.namespace'),
          fieldRef('name', 'metadata.name'),
          labels('path/with/subdirs'),
          labels('path/./withdot'),
          labels('path/with/embedded..dotdot'),
          labels('path/with/leading/..dotdot'),
          resourceRef('cpu_limit', 'limits.cpu'),
          resourceRef('cpu_request', 'requests.cpu'),
          resourceRef('memory_limit', 'limits.memory'),
          resourceRef('memory_request', 'requests.memory'),
        ],
      },
    }),
  },
  { name: 'hugepages-downwardAPI-enabled', vol: v('downwardapi', { downwardAPI: { items: [resourceRef('hugepages_request', 'requests.hugepages-2Mi'), resourceRef('hugepages_limit', 'limits.hugepages-2Mi')] } }) },
  { name: 'downapi valid defaultMode', vol: v('downapi', { downwardAPI: { defaultMode: 0o644 } }) },
  { name: 'downapi valid item mode', vol: v('downapi', { downwardAPI: { items: [labels('path', { mode: 0o644 })] } }) },
  { name: 'downapi invalid positive item mode', vol: v('downapi', { downwardAPI: { items: [labels('path', { mode: 0o1000 })] } }), errs: [I('downwardAPI.mode')] },
  { name: 'downapi invalid negative item mode', vol: v('downapi', { downwardAPI: { items: [labels('path', { mode: -1 })] } }), errs: [I('downwardAPI.mode')] },
  { name: 'downapi empty metatada path', vol: v('downapi', { downwardAPI: { items: [labels('')] } }), errs: [R('downwardAPI.path')] },
  { name: 'downapi absolute path', vol: v('downapi', { downwardAPI: { items: [labels('/absolutepath')] } }), errs: [I('downwardAPI.path')] },
  { name: 'downapi dot dot path', vol: v('downapi', { downwardAPI: { items: [labels('../../passwd')] } }), errs: [I('downwardAPI.path', "must not contain '..'")] },
  { name: 'downapi dot dot file name', vol: v('downapi', { downwardAPI: { items: [labels('..badFileName')] } }), errs: [I('downwardAPI.path', "must not start with '..'")] },
  { name: 'downapi dot dot first level dirent', vol: v('downapi', { downwardAPI: { items: [labels('..badDirName/goodFileName')] } }), errs: [I('downwardAPI.path', "must not start with '..'")] },
  {
    name: 'downapi fieldRef and ResourceFieldRef together',
    vol: v('downapi', { downwardAPI: { items: [labels('test', { resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' } })] } }),
    errs: [I('downwardAPI', 'fieldRef and resourceFieldRef can not be specified simultaneously')],
  },
  { name: 'downapi invalid positive defaultMode', vol: v('downapi', { downwardAPI: { defaultMode: 0o1000 } }), errs: [I('downwardAPI.defaultMode')] },
  { name: 'downapi invalid negative defaultMode', vol: v('downapi', { downwardAPI: { defaultMode: -1 } }), errs: [I('downwardAPI.defaultMode')] },
  // FC
  { name: 'FC valid targetWWNs and lun', vol: v('fc', { fc: { targetWWNs: ['some_wwn'], lun: 1, fsType: 'ext4', readOnly: false } }) },
  { name: 'FC valid wwids', vol: v('fc', { fc: { wwids: ['some_wwid'], fsType: 'ext4', readOnly: false } }) },
  { name: 'FC empty targetWWNs and wwids', vol: v('fc', { fc: { targetWWNs: [], lun: 1, wwids: [], fsType: 'ext4', readOnly: false } }), errs: [R('fc.targetWWNs', 'must specify either targetWWNs or wwids')] },
  {
    name: 'FC invalid: both targetWWNs and wwids simultaneously',
    vol: v('fc', { fc: { targetWWNs: ['some_wwn'], lun: 1, wwids: ['some_wwid'], fsType: 'ext4', readOnly: false } }),
    errs: [I('fc.targetWWNs', 'targetWWNs and wwids can not be specified simultaneously')],
  },
  { name: 'FC valid targetWWNs and empty lun', vol: v('fc', { fc: { targetWWNs: ['wwn'], fsType: 'ext4', readOnly: false } }), errs: [R('fc.lun', 'lun is required if targetWWNs is specified')] },
  { name: 'FC valid targetWWNs and invalid lun', vol: v('fc', { fc: { targetWWNs: ['wwn'], lun: 256, fsType: 'ext4', readOnly: false } }), errs: [I('fc.lun', 'must be between 0 and 255, inclusive')] },
  // FlexVolume, AzureFile
  { name: 'valid FlexVolume', vol: v('flex-volume', { flexVolume: { driver: 'kubernetes.io/blue', fsType: 'ext4' } }) },
  { name: 'valid AzureFile', vol: v('azure-file', { azureFile: { secretName: 'key', shareName: 'share', readOnly: false } }) },
  { name: 'AzureFile empty secret', vol: v('azure-file', { azureFile: { secretName: '', shareName: 'share', readOnly: false } }), errs: [R('azureFile.secretName')] },
  { name: 'AzureFile empty share', vol: v('azure-file', { azureFile: { secretName: 'name', shareName: '', readOnly: false } }), errs: [R('azureFile.shareName')] },
  // Quobyte
  { name: 'valid Quobyte', vol: v('quobyte', quobyte({ registry: 'registry:7861', volume: 'volume', readOnly: false, user: 'root', group: 'root', tenant: 'ThisIsSomeTenantUUID' })) },
  { name: 'empty registry quobyte', vol: v('quobyte', quobyte({ volume: '/test', tenant: 'ThisIsSomeTenantUUID' })), errs: [R('quobyte.registry')] },
  { name: 'wrong format registry quobyte', vol: v('quobyte', quobyte({ registry: 'registry7861', volume: '/test', tenant: 'ThisIsSomeTenantUUID' })), errs: [I('quobyte.registry')] },
  { name: 'wrong format multiple registries quobyte', vol: v('quobyte', quobyte({ registry: 'registry:7861,reg2', volume: '/test', tenant: 'ThisIsSomeTenantUUID' })), errs: [I('quobyte.registry')] },
  { name: 'empty volume quobyte', vol: v('quobyte', quobyte({ registry: 'registry:7861', tenant: 'ThisIsSomeTenantUUID' })), errs: [R('quobyte.volume')] },
  { name: 'empty tenant quobyte', vol: v('quobyte', quobyte({ registry: 'registry:7861', volume: '/test', tenant: '' })) },
  {
    name: 'too long tenant quobyte',
    vol: v('quobyte', quobyte({ registry: 'registry:7861', volume: '/test', tenant: 'this is too long to be a valid uuid so this test has to fail on the maximum length validation of the tenant.' })),
    errs: [R('quobyte.tenant')],
  },
  // AzureDisk
  { name: 'valid AzureDisk', vol: v('azure-disk', { azureDisk: { diskName: 'foo', diskURI: 'https://blob/vhds/bar.vhd' } }) },
  { name: 'AzureDisk empty disk name', vol: v('azure-disk', { azureDisk: { diskName: '', diskURI: 'https://blob/vhds/bar.vhd' } }), errs: [R('azureDisk.diskName')] },
  { name: 'AzureDisk empty disk uri', vol: v('azure-disk', { azureDisk: { diskName: 'foo', diskURI: '' } }), errs: [R('azureDisk.diskURI')] },
  // ScaleIO
  { name: 'valid scaleio volume', vol: v('scaleio-volume', scaleIO({})) },
  { name: 'ScaleIO with empty name', vol: v('scaleio-volume', scaleIO({ volumeName: '' })), errs: [R('scaleIO.volumeName')] },
  { name: 'ScaleIO with empty gateway', vol: v('scaleio-volume', scaleIO({ gateway: '' })), errs: [R('scaleIO.gateway')] },
  { name: 'ScaleIO with empty system', vol: v('scaleio-volume', scaleIO({ gateway: 'http://agc/efg/gateway', system: '' })), errs: [R('scaleIO.system')] },
  // ProjectedVolumeSource
  {
    name: 'ProjectedVolumeSource more than one projection in a source',
    vol: v('projected-volume', { projected: { sources: [{ secret: { name: 'foo' } }, { secret: { name: 'foo' }, downwardAPI: {} }] } }),
    errs: [F('projected.sources[1]')],
  },
  {
    name: 'ProjectedVolumeSource more than one projection in a source (unnamed secrets)',
    vol: v('projected-volume', { projected: { sources: [{ secret: {} }, { secret: {}, downwardAPI: {} }] } }),
    errs: [R('projected.sources[0].secret.name'), R('projected.sources[1].secret.name'), F('projected.sources[1]')],
  },
  // ImageVolumeSource
  { name: 'valid image volume on pod', vol: v('image-volume', { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } }) },
  { name: 'no volume source', vol: v('volume', {}), errs: [R('field[0]', 'must specify a volume type')] },
  { name: 'image volume with empty name', vol: v('', { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } }), errs: [R('name')] },
  {
    name: 'image volume with empty reference on pod',
    vol: v('image-volume', { image: { reference: '', pullPolicy: 'IfNotPresent' } }),
    opts: { ...ZERO_OPTS, resourceIsPod: true },
    errs: [R('image.reference')],
  },
  { name: 'image volume with empty reference on other object', vol: v('image-volume', { image: { reference: '', pullPolicy: 'IfNotPresent' } }), opts: { ...ZERO_OPTS, resourceIsPod: false } },
  { name: 'image volume with wrong pullPolicy', vol: v('image-volume', { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'wrong' } }), errs: [NS('image.pullPolicy')] },
];

for (const tc of cases) {
  test(`${UPSTREAM} TestValidateVolumes: ${tc.name}`, () => {
    const { volumes, errors } = validateVolumes([tc.vol], undefined, Path.of('field'), tc.opts ?? ZERO_OPTS);
    const want = tc.errs ?? [];
    assert.equal(errors.length, want.length, errors.map(errorString).join('\n'));
    if (errors.length === 0) assert.deepEqual([...volumes.keys()], [tc.vol.name]);
    errors.forEach((e, i) => {
      assert.equal(e.type, want[i].type, errorString(e));
      assert.ok(e.field === want[i].field || e.field.endsWith(`.${want[i].field}`), `${e.field} should be or end with .${want[i].field}`);
      assert.ok(e.detail.includes(want[i].detail ?? ''), `${e.detail} should contain ${want[i].detail}`);
    });
  });
}

test(`${UPSTREAM} TestValidateVolumes: duplicate volume names`, () => {
  const { errors } = validateVolumes([v('abc', { emptyDir: {} }), v('abc', { emptyDir: {} })], undefined, Path.of('field'), ZERO_OPTS);
  assert.deepEqual(
    errors.map((e) => e.type),
    ['FieldValueDuplicate'],
  );
});

test(`${UPSTREAM} TestValidateVolumes: HugePages medium for emptyDir`, () => {
  const { errors } = validateVolumes([v('working', { emptyDir: { medium: 'HugePages' } })], undefined, Path.of('field'), ZERO_OPTS);
  assert.deepEqual(errors.map(errorString), []);
});

// ---- TestValidateFlexVolumeSource: upstream passes a nil path, so fields are "driver" and "options[...]" ----

const flexCases: [string, JsonObject, Record<string, string>][] = [
  ['valid', { driver: 'foo' }, {}],
  ['valid with options', { driver: 'foo', options: { foo: 'bar' } }, {}],
  ['no driver', { driver: '' }, { driver: 'Required value' }],
  [
    'reserved option keys',
    {
      driver: 'foo',
      options: Object.fromEntries(
        [
          'myns.io', 'myns.io/bar', 'myns.io/kubernetes.io',
          'KUBERNETES.IO', 'kubernetes.io', 'kubernetes.io/', 'kubernetes.io/foo',
          'alpha.kubernetes.io', 'alpha.kubernetes.io/', 'alpha.kubernetes.io/foo',
          'k8s.io', 'k8s.io/', 'k8s.io/foo',
          'alpha.k8s.io', 'alpha.k8s.io/', 'alpha.k8s.io/foo',
        ].map((k) => [k, 'A']),
      ),
    },
    Object.fromEntries(
      [
        'KUBERNETES.IO', 'kubernetes.io', 'kubernetes.io/', 'kubernetes.io/foo',
        'alpha.kubernetes.io', 'alpha.kubernetes.io/', 'alpha.kubernetes.io/foo',
        'k8s.io', 'k8s.io/', 'k8s.io/foo',
        'alpha.k8s.io', 'alpha.k8s.io/', 'alpha.k8s.io/foo',
      ].map((k) => [`options[${k}]`, 'reserved']),
    ),
  ],
];
for (const [name, source, expected] of flexCases) {
  test(`${UPSTREAM} TestValidateFlexVolumeSource: ${name}`, () => {
    const errs = validateFlexVolumeSource(source, Path.ROOT);
    for (const e of errs) {
      assert.ok(e.field in expected, `unexpected error on ${e.field}: ${errorString(e)}`);
      assert.ok(errorString(e).includes(expected[e.field]), errorString(e));
    }
    assert.equal(errs.length, Object.keys(expected).length);
  });
}

// ---- TestValidateVolumeMounts, TestValidateSubpathMutuallyExclusive,
// TestValidateDisabledSubpathExpr, TestValidateMountPropagation and
// TestAlphaValidateVolumeDevices: upstream checks only success or failure. ----

const ephemeralVolume = {
  name: 'ephemeral',
  ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } } },
};
const mountVolumes = (): JsonObject[] => [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: '123', hostPath: { path: '/foo/baz', type: '' } },
  ephemeralVolume,
  { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
];
const validVolumes = (vols: JsonObject[]) => {
  const { volumes, errors } = validateVolumes(vols, undefined, Path.of('field'), ZERO_OPTS);
  assert.deepEqual(errors.map(errorString), [], 'test volumes must be valid');
  return volumes;
};
const goodVolumeDevices = pathsByName([{ name: 'xyz', devicePath: '/foofoo' }, { name: 'uvw', devicePath: '/foofoo/share/test' }], 'devicePath');

test(`${UPSTREAM} TestValidateVolumeMounts: success`, () => {
  const successCase: JsonObject[] = [
    { name: 'abc', mountPath: '/foo' },
    { name: '123', mountPath: '/bar' },
    { name: 'abc-123', mountPath: '/baz' },
    { name: 'abc-123', mountPath: '/baa', subPath: '' },
    { name: 'abc-123', mountPath: '/bab', subPath: 'baz' },
    { name: 'abc-123', mountPath: 'd:', subPath: '' },
    { name: 'abc-123', mountPath: 'F:', subPath: '' },
    { name: 'abc-123', mountPath: 'G:\\mount', subPath: '' },
    { name: 'abc-123', mountPath: '/bac', subPath: '.baz' },
    { name: 'abc-123', mountPath: '/bad', subPath: '..baz' },
    { name: 'ephemeral', mountPath: '/foobar' },
    { name: '123', mountPath: '/rro-nil', readOnly: true },
    { name: '123', mountPath: '/rro-disabled', readOnly: true, recursiveReadOnly: 'Disabled' },
    { name: '123', mountPath: '/rro-disabled-2', readOnly: false, recursiveReadOnly: 'Disabled' },
    { name: '123', mountPath: '/rro-ifpossible', readOnly: true, recursiveReadOnly: 'IfPossible' },
    { name: '123', mountPath: '/rro-enabled', readOnly: true, recursiveReadOnly: 'Enabled' },
    { name: '123', mountPath: '/rro-enabled-2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'None' },
    { name: 'image-volume', mountPath: '/image-volume' },
  ];
  assert.deepEqual(validateVolumeMounts(successCase, goodVolumeDevices, validVolumes(mountVolumes()), {}, Path.of('field')).map(errorString), []);
});

const mountErrorCases: [string, JsonObject[]][] = [
  ['empty name', [{ name: '', mountPath: '/foo' }]],
  ['name not found', [{ name: '', mountPath: '/foo' }]],
  ['empty mountpath', [{ name: 'abc', mountPath: '' }]],
  ['mountpath collision', [{ name: 'foo', mountPath: '/path/a' }, { name: 'bar', mountPath: '/path/a' }]],
  ['absolute subpath', [{ name: 'abc', mountPath: '/bar', subPath: '/baz' }]],
  ['subpath in ..', [{ name: 'abc', mountPath: '/bar', subPath: '../baz' }]],
  ['subpath contains ..', [{ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }]],
  ['subpath ends in ..', [{ name: 'abc', mountPath: '/bar', subPath: './..' }]],
  ['disabled MountPropagation feature gate', [{ name: 'abc', mountPath: '/bar', mountPropagation: 'Bidirectional' }]],
  ['name exists in volumeDevice', [{ name: 'xyz', mountPath: '/bar' }]],
  ['mountpath exists in volumeDevice', [{ name: 'uvw', mountPath: '/mnt/exists' }]],
  ['both exist in volumeDevice', [{ name: 'xyz', mountPath: '/mnt/exists' }]],
  ['rro but not ro', [{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'Enabled' }]],
  ['rro with incompatible propagation', [{ name: '123', mountPath: '/rro-bad2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' }]],
  ['rro-if-possible but not ro', [{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'IfPossible' }]],
  ['subPath not allowed for image volume sources', [{ name: 'image-volume', mountPath: '/image-volume-err-1', subPath: '/foo' }]],
  ['subPathExpr not allowed for image volume sources', [{ name: 'image-volume', mountPath: '/image-volume-err-2', subPathExpr: '$(POD_NAME)' }]],
];
for (const [name, mounts] of mountErrorCases) {
  test(`${UPSTREAM} TestValidateVolumeMounts: ${name}`, () => {
    const badVolumeDevice = pathsByName([{ name: 'xyz', devicePath: '/mnt/exists' }], 'devicePath');
    assert.ok(validateVolumeMounts(mounts, badVolumeDevice, validVolumes(mountVolumes()), {}, Path.of('field')).length > 0);
  });
}

const threeVolumes = (): JsonObject[] => mountVolumes().slice(0, 3);
const subPathCases: [string, string, JsonObject, boolean][] = [
  ['TestValidateSubpathMutuallyExclusive', 'subpath and subpathexpr not specified', { name: 'abc-123', mountPath: '/bab' }, false],
  ['TestValidateSubpathMutuallyExclusive', 'subpath expr specified', { name: 'abc-123', mountPath: '/bab', subPathExpr: '$(POD_NAME)' }, false],
  ['TestValidateSubpathMutuallyExclusive', 'subpath specified', { name: 'abc-123', mountPath: '/bab', subPath: 'baz' }, false],
  ['TestValidateSubpathMutuallyExclusive', 'subpath and subpathexpr specified', { name: 'abc-123', mountPath: '/bab', subPath: 'baz', subPathExpr: '$(POD_NAME)' }, true],
  ['TestValidateDisabledSubpathExpr', 'subpath expr not specified', { name: 'abc-123', mountPath: '/bab' }, false],
  ['TestValidateDisabledSubpathExpr', 'subpath expr specified', { name: 'abc-123', mountPath: '/bab', subPathExpr: '$(POD_NAME)' }, false],
];
for (const [fn, name, mount, expectError] of subPathCases) {
  test(`${UPSTREAM} ${fn}: ${name}`, () => {
    const errs = validateVolumeMounts([mount], goodVolumeDevices, validVolumes(threeVolumes()), {}, Path.of('field'));
    if (expectError) assert.ok(errs.length > 0);
    else assert.deepEqual(errs.map(errorString), []);
  });
}

const privileged = { securityContext: { privileged: true } };
const nonPrivileged = { securityContext: { privileged: false } };
const propagationCases: [string, JsonObject, JsonObject | undefined, boolean][] = [
  ['implicitly non-privileged container + no propagation', { name: 'foo', mountPath: '/foo' }, {}, false],
  ['implicitly non-privileged container + HostToContainer', { name: 'foo', mountPath: '/foo', mountPropagation: 'HostToContainer' }, {}, false],
  ['non-privileged container + None', { name: 'foo', mountPath: '/foo', mountPropagation: 'None' }, {}, false],
  ['error: implicitly non-privileged container + Bidirectional', { name: 'foo', mountPath: '/foo', mountPropagation: 'Bidirectional' }, {}, true],
  ['explicitly non-privileged container + no propagation', { name: 'foo', mountPath: '/foo' }, nonPrivileged, false],
  ['explicitly non-privileged container + HostToContainer', { name: 'foo', mountPath: '/foo', mountPropagation: 'HostToContainer' }, nonPrivileged, false],
  ['explicitly non-privileged container + Bidirectional', { name: 'foo', mountPath: '/foo', mountPropagation: 'Bidirectional' }, nonPrivileged, true],
  ['privileged container + no propagation', { name: 'foo', mountPath: '/foo' }, privileged, false],
  ['privileged container + HostToContainer', { name: 'foo', mountPath: '/foo', mountPropagation: 'HostToContainer' }, privileged, false],
  ['privileged container + Bidirectional', { name: 'foo', mountPath: '/foo', mountPropagation: 'Bidirectional' }, privileged, false],
  ['error: privileged container + invalid mount propagation', { name: 'foo', mountPath: '/foo', mountPropagation: 'invalid' }, privileged, true],
  ['no container + Bidirectional', { name: 'foo', mountPath: '/foo', mountPropagation: 'Bidirectional' }, undefined, false],
];
for (const [name, mount, container, expectError] of propagationCases) {
  test(`${UPSTREAM} TestValidateMountPropagation: ${name}`, () => {
    const vols = validVolumes([{ name: 'foo', hostPath: { path: '/foo/baz', type: '' } }]);
    const errs = validateVolumeMounts([mount], new Map(), vols, container, Path.of('field'));
    if (expectError) assert.ok(errs.length > 0);
    else assert.deepEqual(errs.map(errorString), []);
  });
}

const deviceVolumes = (): JsonObject[] => [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: 'def', hostPath: { path: '/foo/baz', type: '' } },
  ephemeralVolume,
];
test(`${UPSTREAM} TestAlphaValidateVolumeDevices: success`, () => {
  const goodVolumeMounts = pathsByName([{ name: 'xyz', mountPath: '/foofoo' }, { name: 'ghi', mountPath: '/foo/usr/share/test' }], 'mountPath');
  const successCase: JsonObject[] = [
    { name: 'abc', devicePath: '/foo' },
    { name: 'abc-123', devicePath: '/usr/share/test' },
    { name: 'ephemeral', devicePath: '/disk' },
  ];
  assert.deepEqual(validateVolumeDevices(successCase, goodVolumeMounts, validVolumes(deviceVolumes()), Path.of('field')).map(errorString), []);
});
const deviceErrorCases: [string, JsonObject[]][] = [
  ['empty name', [{ name: '', devicePath: '/foo' }]],
  ['duplicate name', [{ name: 'abc', devicePath: '/foo' }, { name: 'abc', devicePath: '/foo/bar' }]],
  ['name not found', [{ name: 'not-found', devicePath: '/usr/share/test' }]],
  ['name found but invalid source', [{ name: 'def', devicePath: '/usr/share/test' }]],
  ['empty devicepath', [{ name: 'abc', devicePath: '' }]],
  ['relative devicepath', [{ name: 'abc-123', devicePath: 'baz' }]],
  ['duplicate devicepath', [{ name: 'abc', devicePath: '/foo' }, { name: 'abc-123', devicePath: '/foo' }]],
  ['no backsteps', [{ name: 'def', devicePath: '/baz/../' }]],
  ['name exists in volumemounts', [{ name: 'abc', devicePath: '/baz/../' }]],
  ['path exists in volumemounts', [{ name: 'xyz', devicePath: '/this/path/exists' }]],
  ['both exist in volumemounts', [{ name: 'abc', devicePath: '/this/path/exists' }]],
];
for (const [name, devices] of deviceErrorCases) {
  test(`${UPSTREAM} TestAlphaValidateVolumeDevices: ${name}`, () => {
    const badVolumeMounts = pathsByName([{ name: 'abc', mountPath: '/foo' }, { name: 'abc-123', mountPath: '/this/path/exists' }], 'mountPath');
    assert.ok(validateVolumeDevices(devices, badVolumeMounts, validVolumes(deviceVolumes()), Path.of('field')).length > 0);
  });
}
