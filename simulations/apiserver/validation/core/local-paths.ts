// Relative paths inside a volume (items' paths, subPath, seccomp localhost
// profiles): never absolute, never stepping out with "..".
// src: pkg/apis/core/validation/validation.go (validateLocalDescendingPath,
// validatePathNoBacksteps, ValidateLocalNonReservedPath)

import { invalid, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';

/** validatePathNoBacksteps: one error even for `../../..`. */
export function validatePathNoBacksteps(targetPath: string, fldPath: Path): ErrorList {
  // The API server runs on Linux: filepath.ToSlash leaves the path as is.
  return targetPath.split('/').includes('..') ? [invalid(fldPath, targetPath, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, and no ".." element. */
export function validateLocalDescendingPath(targetPath: string, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (targetPath.startsWith('/')) errs.push(invalid(fldPath, targetPath, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(targetPath, fldPath));
  return errs;
}

/** ValidateLocalNonReservedPath: also may not start with ".." (unless "../", already reported). */
export function validateLocalNonReservedPath(targetPath: string, fldPath: Path): ErrorList {
  const errs = validateLocalDescendingPath(targetPath, fldPath);
  if (targetPath.startsWith('..') && !targetPath.startsWith('../')) errs.push(invalid(fldPath, targetPath, "must not start with '..'"));
  return errs;
}
