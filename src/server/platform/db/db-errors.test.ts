import { describe, expect, it } from 'vitest';
import { classifyDbError } from './db-errors.ts';

const pgError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('x'), { code, ...extra });

describe('classifyDbError', () => {
  it.each([
    [pgError('23505', { table: 'complaint', constraint: 'complaint_open_idx' }), 'unique_violation'],
    [pgError('22021'), 'unstorable_text'],
    [pgError('22P05'), 'unstorable_text'],
    [pgError('57P01'), 'unavailable'], // admin_shutdown: pg_terminate_backend, or a fast shutdown
    [pgError('57P02'), 'unavailable'], // crash_shutdown
    [pgError('57P03'), 'unavailable'], // cannot_connect_now: starting up or in recovery
    [pgError('08006'), 'unavailable'], // connection_failure
    [pgError('53300'), 'unavailable'], // too_many_connections
    [pgError('ECONNREFUSED'), 'unavailable'],
    [pgError('ECONNRESET'), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('Client has encountered a connection error and is not queryable'), 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]), 'unavailable'],
    [pgError('57014'), 'timeout'], // query_canceled: STATEMENT_TIMEOUT_MS ran out
    [pgError('23503'), 'other'],
    [pgError('40001'), 'other'],
    [new Error('secret internal detail'), 'other'],
    ['a string', 'other'],
    [null, 'other'],
  ])('%o is %s', (error, kind) => {
    expect(classifyDbError(error).kind).toBe(kind);
  });

  it('carries the table and constraint of a unique violation', () => {
    expect(classifyDbError(pgError('23505', { table: 'citizen', constraint: 'citizen_municipality_id_cpr_key' }))).toEqual({
      kind: 'unique_violation',
      table: 'citizen',
      constraint: 'citizen_municipality_id_cpr_key',
    });
  });
});
