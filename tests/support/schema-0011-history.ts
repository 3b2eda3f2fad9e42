import { createHash } from 'node:crypto';
import type { AdminTx } from '../../src/server/platform/db/database.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';

/**
 * Case history written straight into a database at migration 0011 (before the tenant keys), as the owner: for every
 * case a request, deadline, letter, journal entries, assessment with themes and an outreach talk; where the
 * municipality has a catalogue, a decision and a complaint; where it has offers too, an order with a goal, sub-goal,
 * journal, hours, FKO status, messages and a follow-up. So every tenant table of 0011 holds rows.
 *
 * Written as SQL against the 0011 schema on purpose, not through the use cases: the code of today needs today's
 * schema, while this must stay what a database created before 0012 held. It also fits today's schema, where the
 * query-plan tests use it for realistic statistics. Set-based (generate_series), so the
 * migration bench can make it large. Ids are md5-derived UUIDs (version 5 layout), stable across runs: historyId.
 */
export async function writeHistoryAt0011(tx: AdminTx, municipalityId: string, cases: number): Promise<void> {
  const [user] = await tx.query<{ id: string }>(
    `select id from app_user where municipality_id = $1 and role = 'caseworker' order by name limit 1`,
    [municipalityId],
  );
  if (!user) throw new Error(`no caseworker in ${municipalityId}`);
  const [version] = await tx.query<{ id: string }>(
    `select v.id from service_description_version v join service_description d on d.id = v.service_description_id
     where v.municipality_id = $1 and v.status = 'approved' order by d.key, v.number limit 1`,
    [municipalityId],
  );
  // Bostøtten where it exists: the demo provider staff of Ringkøbing-Skjern work there.
  const [offer] = await tx.query<{ id: string }>(
    `select id from offer where municipality_id = $1 order by key = 'bostoetten' desc, key limit 1`,
    [municipalityId],
  );
  const m = municipalityId;
  const id = (kind: string) =>
    `overlay(overlay(md5($1::text || ':${kind}:' || g) placing '5' from 13 for 1) placing '8' from 17 for 1)::uuid`;
  const series = 'from generate_series(1, $2::int) g';
  const support = (display: string) => SUPPORT_NEED_LEVELS.find((l) => l.display === display)?.code ?? '';
  const activity = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');

  await tx.query(
    `insert into case_file (id, municipality_id, citizen_id, caseworker_id, status, title, opened_on)
     select ${id('case')}, $1::uuid, c.ids[1 + g % array_length(c.ids, 1)], $3::uuid,
            case when $4::boolean then 'ordered' when $5::boolean then 'decided' else 'assessment' end,
            'Bostøtte ' || g, date '2026-01-05' + (g % 200)
     ${series}, (select array_agg(id order by cpr) as ids from citizen where municipality_id = $1::uuid) c`,
    [m, cases, user.id, Boolean(offer && version), Boolean(version)],
  );
  await tx.query(
    `insert into case_request (municipality_id, case_id, channel, received_on, requested_by, what)
     select $1::uuid, ${id('case')}, 'letter', date '2026-01-05' + (g % 200), 'citizen', 'Hjælp i eget hjem' ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into case_deadline (municipality_id, case_id, kind, from_date, due_date, ends_at_time, rule_version, source, met_on)
     select $1::uuid, ${id('case')}, 'receipt', date '2026-01-05' + (g % 200), date '2026-01-12' + (g % 200), '23:59',
            'fixture-0011', 'Fixture written at migration 0011', date '2026-01-06' + (g % 200) ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into case_document (id, municipality_id, case_id, kind, title, journalised_on, content, letter)
     select ${id('document')}, $1::uuid, ${id('case')}, 'receipt_letter', 'Kvittering', date '2026-01-06' + (g % 200),
            convert_to('%PDF-1.4 fixture ' || g, 'UTF8'), '{"paragraphs": ["Vi har modtaget din ansøgning."]}'::jsonb ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into case_event (municipality_id, case_id, kind, subject, actor_name, document_id)
     select $1::uuid, ${id('case')}, e.kind, e.subject, 'Fixture', case when e.kind = 'receipt_sent' then ${id('document')} end
     ${series}, (values ('request_received', 'Henvendelse modtaget'), ('receipt_sent', 'Kvittering sendt')) e(kind, subject)`,
    [m, cases],
  );
  await tx.query(
    `insert into assessment (id, municipality_id, case_id, support_need_code)
     select ${id('assessment')}, $1::uuid, ${id('case')}, $3 ${series}`,
    [m, cases, support('Moderat støttebehov')],
  );
  await tx.query(
    `insert into assessment_theme (municipality_id, assessment_id, theme_code, level_code)
     select $1::uuid, ${id('assessment')}, t, $3 ${series}, unnest($4::text[]) t`,
    [m, cases, FUNCTION_LEVELS[2]?.code, activity.map((t) => t.code)],
  );
  await tx.query(
    `insert into outreach_contact (municipality_id, case_id, kind, held_on)
     select $1::uuid, ${id('case')}, 'clarifying_talk', date '2026-01-05' + (g % 200) ${series}`,
    [m, cases],
  );
  if (!version) return;

  await tx.query(
    `insert into decision (id, municipality_id, case_id, outcome, legal_basis, service_description_version_id, weekly_hours,
       start_date, reasons, party_hearing, decided_on, decided_by, letter_document_id)
     select ${id('decision')}, $1::uuid, ${id('case')}, 'granted', 'SEL § 85', $3::uuid, 3, date '2026-08-03' + (g % 100),
            'Udredningen viser et væsentligt behov.', 'done', date '2026-07-27' + (g % 100), $4::uuid, ${id('document')} ${series}`,
    [m, cases, version.id, user.id],
  );
  await tx.query(
    `insert into complaint (municipality_id, case_id, decision_id, form, received_on, text, timeliness, status,
       appeal_outcome, appeal_decided_on, registered_by)
     select $1::uuid, ${id('case')}, ${id('decision')}, 'written', date '2026-08-10' + (g % 100), 'Jeg klager.', 'in_time',
            'appeal_decided', 'confirmed', date '2026-10-01' + (g % 100), $3::uuid ${series}`,
    [m, cases, user.id],
  );
  if (!offer) return;

  await tx.query(
    `insert into case_order (id, municipality_id, case_id, decision_id, offer_id, ordered_on, first_follow_up, status,
       accepted_on, actual_start)
     select ${id('order')}, $1::uuid, ${id('case')}, ${id('decision')}, $3::uuid, date '2026-08-03' + (g % 100),
            date '2026-11-03' + (g % 100), 'accepted', date '2026-08-04' + (g % 100), date '2026-08-05' + (g % 100) ${series}`,
    [m, cases, offer.id],
  );
  await tx.query(
    `insert into order_goal (id, municipality_id, order_id, position, text, indicator, target_date, condition_code,
       goal_type_code, baseline_support_need_code, target_support_need_code)
     select ${id('goal')}, $1::uuid, ${id('order')}, 1, 'Handler selv ind', 'Indkøb om ugen uden støtte', date '2027-06-30',
            $3, $4, $5, $6 ${series}`,
    [m, cases, activity[0]?.code, GOAL_TYPES[0]?.code, support('Højt støttebehov'), support('Moderat støttebehov')],
  );
  await tx.query(
    `insert into order_subgoal (municipality_id, order_id, goal_id, text, target_date, created_by_name)
     select $1::uuid, ${id('order')}, ${id('goal')}, 'Laver en indkøbsliste', date '2027-01-31', 'Fixture' ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into order_journal (municipality_id, order_id, goal_id, written_on, body, author_name)
     select $1::uuid, ${id('order')}, ${id('goal')}, date '2026-08-10' + (g % 100), 'Handlede ind sammen.', 'Fixture' ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into delivered_hours (municipality_id, order_id, week_start, hours, registered_by_name)
     select $1::uuid, ${id('order')}, date '2026-08-10', 3, 'Fixture' ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into fko_status (municipality_id, order_id, goal_id, kind, scored_on, support_need_code, justification, scored_by_name)
     select $1::uuid, ${id('order')}, ${id('goal')}, 'quarterly', date '2026-11-03', $3, 'Gør fremskridt.', 'Fixture' ${series}`,
    [m, cases, support('Moderat støttebehov')],
  );
  await tx.query(
    `insert into case_message (municipality_id, case_id, order_id, channel, from_party, author_name, body)
     select $1::uuid, ${id('case')}, ${id('order')}, 'provider', 'authority', 'Fixture', 'Velkommen.' ${series}`,
    [m, cases],
  );
  await tx.query(
    `insert into follow_up (municipality_id, case_id, order_id, held_on, outcome, note, next_follow_up, held_by_name)
     select $1::uuid, ${id('case')}, ${id('order')}, date '2026-11-05', 'continue', 'Fortsætter.', date '2027-02-05', 'Fixture'
     ${series}`,
    [m, cases],
  );
}

/** The id writeHistoryAt0011 gave the n-th row of a kind ('case', 'order', 'decision', …) in a municipality. */
export function historyId(municipalityId: string, kind: string, n: number): string {
  const h = createHash('md5').update(`${municipalityId}:${kind}:${n}`).digest('hex').split('');
  h[12] = '5';
  h[16] = '8';
  const hex = h.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
