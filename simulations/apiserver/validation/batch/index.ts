// The batch/v1 kinds' validation, as their registry strategies call it.
// src: pkg/registry/batch/{job,cronjob}/strategy.go

import type { ValidationTable } from '../types.ts';
import { cronJobStatusStrategyValidateUpdate, cronJobStrategyValidate, cronJobStrategyValidateUpdate } from './cron-job.ts';
import { jobStrategyValidate, jobStrategyValidateUpdate } from './job.ts';
import { jobStatusStrategyValidateUpdate } from './job-status.ts';

export const BATCH_VALIDATION: ValidationTable = {
  'batch/v1/Job': { create: jobStrategyValidate, update: jobStrategyValidateUpdate, statusUpdate: jobStatusStrategyValidateUpdate },
  'batch/v1/CronJob': { create: cronJobStrategyValidate, update: cronJobStrategyValidateUpdate, statusUpdate: cronJobStatusStrategyValidateUpdate },
};
