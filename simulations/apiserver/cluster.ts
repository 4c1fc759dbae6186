// One simulated cluster: an API server, the virtual clock under it, and the
// actors that run on that clock (controllers, the scheduler, kubelets). An
// actor reacts to watch events and timers and writes through the API server;
// it never reaches into another actor's state. A chapter's engine is a set of
// actors, a scenario and a view.
//
// As kube-controller-manager runs its controllers over one API server, and
// like KWOK's fake nodes, the API surface is real and the machines are not.

import type { JsonObject } from '../apimachinery/json.ts';
import type { ApiServer, WatchSubscription } from './api-server.ts';
import type { ClockBudget, ClockStop, TaskHandle } from './clock.ts';
import type { VirtualClock } from './clock.ts';
import type { WatchEvent } from './result.ts';
import { freshApiServer } from './scenario.ts';

/** One line of the cluster's "why" trace. */
export interface ClusterTraceStep {
  /** Virtual ms since t = 0. */
  atMs: number;
  /** The actor that decided: "replicaset-controller", "default-scheduler", "kubelet/node-a". */
  actor: string;
  title: string;
  detail?: string;
  /** The upstream file the rule comes from. */
  source?: string;
  /** What the step is about: "Pod default/web-0". */
  subject?: string;
  level?: 'info' | 'decision' | 'warning';
}

/** What an actor gets to work with. */
export interface ActorContext {
  /** The actor's name (its identity in the trace and, later, as field manager). */
  readonly name: string;
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  /** Watches a kind: `handler` runs as a clock task after each change (and first with ADDED for what exists). */
  watch(apiVersion: string, kind: string, handler: (event: WatchEvent) => void, options?: { namespace?: string }): void;
  /** Runs `run` after `delayMs` virtual ms. */
  after(delayMs: number, label: string, run: () => void): TaskHandle;
  /** Records a step of the "why" trace. */
  trace(step: Omit<ClusterTraceStep, 'atMs' | 'actor'>): void;
}

/** A controller, scheduler or kubelet: started once, then driven by watch events and timers. */
export interface Actor {
  readonly name: string;
  start(context: ActorContext): void;
}

/** The budgets of one run: clock tasks, virtual time, and writes to the API server. */
export interface ClusterBudget extends ClockBudget {
  /** Writes (new revisions) the API server may take during the run. */
  maxEvents: number;
}

export type ClusterStop = ClockStop;

/**
 * A cluster: an API server and its actors on one clock.
 *
 * @example
 *   const cluster = new Cluster();
 *   cluster.add(myController);
 *   cluster.api.create(replicaSet);
 *   cluster.runUntilQuiet({ maxSteps: 10_000, maxVirtualTimeMs: 3_600_000, maxEvents: 10_000 });
 *   cluster.api.list('v1', 'Pod').items
 */
export class Cluster {
  readonly api: ApiServer;
  readonly trace: ClusterTraceStep[] = [];
  private readonly actors: Actor[] = [];
  private readonly subscriptions: WatchSubscription[] = [];

  constructor(options: { api?: ApiServer; seed?: string } = {}) {
    this.api = options.api ?? freshApiServer({ seed: options.seed });
  }

  get clock(): VirtualClock {
    return this.api.clock;
  }

  /** Starts an actor now: its watches begin with the objects that exist. */
  add(actor: Actor): this {
    this.actors.push(actor);
    actor.start(this.contextFor(actor));
    return this;
  }

  /** Runs until nothing is left to do or a budget is reached. */
  runUntilQuiet(budget: ClusterBudget): ClusterStop {
    return this.run(Infinity, budget);
  }

  /** Runs everything due up to `untilMs` (virtual ms since t = 0). */
  runUntil(untilMs: number, budget: ClusterBudget): ClusterStop {
    return this.run(untilMs, budget);
  }

  /** Stops every watch (the actors' timers stay until they come due). */
  stop(): void {
    for (const s of this.subscriptions) s.stop();
    this.subscriptions.length = 0;
  }

  private run(untilMs: number, budget: ClusterBudget): ClusterStop {
    const writesAllowed = this.api.storage.revision + budget.maxEvents;
    const check = () => (this.api.storage.revision >= writesAllowed ? { reason: 'maxEvents', limit: budget.maxEvents } : undefined);
    const clockBudget = { maxSteps: budget.maxSteps, maxVirtualTimeMs: budget.maxVirtualTimeMs, check };
    return Number.isFinite(untilMs) ? this.clock.runUntil(untilMs, clockBudget) : this.clock.runUntilQuiet(clockBudget);
  }

  private contextFor(actor: Actor): ActorContext {
    const cluster = this;
    return {
      name: actor.name,
      api: this.api,
      clock: this.clock,
      watch(apiVersion, kind, handler, options = {}) {
        const sub = cluster.api.watch(apiVersion, kind, handler, options);
        if ('stop' in sub) cluster.subscriptions.push(sub);
        else throw new Error(`${actor.name}: cannot watch ${apiVersion} ${kind}: ${sub.message}`);
      },
      after(delayMs, label, run) {
        return cluster.clock.after(delayMs, `${actor.name}: ${label}`, run);
      },
      trace(step) {
        cluster.trace.push({ atMs: cluster.clock.now(), actor: actor.name, ...step });
      },
    };
  }
}

/** The object's "namespace/name" (or "name"), as controllers key their queues. src: client-go tools/cache MetaNamespaceKeyFunc */
export function objectKey(object: Readonly<JsonObject>): string {
  const meta = (object.metadata ?? {}) as JsonObject;
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  const name = typeof meta.name === 'string' ? meta.name : '';
  return ns === '' ? name : `${ns}/${name}`;
}
