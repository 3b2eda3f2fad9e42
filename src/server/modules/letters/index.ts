/**
 * Letters: pure templates (a letter model in, the structured letter out), the legal paragraphs they share, written
 * once and cited, and the PDF rendering apart. No database, no clock: the case modules journalise what these write.
 */
export { type DecisionLetterModel, decisionLetter } from './decision.letter.ts';
export { ANKESTYRELSEN, COMPLAINT_FORM_DA, type ForwardingLetterModel, forwardingLetter } from './forwarding.letter.ts';
export {
  CONTACT_US,
  type ComplaintContact,
  type ComplaintGuidanceModel,
  LEGAL_PARAGRAPHS,
  type MissedDeadlineModel,
  type PartyHearingModel,
  type ServiceLevelApplied,
} from './legal-paragraphs.ts';
export {
  type Appendix,
  composeLetter,
  type Letter,
  type LetterBody,
  type LetterEnvelope,
  type Letterhead,
  type Recipient,
} from './letter.model.ts';
export { printable, printableLetter, renderLetterPdf, UNPRINTABLE } from './letter.pdf.ts';
export { danishDate, danishNumber } from './letter-format.ts';
export { type MissedDeadlineNoticeModel, missedDeadlineNoticeLetter, NOTICE_PROMISES } from './missed-deadline-notice.letter.ts';
export { type ReceiptLetterModel, receiptLetter } from './receipt.letter.ts';
export { type Report, type ReportBlock, renderReportPdf } from './report.pdf.ts';
export { type StopLetterModel, stopLetter } from './stop.letter.ts';
