// placeholder, replaced below
import type { SimulationOutput } from '../shared/engine.ts';
import type { ScheduleResult } from './types.ts';
export type SchedulerView = { placeholder: true };
export function buildView(_output: SimulationOutput<ScheduleResult>): SchedulerView {
  return { placeholder: true };
}
