/**
 * 导入Excel as the pages use it: its code (the steps, the mapping, the preview) is loaded when the wizard is
 * first opened, and it stays mounted from then on, as it always was. Same props as ImportWizard.tsx.
 */
import { lazyDialog } from '../../shell/lazy';

export const ImportWizard = lazyDialog(() => import('./ImportWizard'), 'ImportWizard');
