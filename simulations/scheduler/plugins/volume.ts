// The volume plugins of the default profile (VolumeRestrictions, EBSLimits, GCEPDLimits,
// NodeVolumeLimits, AzureDiskLimits, VolumeBinding, VolumeZone) need PersistentVolumes,
// StorageClasses and CSI drivers, which this simulator does not model: they pass every Pod.
// src for the real checks: pkg/scheduler/framework/plugins/{volumerestrictions,nodevolumelimits,volumebinding,volumezone}

import type { Plugin } from '../plugin.ts';
import { SKIP } from '../status.ts';

export function volumePlugin(name: string): Plugin {
  return {
    name,
    passesEveryNode: () => true,
    preFilter() {
      return { status: SKIP };
    },
    filter() {
      return null;
    },
  };
}
