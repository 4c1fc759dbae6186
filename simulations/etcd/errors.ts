// Typed errors of the etcd engine.
//
// RaftInvariantError is what etcd-io/raft reports with logger.Panicf: a caller
// asked for something Raft's safety forbids (overwriting a committed entry,
// committing past the end of the log). It is a programmer error in the caller,
// never an outcome to show a learner as a result.

export class RaftInvariantError extends Error {
  override readonly name = 'RaftInvariantError';
}
