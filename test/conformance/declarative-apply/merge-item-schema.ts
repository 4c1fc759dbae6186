// The test structs of upstream's strategicpatch/patch_test.go, written in our
// patch-metadata form. Upstream runs every table against these Go structs
// (PatchMetaFromStruct) and against an equivalent OpenAPI document; the struct
// is what kubectl uses for built-in types when no OpenAPI is served.
//
//   type MergeItem struct {
//     Name                  string               `json:"name,omitempty"`
//     Value                 string               `json:"value,omitempty"`
//     Other                 string               `json:"other,omitempty"`
//     MergingList           []MergeItem          `json:"mergingList,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
//     NonMergingList        []MergeItem          `json:"nonMergingList,omitempty"`
//     MergingIntList        []int                `json:"mergingIntList,omitempty" patchStrategy:"merge"`
//     NonMergingIntList     []int                `json:"nonMergingIntList,omitempty"`
//     MergeItemPtr          *MergeItem           `json:"mergeItemPtr,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
//     SimpleMap             map[string]string    `json:"simpleMap,omitempty"`
//     ReplacingItem         runtime.RawExtension `json:"replacingItem,omitempty" patchStrategy:"replace"`
//     RetainKeysMap         RetainKeysMergeItem  `json:"retainKeysMap,omitempty" patchStrategy:"retainKeys"`
//     RetainKeysMergingList []MergeItem          `json:"retainKeysMergingList,omitempty" patchStrategy:"merge,retainKeys" patchMergeKey:"name"`
//   }
import type { PatchSchema } from '../../../simulations/apimachinery/strategic-merge-patch/patch-meta.ts';

export const mergeItemSchema: PatchSchema = {
  root: 'MergeItem',
  strict: true,
  types: {
    MergeItem: {
      name: { type: 'string' },
      value: { type: 'string' },
      other: { type: 'string' },
      mergingList: { type: '[]MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
      nonMergingList: { type: '[]MergeItem' },
      mergingIntList: { type: '[]int', patchStrategy: 'merge' },
      nonMergingIntList: { type: '[]int' },
      mergeItemPtr: { type: '*MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
      simpleMap: { type: 'map[string]string' },
      replacingItem: { type: 'RawExtension', patchStrategy: 'replace' },
      retainKeysMap: { type: 'RetainKeysMergeItem', patchStrategy: 'retainKeys' },
      retainKeysMergingList: { type: '[]MergeItem', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
    },
    RetainKeysMergeItem: {
      name: { type: 'string' },
      value: { type: 'string' },
      other: { type: 'string' },
      simpleMap: { type: 'map[string]string' },
      mergingIntList: { type: '[]int', patchStrategy: 'merge' },
      mergingList: { type: '[]MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
      nonMergingList: { type: '[]MergeItem' },
    },
    RawExtension: {},
  },
};

// type PrecisionItem struct { Name string; Int32 int32; Int64 int64; Float32 float32; Float64 float64 } (TestNumberConversion)
export const precisionItemSchema: PatchSchema = {
  root: 'PrecisionItem',
  strict: true,
  types: {
    PrecisionItem: {
      name: { type: 'string' },
      int32: { type: 'int32' },
      int64: { type: 'int64' },
      float32: { type: 'float32' },
      float64: { type: 'float64' },
    },
  },
};
