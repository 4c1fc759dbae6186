// The switches Pod validation takes, and their values for a new object under
// the v1.36 feature-gate defaults.
// src: pkg/apis/core/validation/validation.go (PodValidationOptions),
// pkg/api/pod/util.go (GetValidationOptionsFromPodSpecAndMeta),
// pkg/features/kube_features.go (defaults)

/** PodValidationOptions */
export interface PodValidationOptions {
  /** Allow an invalid controller.kubernetes.io/pod-deletion-cost annotation. */
  allowInvalidPodDeletionCost: boolean;
  allowInvalidLabelValueInSelector: boolean;
  allowIndivisibleHugePagesValues: boolean;
  allowInvalidTopologySpreadConstraintLabelSelector: boolean;
  allowNonLocalProjectedTokenPath: boolean;
  allowNamespacedSysctlsForHostNetAndHostIPC: boolean;
  /** The object validated is a Pod, not a PodSpec inside a template. */
  resourceIsPod: boolean;
  allowRelaxedEnvironmentVariableValidation: boolean;
  allowRelaxedDNSSearchValidation: boolean;
  allowPodLifecycleSleepActionZeroValue: boolean;
  allowOnlyRecursiveSELinuxChangePolicy: boolean;
  podLevelResourcesEnabled: boolean;
  allowSidecarResizePolicy: boolean;
  allowInvalidLabelValueInRequiredNodeAffinity: boolean;
  /** ContainerRestartRules: restartPolicy/restartPolicyRules on any container. */
  allowContainerRestartPolicyRules: boolean;
  /** RestartAllContainersOnContainerExits: the RestartAllContainers rule action. */
  allowRestartAllContainers: boolean;
}

/**
 * GetValidationOptionsFromPodSpecAndMeta(spec, nil, meta, nil) under the
 * v1.36 gate defaults, as the Pod strategy uses it on create (and, with the
 * stored object, on update; the "old object already used it" relaxations
 * are not modelled, so an update is held to the create rules).
 *
 * Gates that decide a value here (pkg/features/kube_features.go):
 * PodDeletionCost (beta, on), PodLifecycleSleepActionAllowZero (GA),
 * PodLevelResources (beta since 1.34, on), InPlacePodVerticalScaling (GA in 1.35),
 * RelaxedEnvironmentVariableValidation and RelaxedDNSSearchValidation (GA in 1.34),
 * SELinuxMount (beta, off: only the Recursive seLinuxChangePolicy),
 * ContainerRestartRules (beta since 1.35, on), RestartAllContainersOnContainerExits (alpha, off).
 *
 * @example defaultPodValidationOptions({ resourceIsPod: true }).podLevelResourcesEnabled // true
 */
export function defaultPodValidationOptions(overrides: Partial<PodValidationOptions> = {}): PodValidationOptions {
  return {
    allowInvalidPodDeletionCost: false,
    allowInvalidLabelValueInSelector: false,
    allowIndivisibleHugePagesValues: false,
    allowInvalidTopologySpreadConstraintLabelSelector: false,
    allowNonLocalProjectedTokenPath: false,
    allowNamespacedSysctlsForHostNetAndHostIPC: false,
    resourceIsPod: false,
    allowRelaxedEnvironmentVariableValidation: true,
    allowRelaxedDNSSearchValidation: true,
    allowPodLifecycleSleepActionZeroValue: true,
    allowOnlyRecursiveSELinuxChangePolicy: true,
    podLevelResourcesEnabled: true,
    allowSidecarResizePolicy: true,
    allowInvalidLabelValueInRequiredNodeAffinity: false,
    allowContainerRestartPolicyRules: true,
    allowRestartAllContainers: false,
    ...overrides,
  };
}
