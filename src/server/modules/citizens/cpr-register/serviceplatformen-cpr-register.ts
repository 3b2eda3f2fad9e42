import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CprRegisterConfig } from '../../../platform/config.ts';
import type { CprLookup, CprRegister } from './cpr-register.ts';

type Settings = Extract<CprRegisterConfig, { kind: 'serviceplatformen' }>;

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/**
 * SF1520's PersonLookup request (Serviceplatformen, "Udvidet person stamdata"): the invocation context of the
 * service agreement and the CPR number. Element names after Serviceplatformen's public description of SF1520; they
 * are tested against a local stand-in only, so check them against the service agreement's WSDL when connecting.
 */
export function personLookupEnvelope(s: Settings, cpr: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/" xmlns:inv="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/">
  <soapenv:Header/>
  <soapenv:Body>
    <ns:PersonLookupRequest>
      <inv:InvocationContext>
        <inv:ServiceAgreementUUID>${escapeXml(s.serviceAgreementUuid)}</inv:ServiceAgreementUUID>
        <inv:UserSystemUUID>${escapeXml(s.userSystemUuid)}</inv:UserSystemUUID>
        <inv:UserUUID>${escapeXml(s.userUuid)}</inv:UserUUID>
        <inv:ServiceUUID>${escapeXml(s.serviceUuid)}</inv:ServiceUUID>
        <inv:AccountingInfo>Visitator</inv:AccountingInfo>
      </inv:InvocationContext>
      <PNR>${escapeXml(cpr)}</PNR>
    </ns:PersonLookupRequest>
  </soapenv:Body>
</soapenv:Envelope>`;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of the first element with this local name, whatever its namespace prefix. */
function textOf(xml: string, localName: string): string | null {
  const m = new RegExp(`<(?:[A-Za-z0-9_.-]+:)?${localName}(?:\\s[^>]*)?>([^<]*)</(?:[A-Za-z0-9_.-]+:)?${localName}>`).exec(xml);
  const value = m?.[1]?.trim();
  return value ? unescapeXml(value) : null;
}

/** The person in a PersonLookupResponse, or not found when it names no one. */
export function personFromResponse(cpr: string, xml: string): CprLookup {
  const given = textOf(xml, 'PersonGivenName');
  const middle = textOf(xml, 'PersonMiddleName');
  const surname = textOf(xml, 'PersonSurnameName');
  if (!given || !surname) return { status: 'not_found' };
  const street = [textOf(xml, 'StreetName'), textOf(xml, 'StreetBuildingIdentifier')].filter(Boolean).join(' ');
  const floor = [textOf(xml, 'FloorIdentifier'), textOf(xml, 'SuiteIdentifier')].filter(Boolean).join('. ');
  return {
    status: 'found',
    person: {
      cpr,
      firstName: middle ? `${given} ${middle}` : given,
      lastName: surname,
      address: street ? (floor ? `${street}, ${floor}` : street) : null,
      postalCode: textOf(xml, 'PostCodeIdentifier'),
      city: textOf(xml, 'DistrictName'),
    },
  };
}

/**
 * Serviceplatformen's CPR service over SOAP with the service agreement's certificate (mutual TLS). Any failure —
 * refused, timed out, an HTTP error — is `unavailable`: the form then asks for the details by hand.
 */
export function serviceplatformenCprRegister(s: Settings): CprRegister {
  const pfx = s.pfxPath ? readFileSync(s.pfxPath) : undefined;
  return {
    source: 'serviceplatformen',
    lookup(cpr: string): Promise<CprLookup> {
      const body = personLookupEnvelope(s, cpr);
      const url = new URL(s.url);
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        const req = request(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': 'text/xml; charset=utf-8',
              soapaction: 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/PersonLookup',
              'content-length': Buffer.byteLength(body),
            },
            timeout: s.timeoutMs,
            ...(pfx ? { pfx, passphrase: s.pfxPassphrase } : {}),
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const xml = Buffer.concat(chunks).toString('utf8');
              // Only a 200 is an answer; a fault (500), a refused certificate or a gateway error is no answer.
              resolve(res.statusCode === 200 ? personFromResponse(cpr, xml) : { status: 'unavailable' });
            });
            res.on('error', () => resolve({ status: 'unavailable' }));
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', () => resolve({ status: 'unavailable' }));
        req.end(body);
      });
    },
  };
}
