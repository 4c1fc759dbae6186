// The kubelet's image manager: pull policy, pulls, and the image pull back-off.
// src: pkg/kubelet/images/image_manager.go (EnsureImageExists, shouldPullImage);
// pkg/apis/core/v1/defaults.go (SetDefaults_Container: the default pull policy).

import type { TraceStep } from '../shared/engine.ts';
import { goDuration } from '../apimachinery/duration.ts';
import { Backoff, IMAGE_BACKOFF } from './backoff.ts';
import { normalizedImage } from './ids.ts';
import { ErrImageNeverPull, ErrImagePull, EventReason, ImagePullBackOff } from './names.ts';
import type { ContainerRecord } from './runtime.ts';

/** A pause of the pod worker until `untilMs` (or until `until()` holds, whichever comes first). */
export interface Wait {
  untilMs: number;
  until?: () => boolean;
}
/** A step of the pod worker that may wait (pulls, sandbox creation, stopping containers). */
export type Task<T = void> = Generator<Wait, T, void>;

/** The outcome of starting a container (kubelet SyncResult for StartContainer). */
export interface StartResult {
  ok: boolean;
  reason?: string;
  message?: string;
  /** For back-off errors: when the back-off ends (the same sync would repeat until then). */
  retryAtMs?: number;
}

/** What the image manager needs from the kubelet: the clock, the event recorder, the trace. */
export interface ImageContext {
  now(): number;
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  step(title: string, extra?: Omit<TraceStep, 'title' | 'at'>): void;
}

const SOURCE = 'pkg/kubelet/images/image_manager.go EnsureImageExists';

/** One node's image store and pull back-off, as seen by one Pod. */
export class ImageManager {
  /** Images present on the node. */
  readonly images = new Set<string>();
  private readonly backoff = new Backoff(IMAGE_BACKOFF.initialMs, IMAGE_BACKOFF.maxMs);
  private readonly updatedAt = new Map<string, number>();

  constructor(private readonly podUid: string) {}

  /**
   * EnsureImageExists for one container: "already present", ErrImageNeverPull,
   * ImagePullBackOff while in back-off, or a pull that takes the behaviour's time and
   * succeeds or fails (ErrImagePull, and the back-off moves on).
   */
  *ensure(rec: ContainerRecord, fieldPath: string, ctx: ImageContext): Task<StartResult> {
    const image = rec.container.image ?? '';
    const policy = rec.container.imagePullPolicy ?? defaultPullPolicy(image);
    const present = this.images.has(image);
    const name = rec.container.name;
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        ctx.event('Normal', EventReason.Pulled, `Container image "${image}" already present on machine`, fieldPath);
        return { ok: true };
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      ctx.event('Warning', EventReason.ErrImageNeverPull, message, fieldPath);
      ctx.step(`${name}: image ${image} is not on the node and imagePullPolicy is Never: ErrImageNeverPull`, {
        source: SOURCE,
        subject: name,
        level: 'warning',
      });
      return { ok: false, reason: ErrImageNeverPull, message };
    }
    const key = `${this.podUid}_${image}`;
    if (this.backoff.isInBackOffSinceUpdate(key, ctx.now())) {
      const message = `Back-off pulling image "${image}"`;
      ctx.event('Normal', EventReason.BackOff, message, fieldPath);
      ctx.step(`${name}: still in image pull back-off (${goDuration(this.backoff.get(key))}): ImagePullBackOff`, {
        source: SOURCE,
        subject: name,
        level: 'decision',
      });
      return { ok: false, reason: ImagePullBackOff, message, retryAtMs: this.backoff.expiresAt(key, this.updatedAt.get(key) ?? ctx.now()) };
    }
    ctx.event('Normal', EventReason.Pulling, `Pulling image "${image}"`, fieldPath);
    rec.pullAttempts++;
    const fails = rec.pullAttempts <= rec.behavior.image.failures;
    const pullStart = ctx.now();
    yield { untilMs: pullStart + rec.behavior.image.pullMs };
    const now = ctx.now();
    if (fails) {
      const error = rec.behavior.image.error || defaultPullError(image);
      ctx.event('Warning', EventReason.Failed, `Failed to pull image "${image}": ${error}`, fieldPath);
      this.backoff.next(key, now);
      this.updatedAt.set(key, now);
      ctx.step(`${name}: pulling ${image} failed: ErrImagePull; the next pull waits ${goDuration(this.backoff.get(key))}`, {
        source: SOURCE,
        subject: name,
        level: 'warning',
      });
      return { ok: false, reason: ErrImagePull, message: error };
    }
    const d = goDuration(Math.trunc(now - pullStart));
    ctx.event(
      'Normal',
      EventReason.Pulled,
      `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${rec.behavior.image.sizeBytes} bytes.`,
      fieldPath,
    );
    this.images.add(image);
    return { ok: true };
  }
}

/**
 * SetDefaults_Container (pkg/apis/core/v1/defaults.go): Always when the tag
 * parsers.ParseImageName finds is "latest", IfNotPresent otherwise. ParseImageName
 * gives "latest" to a name with neither tag nor digest, no tag to a digest-only
 * name, and keeps an explicit tag even beside a digest.
 *
 * @example defaultPullPolicy('nginx') // "Always";  defaultPullPolicy('nginx:1.27') // "IfNotPresent"
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  const explicitTag = lastColon > lastSlash ? name.slice(lastColon + 1) : '';
  const tag = explicitTag !== '' ? explicitTag : at >= 0 ? '' : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** containerd's error for a tag that does not exist. */
export function defaultPullError(image: string): string {
  const ref = normalizedImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

