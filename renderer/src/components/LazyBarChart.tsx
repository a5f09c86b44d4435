/** The bar chart as the pages use it: ECharts is a chunk of its own, loaded when the first chart is drawn. */
import type { ComponentProps } from 'react';
import { Lazy, lazyNamed } from '../shell/lazy';
import type { BarChart as Chart } from './BarChart';

const Loaded = lazyNamed(() => import('./BarChart'), 'BarChart');

export function BarChart(props: ComponentProps<typeof Chart>) {
  return (
    <Lazy>
      <Loaded {...props} />
    </Lazy>
  );
}
