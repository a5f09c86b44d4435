/** The current village and operator, loaded once and shared by every page. */
import { createContext, useContext } from 'react';
import type { Village } from '../../../shared/domain';

export interface VillageState {
  village: Village;
  operator: string;
  refresh(): Promise<void>;
}

export const VillageContext = createContext<VillageState | null>(null);

export function useVillage(): VillageState {
  const v = useContext(VillageContext);
  if (!v) throw new Error('useVillage outside VillageContext');
  return v;
}
