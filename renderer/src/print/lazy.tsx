/**
 * The print views as the pages use them, loaded when a preview is first opened: the preview, the sheets,
 * print.css and its bundled fonts are not part of the first screen. Same names and props as print/views.ts.
 */
import type { ComponentProps } from 'react';
import { Lazy, lazyNamed } from '../shell/lazy';
import type { PrintPreview as Preview } from './PrintPreview';

const views = () => import('./views');
const LoadedPreview = lazyNamed(views, 'PrintPreview');
export const MinutesSheet = lazyNamed(views, 'MinutesSheet');
export const WeeklySheet = lazyNamed(views, 'WeeklySheet');
export const ReceiptSlip = lazyNamed(views, 'ReceiptSlip');
export const ProgressSlip = lazyNamed(views, 'ProgressSlip');

/** The full-window preview (print/PrintPreview.tsx); 正在加载… over the window until its code is there. */
export function PrintPreview(props: ComponentProps<typeof Preview>) {
  return (
    <Lazy overlay>
      <LoadedPreview {...props} />
    </Lazy>
  );
}
