/** The print views: one chunk, loaded when a preview is first opened (print/lazy.tsx), with print.css and its fonts. */
export { ProgressSlip, ReceiptSlip } from './DemandSlips';
export { MinutesSheet } from './MinutesSheet';
export { PrintPreview } from './PrintPreview';
export { WeeklySheet } from './WeeklySheet';
