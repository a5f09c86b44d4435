import { Checkbox } from 'antd';
import { useState } from 'react';

/**
 * The done checkbox of an action: flips at once (click or Space), then stores
 * the tick; if storing fails it flips back and the error is shown.
 * Its accessible name is the action's text.
 */
export function TickBox({
  done,
  label,
  onTick,
}: {
  done: boolean;
  label: string;
  onTick(done: boolean): Promise<void>;
}) {
  const [checked, setChecked] = useState(done);
  const [prev, setPrev] = useState(done);
  if (prev !== done) {
    // The stored value changed underneath (a reload): follow it.
    setPrev(done);
    setChecked(done);
  }
  return (
    <Checkbox
      checked={checked}
      aria-label={label}
      onChange={(e) => {
        const next = e.target.checked;
        setChecked(next);
        onTick(next).catch(() => setChecked(!next));
      }}
    />
  );
}
