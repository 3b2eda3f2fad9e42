import type { ReactNode } from 'react';
import type { CatalogueContent } from '../../../shared/catalogue/catalogue.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

/** Text with line breaks as paragraphs; lines starting with "- " as a list. */
export function Prose({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) {
      blocks.push(
        <ul key={`l${blocks.length}`}>
          {list.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>,
      );
      list = [];
    }
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) list.push(line.slice(2));
    else {
      flush();
      if (line.trim()) blocks.push(<p key={`p${blocks.length}`}>{line}</p>);
    }
  }
  flush();
  return <>{blocks}</>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="vt-doc-section">
      <h2 className="h3">{title}</h2>
      {children}
    </section>
  );
}

const TEXT_SECTIONS: [keyof CatalogueContent, MessageKey][] = [
  ['purpose', 'catalogue.section.purpose'],
  ['legalBasisText', 'catalogue.section.legalBasis'],
  ['targetGroup', 'catalogue.section.targetGroup'],
  ['remarks', 'catalogue.section.remarks'],
  ['scope', 'catalogue.section.scope'],
  ['timeLimits', 'catalogue.section.timeLimits'],
  ['modules', 'catalogue.section.modules'],
];

const LATER_SECTIONS: [keyof CatalogueContent, MessageKey][] = [
  ['citizenOwnTasks', 'catalogue.section.citizenOwnTasks'],
  ['guidelineTime', 'catalogue.section.guidelineTime'],
  ['duration', 'catalogue.section.duration'],
  ['delivery', 'catalogue.section.delivery'],
  ['workEnvironment', 'catalogue.section.workEnvironment'],
  ['places', 'catalogue.section.places'],
  ['contacts', 'catalogue.section.contacts'],
  ['resourceAllocation', 'catalogue.section.resourceAllocation'],
];

/** Every section of a service description or quality standard, in the order of the seeds. Empty ones are left out. */
export function DescriptionSections({ content }: { content: CatalogueContent }) {
  const { t } = useI18n();
  const text = (key: keyof CatalogueContent, label: MessageKey) => {
    const value = content[key];
    return typeof value === 'string' && value.trim() ? (
      <Section key={key} title={t(label)}>
        <Prose text={value} />
      </Section>
    ) : null;
  };
  return (
    <>
      {TEXT_SECTIONS.map(([k, l]) => text(k, l))}
      {content.qualityGoals.length ? (
        <Section title={t('catalogue.section.qualityGoals')}>
          <ul>
            {content.qualityGoals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {content.activities.length ? (
        <Section title={t('catalogue.section.activities')}>
          <ul>
            {content.activities.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {content.typicalTasks.length ? (
        <Section title={t('catalogue.section.typicalTasks')}>
          {content.typicalTasks.map((group) => (
            <div key={group.area}>
              <h3 className="h5">{group.area}</h3>
              <ul>
                {group.tasks.map((task) => (
                  <li key={task}>{task}</li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}
      {content.notCovered.length ? (
        <Section title={t('catalogue.section.notCovered')}>
          <ol data-testid="not-covered">
            {content.notCovered.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        </Section>
      ) : null}
      {LATER_SECTIONS.map(([k, l]) => text(k, l))}
      {content.profileBands.length ? (
        <Section title={t('catalogue.section.profiles')}>
          <div className="vt-table-scroll">
            <table className="table table--compact" data-testid="profile-bands">
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.profile')}</th>
                  <th scope="col">{t('catalogue.profile.hours')}</th>
                  <th scope="col">{t('catalogue.profile.severity')}</th>
                  <th scope="col">VUM</th>
                </tr>
              </thead>
              <tbody>
                {content.profileBands.map((b) => (
                  <tr key={b.code}>
                    <td>{b.code}</td>
                    <td>
                      {t('catalogue.profile.band', {
                        above: String(b.above).replace('.', ','),
                        upTo: String(b.upTo).replace('.', ','),
                      })}
                    </td>
                    <td>{b.severity ?? ''}</td>
                    <td>{(b.vumCategories ?? []).join('/')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {content.profileBands.some((b) => b.description) ? (
            <details className="details">
              <summary className="details-summary">{t('catalogue.profile.descriptions')}</summary>
              <div className="details-text">
                {content.profileBands
                  .filter((b) => b.description)
                  .map((b) => (
                    <div key={b.code}>
                      <h3 className="h5">
                        {t('catalogue.profile')} {b.code}
                      </h3>
                      <Prose text={b.description ?? ''} />
                    </div>
                  ))}
              </div>
            </details>
          ) : null}
        </Section>
      ) : null}
      {content.describedProfiles.length ? (
        <Section title={t('catalogue.section.profiles')}>
          {content.describedProfiles.map((p) => (
            <div key={p.code}>
              <h3 className="h5">
                {t('catalogue.profile')} {p.code}
              </h3>
              <Prose text={p.description} />
            </div>
          ))}
        </Section>
      ) : null}
    </>
  );
}
