import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '@medplum/fhirtypes';

/**
 * A local stand-in for KL's FFB gateway in tests: records every report posted and answers as told (accept, reject
 * with codes, fail with 503, or no answer at all).
 */
export type GatewayMode = 'accept' | 'reject' | 'fail' | 'hang';

export type TestGateway = {
  url: string;
  received: Bundle[];
  mode: GatewayMode;
  close(): Promise<void>;
};

export async function startTestGateway(): Promise<TestGateway> {
  const gateway: TestGateway = { url: '', received: [], mode: 'accept', close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (gateway.mode === 'hang') return;
      gateway.received.push(JSON.parse(body) as Bundle);
      res.setHeader('content-type', 'application/fhir+json');
      if (gateway.mode === 'accept') {
        res.statusCode = 201;
        res.end(
          JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] }),
        );
      } else if (gateway.mode === 'reject') {
        res.statusCode = 422;
        res.end(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'invariant', details: { coding: [{ code: 'GW-CPR-001' }], text: 'CPR' } }],
          }),
        );
      } else {
        res.statusCode = 503;
        res.end('{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`;
  gateway.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gateway;
}
